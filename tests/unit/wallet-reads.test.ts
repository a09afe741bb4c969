import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { startOfMonth } from '@/lib/business-days';
import { createWalletReads } from '@/lib/reads/wallet-reads';
import { storedVaultKey, VAULT_SESSION_KEY } from '@/lib/vault/session-storage-key';
import { markVerified } from '@/lib/wallet/create-wallet';
import type { CardRecord } from '@/lib/wallet/records';
import { topUpTerms } from '@/lib/wallet/top-ups/top-up-quote';
import { topUpWallet } from '@/lib/wallet/top-ups/top-up-standing';
import { topUp } from '@/lib/wallet/top-ups/top-ups';
import { CARD_ID, MONDAY, freshWallet } from './support/with-wallet';

const SEALED = { iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA' };
const card = (id: string, linkedAt: number, status: CardRecord['status']): CardRecord => ({
  id,
  brand: 'mastercard',
  last4: '4444',
  holderName: 'Ada Lovelace',
  expiryMonth: 1,
  expiryYear: 2031,
  linkedAt,
  status,
  sealedDetails: SEALED,
});

describe("The wallet's named reads", () => {
  it('list the saved cards in the order they were linked, with the default, and never their sealed details', async () => {
    const { db } = await freshWallet();
    await db.cards.bulkAdd([
      card('later', MONDAY + 2_000, 'saved'),
      card('earlier', MONDAY - 1_000, 'saved'),
      card('used-once', MONDAY + 500, 'unsaved'),
      card('gone', MONDAY + 700, 'removed'),
    ]);
    const reads = createWalletReads(db);
    expect((await reads.savedCards()).cards.map(({ id }) => id)).toEqual(['earlier', CARD_ID, 'later']);
    expect(await reads.savedCards()).not.toHaveProperty('defaultCardId');

    await db.wallet.update('wallet', { defaultCardId: 'later' });
    const saved = await reads.savedCards();
    expect(saved.defaultCardId).toBe('later');
    for (const label of saved.cards) expect(label).not.toHaveProperty('sealedDetails');
  });

  it('give the top-up section the same month and room the top-up itself is checked against', async () => {
    const { db, context, clock } = await freshWallet();
    await markVerified(context);
    expect(await topUp(context, { id: 'boleto-1', method: 'boleto', amountMinor: 2_000_00 })).toMatchObject({ ok: true });

    const reads = createWalletReads(db);
    const now = clock.now();
    const wallet = topUpWallet((await reads.wallet())!, await reads.topUpStanding(startOfMonth(now)), now);
    const terms = topUpTerms('boleto', wallet);
    expect(terms.monthly).toEqual({ capMinor: 3_000_00, leftMinor: 1_000_00 });

    // What the page offers as the largest top-up is taken; a cent more is refused for the same reason the page gives.
    expect(await topUp(context, { id: 'boleto-2', method: 'boleto', amountMinor: terms.largestNowMinor + 1 })).toMatchObject({
      ok: false,
      reason: 'monthly_method_limit',
    });
    expect(await topUp(context, { id: 'boleto-3', method: 'boleto', amountMinor: terms.largestNowMinor })).toMatchObject({ ok: true });
  });

  it("name each refund's shop and card, without the card's sealed details", async () => {
    const { db } = await freshWallet();
    await db.cards.update(CARD_ID, { sealedDetails: SEALED });
    await db.orders.add({
      id: 'https://shop.example ord-1',
      origin: 'https://shop.example',
      orderId: 'ord-1',
      merchantName: 'Demo Market',
      items: [{ name: 'Mug', quantity: 1, unitAmountMinor: 500 }],
      amountMinor: 500,
      currency: 'USD',
      method: 'card',
      cardId: CARD_ID,
      holdTransferId: 'hold-1',
      paidAt: MONDAY,
      state: 'refunded',
    });
    await db.refunds.add({
      id: 'refund-1',
      orderKey: 'https://shop.example ord-1',
      amountMinor: 500,
      currency: 'USD',
      destination: 'card',
      cardId: CARD_ID,
      reason: 'Out of stock',
      createdAt: MONDAY,
      arrivesAt: MONDAY + 1_000,
    });
    const [shown] = await createWalletReads(db).refunds(MONDAY, 3);
    expect(shown).toMatchObject({ merchantName: 'Demo Market', card: { id: CARD_ID, last4: '4242' } });
    expect(shown!.card).not.toHaveProperty('sealedDetails');
  });

  it('count the records a backup would carry, by table', async () => {
    const { db } = await freshWallet();
    expect(await createWalletReads(db).recordCounts(['cards', 'orders'])).toEqual({ cards: 1, orders: 0 });
  });
});

describe('The lock state', () => {
  it('is unlocked exactly while session storage holds the exported key', () => {
    expect(storedVaultKey({})).toBeUndefined();
    expect(storedVaultKey({ [VAULT_SESSION_KEY]: 42 })).toBeUndefined();
    expect(storedVaultKey({ [VAULT_SESSION_KEY]: 'a2V5' })).toBe('a2V5');
  });
});
