import type { WalletDatabase } from '../db';
import type { Account } from './account';
import { overdrawnMinor } from './balances';
import { replayLedger } from './replay';

type Balances = Pick<Account, 'debitsPending' | 'debitsPosted' | 'creditsPending' | 'creditsPosted'>;
const BALANCE_KEYS: (keyof Balances)[] = ['debitsPending', 'debitsPosted', 'creditsPending', 'creditsPosted'];

export interface LedgerReport {
  ok: boolean;
  transfersChecked: number;
  /** Why the history itself fails the ledger's rules (a transfer that could not have applied), if it does. */
  problem?: string;
  /** Accounts whose stored balances differ from what their transfers add up to. */
  mismatches: { accountId: string; stored: Balances; recomputed: Balances }[];
  /** Currencies whose accounts do not sum to zero, which double entry makes impossible. */
  unbalancedCurrencies: string[];
  /** Shopper accounts whose debits exceed their credits. */
  overdrawnAccounts: string[];
}

const zero = (): Balances => ({ debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 });

/**
 * The check behind "verify ledger": replays every transfer through the ledger's own rules, as a backup
 * is checked before it is restored (`replayLedger`), and compares each recomputed balance with the stored
 * one; then checks that each currency sums to zero and no shopper account is overdrawn. It reads the whole
 * history on purpose, so it is never on a hot path.
 */
export async function verifyLedger(db: WalletDatabase): Promise<LedgerReport> {
  const [accounts, transfers] = await db.transaction('r', db.accounts, db.transfers, () =>
    Promise.all([db.accounts.toArray(), db.transfers.toArray()]),
  );
  const replayed = replayLedger(accounts, transfers);
  const recomputed = replayed.ok ? replayed.balances : new Map<string, Balances>();
  const mismatches: LedgerReport['mismatches'] = [];
  const sums = new Map<string, { posted: number; pending: number }>();
  const overdrawnAccounts: string[] = [];
  for (const account of accounts) {
    const expected = recomputed.get(account.id) ?? zero();
    const stored = Object.fromEntries(BALANCE_KEYS.map((key) => [key, account[key]])) as Balances;
    if (replayed.ok && BALANCE_KEYS.some((key) => stored[key] !== expected[key])) {
      mismatches.push({ accountId: account.id, stored, recomputed: expected });
    }
    const sum = sums.get(account.currency) ?? { posted: 0, pending: 0 };
    sum.posted += account.creditsPosted - account.debitsPosted;
    sum.pending += account.creditsPending - account.debitsPending;
    sums.set(account.currency, sum);
    if (overdrawnMinor(account) > 0) overdrawnAccounts.push(account.id);
  }
  const unbalancedCurrencies = [...sums].filter(([, sum]) => sum.posted !== 0 || sum.pending !== 0).map(([currency]) => currency);
  return {
    ok: replayed.ok && mismatches.length === 0 && unbalancedCurrencies.length === 0 && overdrawnAccounts.length === 0,
    transfersChecked: transfers.length,
    ...(replayed.ok ? {} : { problem: replayed.problem }),
    mismatches,
    unbalancedCurrencies,
    overdrawnAccounts,
  };
}
