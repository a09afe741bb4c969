import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

const focusableIn = (root: HTMLElement) =>
  [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.getClientRects().length > 0);

/**
 * Keeps Tab and Shift+Tab cycling inside a dialog-like window, so the keyboard never wanders
 * into the browser's toolbar while a payment waits. Each time `step` changes (the window loads,
 * unlocks, moves on) and focus is not already inside, the first control takes it, without
 * scrolling anything: what a page sent may put that control far down, and the window must still
 * open at its top, where it says who is asking.
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>, step: string) {
  useEffect(() => {
    const root = container.current;
    if (root && !root.contains(document.activeElement)) focusableIn(root)[0]?.focus({ preventScroll: true });
  }, [container, step]);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    const focusable = () => focusableIn(root);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const elements = focusable();
      const first = elements[0];
      const last = elements.at(-1);
      if (!first || !last) return;
      const inside = root.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [container]);
}
