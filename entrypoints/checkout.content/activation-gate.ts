/** How long after a click or key press a page may still ask, as browsers' transient activation lasts. */
const ACTIVATION_MS = 5_000;
// The input events that give a page user activation (HTML's "activation triggering input event").
const ACTIVATING_EVENTS = ['keydown', 'mousedown', 'pointerdown', 'pointerup', 'touchend'] as const;

/**
 * Lets a page's request open the wallet's window only right after the shopper clicked or typed on
 * the page, and only once per such gesture: a page that re-asks on every refusal opens nothing
 * more until the shopper acts again. The browser's own record (`navigator.userActivation`) must
 * agree where it exists; the gesture itself is seen by listening before the page's scripts can.
 */
export function createActivationGate(win: Window, now: () => number = () => performance.now()) {
  let gestureAt = Number.NEGATIVE_INFINITY;
  let usedAt = Number.NEGATIVE_INFINITY;
  const onGesture = (event: Event) => {
    if (event.isTrusted && !(event instanceof KeyboardEvent && event.key === 'Escape')) gestureAt = now();
  };
  for (const type of ACTIVATING_EVENTS) win.addEventListener(type, onGesture, { capture: true, passive: true });

  return {
    /** Whether a fresh gesture allows one request now; the gesture is spent by asking. */
    take(): boolean {
      const at = now();
      const browserAgrees = (win.navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation?.isActive ?? true;
      if (!browserAgrees || gestureAt <= usedAt || at - gestureAt > ACTIVATION_MS) return false;
      usedAt = at;
      return true;
    },
    stop() {
      for (const type of ACTIVATING_EVENTS) win.removeEventListener(type, onGesture, { capture: true });
    },
  };
}
