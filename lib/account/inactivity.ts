import type { WalletDatabase } from '../db';
import { refuse, type Refusal } from '../wallet/result';
import type { WalletRecord } from '../wallet/wallet-record';

/** The terms: an account unused for 12 months is inactive; the wallet warns a month before. */
export const INACTIVE_AFTER_MONTHS = 12;
export const WARN_AFTER_MONTHS = 11;

/** The same day `months` calendar months later, by UTC, as the terms count a year. */
export function monthsLater(timestamp: number, months: number): number {
  const date = new Date(timestamp);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

export type ActivityStanding =
  { state: 'active'; inactiveAt: number } | { state: 'warned'; inactiveAt: number } | { state: 'inactive'; inactiveAt: number };

/** The last payment, top-up or sign-in; a wallet that never had one counts from the day it was opened. */
const lastActivity = (wallet: Pick<WalletRecord, 'openedAt' | 'lastActivityAt'>) => wallet.lastActivityAt ?? wallet.openedAt;

/** Where the wallet stands by the wallet's clock: active, a month from inactive (warned), or inactive. */
export function activityStanding(wallet: Pick<WalletRecord, 'openedAt' | 'lastActivityAt'>, now: number): ActivityStanding {
  const since = lastActivity(wallet);
  const inactiveAt = monthsLater(since, INACTIVE_AFTER_MONTHS);
  if (now >= inactiveAt) return { state: 'inactive', inactiveAt };
  return { state: now >= monthsLater(since, WARN_AFTER_MONTHS) ? 'warned' : 'active', inactiveAt };
}

/** Payments and top-ups refuse an inactive wallet until the shopper reactivates it; the balance stays the shopper's. */
export function inactivityRefusal(wallet: Pick<WalletRecord, 'openedAt' | 'lastActivityAt'>, now: number): Refusal | undefined {
  const standing = activityStanding(wallet, now);
  return standing.state === 'inactive'
    ? refuse(
        'LOCKED',
        'wallet_inactive',
        `The wallet has been inactive since ${new Date(standing.inactiveAt).toISOString()}: reactivate it on the wallet page with your login password and a code sent to your phone.`,
      )
    : undefined;
}

/**
 * Activity is kept to the hour: the terms count months, so a payment within an hour of the last
 * noted activity leaves the wallet record as it is rather than writing it again.
 */
export const ACTIVITY_PRECISION_MS = 60 * 60 * 1000;

/**
 * Counts a payment, top-up or sign-in as activity. Runs inside the caller's transaction, with the
 * wallet record the caller read in it, if any. An inactive wallet stays inactive: only
 * reactivation, which asks for more than a sign-in, ends it.
 */
export async function noteActivity(db: WalletDatabase, now: number, read?: WalletRecord): Promise<void> {
  const wallet = read ?? (await db.wallet.get('wallet'));
  if (!wallet || activityStanding(wallet, now).state === 'inactive') return;
  const since = now - (wallet.lastActivityAt ?? Number.NEGATIVE_INFINITY);
  if (since >= 0 && since < ACTIVITY_PRECISION_MS) return;
  await db.wallet.put({ ...wallet, lastActivityAt: now });
}
