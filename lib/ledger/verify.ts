import type { WalletDatabase } from '../db';
import type { Account } from './account';
import { overdrawnMinor } from './balances';

type Balances = Pick<Account, 'debitsPending' | 'debitsPosted' | 'creditsPending' | 'creditsPosted'>;

export interface LedgerReport {
  ok: boolean;
  transfersChecked: number;
  /** Accounts whose stored balances differ from what their transfers add up to. */
  mismatches: { accountId: string; stored: Balances; recomputed: Balances }[];
  /** Currencies whose accounts do not sum to zero, which double entry makes impossible. */
  unbalancedCurrencies: string[];
  /** Shopper accounts whose debits exceed their credits. */
  overdrawnAccounts: string[];
}

const zero = (): Balances => ({ debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 });

/**
 * Recomputes every balance from the transfers and compares it with the stored one: the check
 * behind "verify ledger". It reads the whole history on purpose, so it is never on a hot path.
 */
export async function verifyLedger(db: WalletDatabase): Promise<LedgerReport> {
  return db.transaction('r', db.accounts, db.transfers, async () => {
    const recomputed = new Map<string, Balances>();
    const of = (id: string) => recomputed.get(id) ?? recomputed.set(id, zero()).get(id)!;
    const pendingAmounts = new Map<string, number>();
    let transfersChecked = 0;
    await db.transfers.orderBy('timestamp').each((transfer) => {
      transfersChecked++;
      const debit = of(transfer.debitAccountId);
      const credit = of(transfer.creditAccountId);
      switch (transfer.kind) {
        case 'single':
          debit.debitsPosted += transfer.amountMinor;
          credit.creditsPosted += transfer.amountMinor;
          break;
        case 'pending':
          pendingAmounts.set(transfer.id, transfer.amountMinor);
          debit.debitsPending += transfer.amountMinor;
          credit.creditsPending += transfer.amountMinor;
          break;
        case 'post_pending':
        case 'void_pending': {
          const held = pendingAmounts.get(transfer.pendingId ?? '') ?? 0;
          debit.debitsPending -= held;
          credit.creditsPending -= held;
          if (transfer.kind === 'post_pending') {
            debit.debitsPosted += transfer.amountMinor;
            credit.creditsPosted += transfer.amountMinor;
          }
        }
      }
    });

    const accounts = await db.accounts.toArray();
    const mismatches: LedgerReport['mismatches'] = [];
    const sums = new Map<string, { posted: number; pending: number }>();
    const overdrawnAccounts: string[] = [];
    for (const account of accounts) {
      const expected = recomputed.get(account.id) ?? zero();
      const stored: Balances = {
        debitsPending: account.debitsPending,
        debitsPosted: account.debitsPosted,
        creditsPending: account.creditsPending,
        creditsPosted: account.creditsPosted,
      };
      if ((Object.keys(stored) as (keyof Balances)[]).some((key) => stored[key] !== expected[key])) {
        mismatches.push({ accountId: account.id, stored, recomputed: expected });
      }
      const sum = sums.get(account.currency) ?? { posted: 0, pending: 0 };
      sum.posted += account.creditsPosted - account.debitsPosted;
      sum.pending += account.creditsPending - account.debitsPending;
      sums.set(account.currency, sum);
      if (overdrawnMinor(account) > 0) {
        overdrawnAccounts.push(account.id);
      }
    }
    const unbalancedCurrencies = [...sums].filter(([, sum]) => sum.posted !== 0 || sum.pending !== 0).map(([currency]) => currency);
    return {
      ok: mismatches.length === 0 && unbalancedCurrencies.length === 0 && overdrawnAccounts.length === 0,
      transfersChecked,
      mismatches,
      unbalancedCurrencies,
      overdrawnAccounts,
    };
  });
}
