import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { createManualClock } from '@/lib/clock';
import { WalletDatabase } from '@/lib/db';
import { createLedger } from '@/lib/ledger/ledger';
import type { CurrencyCode } from '@/lib/money';
import type { Offer } from '@/lib/protocol/checkout';
import type { WalletContext } from '@/lib/wallet/context';
import type { CardRecord } from '@/lib/wallet/records';
import { createWalletAccounts } from '@/lib/wallet/create-wallet';
import { ACCOUNTS } from '@/lib/wallet/accounts';
import { availableMinor, heldMinor } from '@/lib/ledger/balances';

/** Monday 2 November 2026, 09:00 UTC: business-day arithmetic in tests starts on a known weekday. */
export const MONDAY = Date.UTC(2026, 10, 2, 9, 0, 0);
export const SHOP = 'https://shop.example';
export const CARD_ID = 'card-1';

/** A fresh in-memory IndexedDB with no wallet yet, and a manual clock. */
export function freshDatabase() {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  const db = new WalletDatabase('wallet-test');
  const clock = createManualClock(MONDAY);
  const context: WalletContext = { db, ledger: createLedger(db, clock), clock };
  return { db, clock, context };
}

/** A saved card as a database from before card checks holds it: linked, never checked, no sealed details. */
export const cardFromBeforeChecks = (id: string, linkedAt = MONDAY): CardRecord => ({
  id,
  brand: 'visa',
  last4: '4242',
  holderName: 'Ada Lovelace',
  expiryMonth: 12,
  expiryYear: 2030,
  linkedAt,
  status: 'saved',
});

/**
 * A fresh wallet on a fresh in-memory IndexedDB with a manual clock and one linked card. The card
 * passed its card check unless `checkedCard` is false, so purchases are accepted at once as for any
 * shopper with a checked card; the check's own cent moving is card-check.test.ts's to follow.
 */
export async function freshWallet(options: { currency?: CurrencyCode; checkedCard?: boolean } = {}) {
  const { db, clock, context } = freshDatabase();
  const opened = await createWalletAccounts(context, options.currency ?? 'USD');
  if (!opened.ok) throw new Error(opened.message);
  await db.cards.add({ ...cardFromBeforeChecks(CARD_ID), ...(options.checkedCard === false ? {} : { checkedAt: MONDAY }) });
  const balance = async () => {
    const shopper = (await db.accounts.get(ACCOUNTS.shopper))!;
    return { available: availableMinor(shopper), held: heldMinor(shopper), pendingIn: shopper.creditsPending };
  };
  return { db, clock, context, balance };
}

export function offer(overrides: Partial<Offer> = {}): Omit<Offer, 'mount'> {
  const amountMinor = overrides.amountMinor ?? 4_000;
  return {
    orderId: 'ord_1',
    merchantName: 'Demo Market',
    amountMinor,
    currency: 'USD',
    items: [{ name: 'Mug', quantity: 1, unitAmountMinor: amountMinor }],
    ...overrides,
  };
}
