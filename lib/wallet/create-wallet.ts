import type { CurrencyCode } from '../money';
import { ACCOUNTS } from './accounts';
import type { WalletContext } from './context';
import { limitsFor } from './limits';
import { refuse, walletNotOpen, type WalletResult } from './result';
import type { WalletRecord } from './wallet-record';

/**
 * Opens the wallet in one currency: the shopper's account with the unverified cap, and the
 * external accounts money comes from. Opening again in the same currency is a no-op. Sign-up
 * calls it inside its own transaction.
 */
export async function createWalletAccounts(
  context: WalletContext,
  currency: CurrencyCode,
  { refundsToWallet = true }: { refundsToWallet?: boolean } = {},
): Promise<WalletResult<{ wallet: WalletRecord }>> {
  const { db, ledger, clock } = context;
  return db.transaction('rw', [db.wallet, db.accounts], async () => {
    const existing = await db.wallet.get('wallet');
    if (existing) {
      return existing.currency === currency
        ? { ok: true as const, wallet: existing }
        : refuse('ALREADY_DONE', 'currency_fixed', `The wallet already holds ${existing.currency}; its currency cannot change.`);
    }
    const external = [ACCOUNTS.cardNetwork, ACCOUNTS.bank, ACCOUNTS.moneyTransfer, ACCOUNTS.eWallet, ACCOUNTS.boleto, ACCOUNTS.fees];
    const opened = await ledger.createAccounts([
      { id: ACCOUNTS.shopper, currency, debitsMustNotExceedCredits: true, balanceLimitMinor: limitsFor(currency, false).balanceMinor },
      ...external.map((id) => ({ id, currency, debitsMustNotExceedCredits: false })),
    ]);
    if (!opened.ok) throw new Error(`Opening the wallet's accounts failed: ${opened.failure.message}`);
    const wallet: WalletRecord = { id: 'wallet', currency, verified: false, refundsToWallet, openedAt: clock.now() };
    await db.wallet.add(wallet);
    return { ok: true as const, wallet };
  });
}

/** Identity verified: the caps rise to the verified limits. */
export async function markVerified(context: WalletContext): Promise<WalletResult<{ wallet: WalletRecord }>> {
  const { db, ledger } = context;
  return db.transaction('rw', [db.wallet, db.accounts], async () => {
    const wallet = await db.wallet.get('wallet');
    if (!wallet) return walletNotOpen();
    const updated = { ...wallet, verified: true };
    await db.wallet.put(updated);
    const raised = await ledger.setBalanceLimit(ACCOUNTS.shopper, limitsFor(wallet.currency, true).balanceMinor);
    if (!raised.ok) throw new Error(raised.failure.message);
    return { ok: true as const, wallet: updated };
  });
}
