/**
 * The screen's device pixel ratio, updated when it changes (the window moves to a 2× monitor, or
 * the OS scale changes), so pages are redrawn sharp for the new screen instead of stretched.
 */
import { useEffect, useState } from 'react'

const current = (): number => window.devicePixelRatio || 1

export function useDevicePixelRatio(): number {
  const [ratio, setRatio] = useState(current)
  useEffect(() => {
    // A resolution query matches only the ratio it was built for: re-arm it after each change.
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`)
    const onChange = (): void => setRatio(current())
    query.addEventListener('change', onChange)
    return () => query.removeEventListener('change', onChange)
  }, [ratio])
  return ratio
}
