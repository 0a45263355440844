/** The viewer's full-size states instead of pages: opening, locked, broken, hung. Never a blank window. */
import type { ReactNode } from 'react'

export function ViewerMessage(props: {
  tone: 'busy' | 'error' | 'locked'
  title: string
  detail?: string
  children?: ReactNode
}): React.JSX.Element {
  return (
    <div className={`viewer-message tone-${props.tone}`} role={props.tone === 'busy' ? 'status' : 'alert'}>
      {props.tone === 'busy' ? <div className="viewer-spinner" aria-hidden="true" /> : null}
      <h2>{props.title}</h2>
      {props.detail ? <p className="viewer-message-detail">{props.detail}</p> : null}
      {props.children ? <div className="viewer-message-actions">{props.children}</div> : null}
    </div>
  )
}
