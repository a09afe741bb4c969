import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import type { DemoClock } from '@/lib/clock';
import { createSerialQueue } from '@/lib/serial-queue';
import { BADGE_COLOURS, badgeText, iconFiles } from '@/lib/toolbar';
import type { WalletContext } from '@/lib/wallet/context';
import { waitingCount, waitingForShopper } from '@/lib/wallet/waiting';

/** When the shopper last saw the popup's lists, by the wallet's clock: refunds that arrived before then are no news. */
const SEEN_KEY = 'refundsSeenAt';
const ALARM = 'badge';

/**
 * The toolbar button: the wallet's mark or its locked variant, and the badge counting what waits for
 * the shopper. Browsers keep what was set while they run and may forget it or bring back a stale one
 * at a restart, so the background sets both on every change that can alter them and when the browser
 * starts, not on every wake of its worker.
 */
export function createToolbar({ db }: WalletContext, clock: DemoClock) {
  // Firefox's MV2 build has only the older name for the same button.
  const button = browser.action ?? browser.browserAction;
  // Recounts one at a time: two started together could otherwise write their counts in the wrong order.
  const serially = createSerialQueue();

  // The badge is a hint: failing to update it must not fail the payment or refund that changed the count.
  const recount = () =>
    serially(async () => {
      const seenAt = z.int().safeParse((await browser.storage.local.get(SEEN_KEY))[SEEN_KEY]).data;
      const waiting = await waitingForShopper(db, clock.now(), seenAt);
      await Promise.all([
        button.setBadgeText({ text: badgeText(waitingCount(waiting)) }),
        button.setBadgeBackgroundColor({ color: BADGE_COLOURS.background }),
        button.setBadgeTextColor({ color: BADGE_COLOURS.text }),
      ]);
      // A refund to a card arrives on its own, days later: an alarm recounts then.
      if (waiting.nextArrivalAt === undefined) await browser.alarms.clear(ALARM);
      else await browser.alarms.create(ALARM, { when: Math.max(clock.realTimeOf(waiting.nextArrivalAt), Date.now() + 1_000) });
    }).catch((error: unknown) => console.error('The toolbar badge could not be updated', error));

  return {
    recount,
    /** The shopper saw the popup's lists: the refunds that have arrived so far stop counting. */
    async seen(): Promise<void> {
      await browser.storage.local.set({ [SEEN_KEY]: clock.now() });
      await recount();
    },
    showLocked: (locked: boolean) =>
      button
        .setIcon({ path: iconFiles(locked ? 'locked' : 'wallet') })
        .catch((error: unknown) => console.error('The toolbar icon could not be set', error)),
    listen() {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === ALARM) void recount();
      });
    },
  };
}
export type Toolbar = ReturnType<typeof createToolbar>;
