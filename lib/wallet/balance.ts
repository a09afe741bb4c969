import type { WalletDatabase } from '../db';
import { SHOPPER_ACCOUNT_ID, availableMinor, heldMinor } from '../ledger/balances';
import type { CurrencyCode } from '../money';
import type { Money } from '../money-schema';
import type { WalletBalance } from './balance-schema';

/** The currency a wallet shows before sign-up picks one. */
export const DEFAULT_CURRENCY: CurrencyCode = 'USD';

/** Reads the shopper's balance with one `get`; a wallet with no account yet holds nothing. */
export async function readBalance(db: WalletDatabase): Promise<WalletBalance> {
  const shopper = await db.accounts.get(SHOPPER_ACCOUNT_ID);
  const currency = shopper?.currency ?? DEFAULT_CURRENCY;
  const of = (amount: number): Money => ({ amountMinor: amount, currency });
  return shopper ? { available: of(availableMinor(shopper)), held: of(heldMinor(shopper)) } : { available: of(0), held: of(0) };
}
