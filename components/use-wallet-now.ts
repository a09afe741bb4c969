import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CLOCK_STORAGE_KEY, simulatedTimeAt, storedTimeAnchor, type TimeAnchor } from '@/lib/simulated-time';

/**
 * The wallet's time, which a demo may run faster than this computer's: from the anchor the
 * background keeps in local storage, followed when the demo changes speed, and looked at again
 * every `tickMs` so "arrives" turns into "arrived" and progress moves while the page is open.
 * `undefined` until the anchor has been read, so nothing is dated by the wrong clock. The
 * background still decides every time-based rule; this only keeps the page's wording in step.
 */
export function useWalletNow(tickMs = 30_000): number | undefined {
  const [anchor, setAnchor] = useState<{ value: TimeAnchor | undefined }>();
  const [, setTicks] = useState(0);

  useEffect(() => {
    let mounted = true;
    const follow = (stored: unknown) => setAnchor({ value: storedTimeAnchor(stored) });
    void browser.storage.local.get(CLOCK_STORAGE_KEY).then((stored) => mounted && follow(stored[CLOCK_STORAGE_KEY]));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[CLOCK_STORAGE_KEY];
      if (area === 'local' && change) follow(change.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    const timer = setInterval(() => setTicks((ticks) => ticks + 1), tickMs);
    return () => {
      mounted = false;
      browser.storage.onChanged.removeListener(onChanged);
      clearInterval(timer);
    };
  }, [tickMs]);

  if (!anchor) return undefined;
  return anchor.value ? simulatedTimeAt(anchor.value, Date.now()) : Date.now();
}
