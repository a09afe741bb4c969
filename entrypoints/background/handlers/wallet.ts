import { securityQuestionId } from '@/lib/account/security-questions';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { lockedUntil } from '@/lib/vault/lockout';
import { readBalance } from '@/lib/wallet/balance';
import { shopperHistory } from '@/lib/wallet/history/history';
import type { BackgroundServices } from '../services';

/** What the wallet's own pages read: the balance, the wallet's state and lock, the history; and the demo clock's speed. */
export function walletHandlers({ context, session, time, afterChange }: BackgroundServices) {
  const { db, clock } = context;
  return {
    'wallet.balance': () => readBalance(db),
    'wallet.state': async () => {
      const [wallet, security, vault, key] = await Promise.all([
        db.wallet.get('wallet'),
        db.security.get('security'),
        db.vault.get('vault'),
        session.current(),
      ]);
      const now = clock.now();
      const paymentLockedUntil = security && lockedUntil(security.paymentLockout, now);
      const recoveryLockedUntil = security && lockedUntil(security.recoveryLockout, now);
      return {
        wallet: wallet ?? null,
        locked: key === undefined,
        ...(security
          ? {
              security: {
                autoLockMinutes: security.autoLockMinutes,
                ...(paymentLockedUntil !== undefined ? { paymentLockedUntil } : {}),
                ...(recoveryLockedUntil !== undefined ? { recoveryLockedUntil } : {}),
              },
            }
          : {}),
        ...(vault ? { questionIds: vault.byAnswers.questionIds.flatMap((id) => securityQuestionId.safeParse(id).data ?? []) } : {}),
      };
    },
    'history.page': ({ query }) => shopperHistory(db, query),
    'clock.setSpeedup': async ({ speedup }) => afterChange(time.setSpeedup(speedup)),
  } satisfies Pick<RuntimeHandlers, 'wallet.balance' | 'wallet.state' | 'history.page' | 'clock.setSpeedup'>;
}
