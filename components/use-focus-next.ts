import { useEffect, useRef } from 'preact/hooks';

/**
 * Focus for a control that may not be drawn (or enabled) yet: asked for by its id, given after
 * the next render. `initial` is focused after the first one.
 */
export function useFocusNext(initial?: string): (id: string) => void {
  const next = useRef<string | undefined>(initial);
  useEffect(() => {
    if (next.current) document.getElementById(next.current)?.focus();
    next.current = undefined;
  });
  return (id) => {
    next.current = id;
  };
}
