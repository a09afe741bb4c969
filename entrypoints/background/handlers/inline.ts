import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { clickVerdict, type ClickVerdict, type FramePoint, type InlineCheck } from '@/lib/inline/click-check';
import { inlinePurpose, type InlinePurpose } from '@/lib/inline/messages';
import { createInlineRegistry, mountedBy, type InlineRegistration } from '@/lib/inline/registry';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { readBalance } from '@/lib/wallet/balance';
import type { BackgroundServices } from '../services';
import { storefrontOf, walletFrameOf } from '../sender';

const STORAGE_KEY = 'inlineFrames';

/**
 * Asks the content script that mounted the frame whether the click counts, and what a fill frame
 * stands for now; a page that went away, or an answer that does not parse, counts as no.
 */
async function judgeClick(
  registration: InlineRegistration,
  point: FramePoint,
): Promise<{ verdict: ClickVerdict; purpose?: InlinePurpose }> {
  const check: InlineCheck = { type: 'inline.check', token: registration.token, point };
  const answer: unknown = await browser.tabs
    .sendMessage(registration.tabId, check, { frameId: registration.frameId })
    .catch(() => undefined);
  const judged = clickJudgement.safeParse(answer);
  if (!judged.success) return { verdict: 'gone' };
  const { verdict, purpose } = judged.data;
  // Only a fill follows the page; a payment stays the offer the page made when it was shown.
  return purpose?.kind === 'fill' && registration.purpose.kind === 'fill' ? { verdict, purpose } : { verdict };
}

const clickJudgement = z.object({ verdict: clickVerdict, purpose: z.optional(inlinePurpose) });

/** The wallet's frames on store pages: what each shows, and the clicks that open the confirm window. */
export function inlineHandlers({ context, approvals }: BackgroundServices) {
  const registry = createInlineRegistry({
    load: async () => (await browser.storage.session.get(STORAGE_KEY))[STORAGE_KEY],
    save: (value) => browser.storage.session.set({ [STORAGE_KEY]: value }),
  });
  browser.tabs.onRemoved.addListener((tabId) => void registry.forgetTab(tabId));

  const handlers: Pick<RuntimeHandlers, 'inline.present' | 'inline.view' | 'inline.press'> = {
    'inline.present': async ({ token, purpose }, from) => {
      await registry.present(storefrontOf(from), token, purpose);
      return { registered: true as const };
    },
    'inline.view': async ({ token }, from) => {
      const { purpose } = await registry.claim(walletFrameOf(from), token);
      if (purpose.kind === 'fill') return { kind: 'fill' as const };
      const { available } = await readBalance(context.db);
      const total = { amountMinor: purpose.offer.amountMinor, currency: purpose.offer.currency };
      return { kind: 'pay' as const, total, available };
    },
    'inline.press': async ({ token, point }, from) => {
      const registration = await registry.claim(walletFrameOf(from), token);
      const judged = await judgeClick(registration, point);
      if (judged.verdict !== 'ok') return { outcome: 'refused' as const, verdict: judged.verdict };
      const purpose = judged.purpose ?? registration.purpose;
      const opened =
        purpose.kind === 'pay'
          ? await approvals.open(mountedBy(registration), purpose.requestId, { kind: 'payment', offer: purpose.offer })
          : // A second click on the same offer finds the window the first one opened.
            await approvals.open(mountedBy(registration), token, {
              kind: 'fill',
              fields: purpose.fields,
              ...(purpose.total ? { total: purpose.total } : {}),
            });
      return { outcome: 'opened' as const, ...opened };
    },
  };
  return handlers;
}
