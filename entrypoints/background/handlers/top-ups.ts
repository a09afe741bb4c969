import { requirePaymentPassword } from '@/lib/account/payment-auth';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { unwrap } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';

/** Adding money: a card top-up charges a linked card, so it takes the payment password; the other methods are transfers started outside the wallet. */
export function topUpHandlers({ context, unlocked, afterChange }: BackgroundServices) {
  return {
    'topUps.create': ({ id, method, amountMinor, cardId, paymentPassword }) =>
      unlocked(async () => {
        const request =
          method === 'card'
            ? { method, ...(cardId ? { cardId } : {}), authorisation: await requirePaymentPassword(context, paymentPassword ?? '') }
            : { method };
        return afterChange(topUp(context, { id, amountMinor, ...request }).then(unwrap));
      }),
  } satisfies Pick<RuntimeHandlers, 'topUps.create'>;
}
