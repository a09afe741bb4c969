import { browser } from 'wxt/browser';
import { clickVerdict, type ClickVerdict, type FramePoint, type InlineCheck } from '@/lib/inline/click-check';
import { createInlineRegistry, mountedBy, type InlineRegistration } from '@/lib/inline/registry';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { readBalance } from '@/lib/wallet/balance';
import type { WalletContext } from '@/lib/wallet/context';
import type { createApprovals } from './approvals';
import { storefrontOf, walletFrameOf } from './sender';

const STORAGE_KEY = 'inlineFrames';

/** Asks the content script that mounted the frame whether the click counts; a page that went away answers nothing. */
async function judgeClick(registration: InlineRegistration, point: FramePoint): Promise<ClickVerdict> {
  const check: InlineCheck = { type: 'inline.check', token: registration.token, point };
  const answer: unknown = await browser.tabs
    .sendMessage(registration.tabId, check, { frameId: registration.frameId })
    .catch(() => undefined);
  const verdict = clickVerdict.safeParse((answer as { verdict?: unknown } | undefined)?.verdict);
  return verdict.success ? verdict.data : 'gone';
}

/** The wallet's frames on store pages: what each shows, and the clicks that open the confirm window. */
export function createInlineHandlers(context: WalletContext, approvals: ReturnType<typeof createApprovals>) {
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
      const verdict = await judgeClick(registration, point);
      if (verdict !== 'ok') return { outcome: 'refused' as const, verdict };
      const { purpose } = registration;
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
