import type { WalletDatabase } from '../../db';
import { cappedBalanceMinor } from '../../ledger/apply';
import { ACCOUNTS } from '../accounts';
import type { TopUpRecord } from '../records';
import type { WalletRecord } from '../wallet-record';
import { thisMonthByMethod, type TopUpWallet } from './top-up-quote';

/** What the top-up rules weigh besides the method and the wallet's settings: what the balance holds and this month's top-ups. */
export interface TopUpStanding {
  cappedBalanceMinor: number;
  thisMonth: TopUpRecord[];
}

/**
 * Reads the standing from `monthStart` on. The wallet page asks from the month's first instant
 * so its live query changes once a month, and a top-up reads the same inside its transaction.
 */
export async function readTopUpStanding(db: WalletDatabase, monthStart: number): Promise<TopUpStanding> {
  const [shopper, thisMonth] = await Promise.all([
    db.accounts.get(ACCOUNTS.shopper),
    db.topUps.where('createdAt').aboveOrEqual(monthStart).toArray(),
  ]);
  return { cappedBalanceMinor: shopper ? cappedBalanceMinor(shopper) : 0, thisMonth };
}

/** The wallet as the top-up rules see it at `now`: the one place the page's terms and the top-up's checks come from. */
export function topUpWallet(wallet: Pick<WalletRecord, 'currency' | 'verified'>, standing: TopUpStanding, now: number): TopUpWallet {
  return {
    currency: wallet.currency,
    verified: wallet.verified,
    cappedBalanceMinor: standing.cappedBalanceMinor,
    thisMonthMinor: thisMonthByMethod(standing.thisMonth, now),
  };
}
