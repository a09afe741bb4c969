import { AUTHORISED } from './support/authorised';
import { describe, expect, it } from 'vitest';
import { verifyLedger } from '@/lib/ledger/verify';
import { ACCOUNTS } from '@/lib/wallet/accounts';
import { CARD_CHECK_MINOR, cardCheckRows } from '@/lib/wallet/cards/card-check';
import { addCard, checkSavedCard, removeCard, saveCard } from '@/lib/wallet/cards/cards';
import { statementPage } from '@/lib/wallet/history/history-statement';
import { TEST_CARD } from '../wallet-input/sign-up-input';
import { address, signedUp, succeeded, type Wallet } from './support/active-wallet';
import { MONDAY, cardFromBeforeChecks, freshDatabase } from './support/with-wallet';

const linked = (wallet: Wallet, id: string, save = true, number = TEST_CARD.number) =>
  addCard(wallet.context, wallet.dataKey, { ...TEST_CARD, number, id, billingAddress: address, save }, AUTHORISED);

const shopperBalance = async (wallet: Wallet) => {
  const shopper = (await wallet.db.accounts.get(ACCOUNTS.shopper))!;
  return { credits: shopper.creditsPosted, debits: shopper.debitsPosted + shopper.debitsPending };
};

describe('Card check: the one-cent charge of a newly linked card', () => {
  it('charges one cent and refunds it as the card is linked, and the card remembers it passed', async () => {
    const wallet = await signedUp();
    const balanceBefore = await shopperBalance(wallet);
    const { card } = succeeded(await linked(wallet, 'c1'));
    expect(card.checkedAt).toBe(MONDAY);
    expect(await wallet.db.cards.get('c1')).toMatchObject({ checkedAt: MONDAY });

    const transfers = await wallet.db.transfers.orderBy('timestamp').toArray();
    expect(transfers).toMatchObject([
      {
        id: 'card-check:c1',
        kind: 'single',
        code: 'card_check',
        debitAccountId: ACCOUNTS.cardNetwork,
        creditAccountId: ACCOUNTS.cardCheck,
        amountMinor: CARD_CHECK_MINOR,
        currency: 'USD',
      },
      {
        id: 'card-check-refund:c1',
        kind: 'single',
        code: 'card_check_refund',
        debitAccountId: ACCOUNTS.cardCheck,
        creditAccountId: ACCOUNTS.cardNetwork,
        amountMinor: CARD_CHECK_MINOR,
      },
    ]);
    expect(CARD_CHECK_MINOR).toBe(1);
    // Refunded in full: the card ends where it started, and the balance never moved.
    const network = (await wallet.db.accounts.get(ACCOUNTS.cardNetwork))!;
    expect(network.creditsPosted - network.debitsPosted).toBe(0);
    expect(await shopperBalance(wallet)).toEqual(balanceBefore);
    expect(await verifyLedger(wallet.db)).toMatchObject({ ok: true });
  });

  it("shows the charge and its refund in the history and in the card's own statement, by the card", async () => {
    const wallet = await signedUp();
    succeeded(await linked(wallet, 'c1'));
    const expected = [
      { transferId: 'card-check-refund:c1', kind: 'card_check_refund', direction: 'in', status: 'posted', amountMinor: 1 },
      { transferId: 'card-check:c1', kind: 'card_check', direction: 'out', status: 'posted', amountMinor: 1 },
    ];
    const rows = (await statementPage(wallet.db, {})).rows;
    expect(rows).toMatchObject(expected);
    for (const row of rows) expect(row.counterparty).toEqual({ kind: 'method', method: 'card' });
    expect(await cardCheckRows(wallet.db, 'c1')).toEqual(rows);
    expect(await cardCheckRows(wallet.db, 'not-a-card')).toEqual([]);
  });

  it('charges the smallest unit of a yen wallet: one yen', async () => {
    const wallet = await signedUp({ currency: 'JPY' });
    succeeded(await linked(wallet, 'c1'));
    expect(await wallet.db.transfers.get('card-check:c1')).toMatchObject({ amountMinor: 1, currency: 'JPY' });
  });

  it('checks a card typed once at checkout too, and saving it later charges nothing more', async () => {
    const wallet = await signedUp();
    expect(succeeded(await linked(wallet, 'once', false)).card).toMatchObject({ status: 'unsaved', checkedAt: MONDAY });
    expect(await wallet.db.transfers.count()).toBe(2);
    expect(succeeded(await saveCard(wallet.context, 'once', AUTHORISED)).card).toMatchObject({ status: 'saved', checkedAt: MONDAY });
    expect(await wallet.db.transfers.count()).toBe(2);
  });

  it('refuses a card before any wallet is open, and writes nothing', async () => {
    const { context, db } = freshDatabase();
    const dataKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    expect(await addCard(context, dataKey, { ...TEST_CARD, id: 'c1', billingAddress: address, save: true }, AUTHORISED)).toMatchObject({
      ok: false,
      reason: 'wallet_not_open',
    });
    expect(await db.cards.count()).toBe(0);
    expect(await db.transfers.count()).toBe(0);
  });
});

describe('Card check: cards linked before the wallet checked cards', () => {
  it('are checked when the shopper asks, with the payment password, charging the cent once', async () => {
    const wallet = await signedUp();
    await wallet.db.cards.add(cardFromBeforeChecks('old'));
    expect(await checkSavedCard(wallet.context, 'old', AUTHORISED)).toMatchObject({ ok: true, card: { checkedAt: MONDAY } });
    expect(await wallet.db.cards.get('old')).toMatchObject({ checkedAt: MONDAY });
    expect(await cardCheckRows(wallet.db, 'old')).toMatchObject([{ kind: 'card_check_refund' }, { kind: 'card_check' }]);

    // Checked already: answered as it is, nothing charged again.
    wallet.clock.advance(60_000);
    expect(await checkSavedCard(wallet.context, 'old', AUTHORISED)).toMatchObject({ ok: true, card: { checkedAt: MONDAY } });
    expect(await wallet.db.transfers.count()).toBe(2);
    expect(await verifyLedger(wallet.db)).toMatchObject({ ok: true });
  });

  it('refuses an expired, removed or unknown card, charging nothing', async () => {
    const wallet = await signedUp();
    const card = cardFromBeforeChecks('old');
    await wallet.db.cards.add(card);
    await wallet.db.cards.put({ ...card, id: 'expired', expiryYear: 2020 });
    expect(await checkSavedCard(wallet.context, 'expired', AUTHORISED)).toMatchObject({
      ok: false,
      code: 'INVALID_REQUEST',
      reason: 'card_expired',
    });
    succeeded(await removeCard(wallet.context, 'old', AUTHORISED));
    expect(await checkSavedCard(wallet.context, 'old', AUTHORISED)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await checkSavedCard(wallet.context, 'nope', AUTHORISED)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await wallet.db.transfers.count()).toBe(0);
  });
});
