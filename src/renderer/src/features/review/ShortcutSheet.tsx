/** The "?" sheet: every review shortcut, generated from the command list so it cannot go stale. */
import { describeBinding, type KeyBinding } from '@core/review/commands'
import { Dialog } from '../../ui/Dialog'
import { REVIEW_COMMANDS, SHELL_SHORTCUTS } from './reviewCommands'

function Keys({ keys }: { keys: readonly KeyBinding[] }): React.JSX.Element {
  return (
    <span className="shortcut-keys">
      {keys.map((k) => (
        <kbd key={describeBinding(k)}>{describeBinding(k)}</kbd>
      ))}
    </span>
  )
}

export function ShortcutSheet({ onClose }: { onClose(): void }): React.JSX.Element {
  const groups = new Map<string, { label: string; keys: readonly KeyBinding[] }[]>()
  for (const command of REVIEW_COMMANDS) {
    // The nine quick-ground keys read better as one line.
    if (command.name.startsWith('review.quick-ground-') || command.name.startsWith('review.nudge-')) continue
    const list = groups.get(command.group) ?? []
    list.push({ label: command.label, keys: command.keys })
    groups.set(command.group, list)
  }
  groups.get('Grounds')?.push({ label: 'Set a recent ground (1 = most recent)', keys: [{ key: '1–9' }] })
  // The eight nudge commands (four arrows, with and without Shift) read better as one line too.
  groups.get('Edit')?.push({
    label: 'Nudge the selected boxes 1 pt (Shift: 10 pt)',
    keys: [{ key: '←' }, { key: '↑' }, { key: '→' }, { key: '↓' }]
  })
  groups.set('Everywhere', [...SHELL_SHORTCUTS])
  return (
    <Dialog
      title="Keyboard shortcuts"
      testId="shortcut-sheet"
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="shortcut-sheet">
        {[...groups.entries()].map(([group, list]) => (
          <section key={group}>
            <h3>{group}</h3>
            <dl>
              {list.map((item) => (
                <div key={item.label}>
                  <dt>{item.label}</dt>
                  <dd>
                    <Keys keys={item.keys} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  )
}
