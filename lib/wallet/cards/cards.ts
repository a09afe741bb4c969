import type { PaymentAuthorisation } from '../../account/payment-auth';
import type { PostalAddress } from '../../account/profile-fields';
import { openJson, sealJson } from '../../vault/crypto';
import { checkCard, expiredBy, type CardDetails, type CardProblem } from './card-details';
import { isRefusal, moneyTables, readWallet, type WalletContext } from '../context';
import { cardSecret, type CardRecord, type CardSecret } from '../records';
import { refuse, type WalletResult } from '../result';
import { chargeCardCheck } from './card-check';
import { labelOf } from './saved-cards';

const problemMessages: Record<CardProblem['reason'], string> = {
  invalid_number: 'This card number is not valid: check the digits.',
  unknown_brand: 'This card brand is not accepted.',
  invalid_expiry: 'Type the expiry as MM/YY.',
  expired: 'This card has expired.',
  invalid_holder: "Type the holder's name as printed on the card.",
  invalid_cvv: 'The security code has the wrong length for this card.',
};

export interface NewCard extends CardDetails {
  id: string;
  billingAddress: PostalAddress;
  /** `false` for a card typed once at checkout: it is kept unsaved until the shopper chooses to save it. */
  save: boolean;
}

const missingCard = () => refuse('NOT_FOUND', 'card_not_found', 'This card is not in your wallet.');

async function openSecret(dataKey: CryptoKey, card: CardRecord): Promise<CardSecret | undefined> {
  return card.sealedDetails ? cardSecret.parse(await openJson(dataKey, card.sealedDetails)) : undefined;
}

/**
 * Links a card: checked (Luhn, brand, expiry by the clock, CVV format), then the number and billing
 * address sealed under the vault key before the write; the CVV goes no further than the check.
 * Linking charges the card check's cent and refunds it in the same transaction as the card is
 * written, whether the card is saved or typed once at checkout. The first saved card becomes the
 * default. Saving a card, like charging one, takes the payment password, as the articles describe.
 */
export async function addCard(
  context: WalletContext,
  dataKey: CryptoKey,
  input: NewCard,
  authorisation: PaymentAuthorisation,
): Promise<WalletResult<{ card: CardRecord }>> {
  const { db, clock } = context;
  const checked = checkCard(input, clock.now());
  if (!checked.ok) {
    const [first] = checked.problems;
    return refuse('INVALID_REQUEST', `card_${first!.reason}`, problemMessages[first!.reason]);
  }
  const { card } = checked;
  const linked = await db.cards.toArray();
  for (const existing of linked.filter((candidate) => candidate.status !== 'removed' && candidate.last4 === card.last4)) {
    if ((await openSecret(dataKey, existing))?.number === card.digits) {
      if (input.save && existing.status === 'unsaved') return saveCard(context, existing.id, authorisation);
      return refuse(
        'ALREADY_DONE',
        'card_already_linked',
        `This card is already in your wallet as ${existing.brand} •••• ${existing.last4}.`,
      );
    }
  }
  const sealedDetails = await sealJson(dataKey, { number: card.digits, billingAddress: input.billingAddress } satisfies CardSecret);
  const record: CardRecord = {
    id: input.id,
    brand: card.brand,
    last4: card.last4,
    holderName: card.holderName,
    expiryMonth: card.expiryMonth,
    expiryYear: card.expiryYear,
    linkedAt: clock.now(),
    status: input.save ? 'saved' : 'unsaved',
    sealedDetails,
  };
  return db.transaction('rw', moneyTables(db), async () => {
    const wallet = await readWallet(context);
    if (isRefusal(wallet)) return wallet;
    if (await db.cards.get(record.id)) return refuse('ALREADY_DONE', 'card_id_taken', 'A card with this id already exists.');
    const checked = await chargeCardCheck(context, record, wallet.currency);
    if (isRefusal(checked)) return checked;
    await db.cards.add(checked);
    if (input.save && !wallet.defaultCardId) await db.wallet.put({ ...wallet, defaultCardId: record.id });
    return { ok: true as const, card: checked };
  });
}

/**
 * Runs the card check on a saved card that has none (linked before the wallet checked cards),
 * after the payment password, as charging a card always takes it. A card checked already is
 * answered as it is, with nothing charged again.
 */
export async function checkSavedCard(
  context: WalletContext,
  cardId: string,
  _authorisation: PaymentAuthorisation,
): Promise<WalletResult<{ card: CardRecord }>> {
  const { db, clock } = context;
  return db.transaction('rw', moneyTables(db), async () => {
    const wallet = await readWallet(context);
    if (isRefusal(wallet)) return wallet;
    const card = await db.cards.get(cardId);
    if (!card || card.status !== 'saved') return missingCard();
    if (card.checkedAt !== undefined) return { ok: true as const, card };
    if (expiredBy(card, clock.now())) return refuse('INVALID_REQUEST', 'card_expired', problemMessages.expired);
    const checked = await chargeCardCheck(context, card, wallet.currency);
    if (isRefusal(checked)) return checked;
    await db.cards.put(checked);
    return { ok: true as const, card: checked };
  });
}

/** Keeps a card that was used once at checkout, after the shopper said yes to saving it and typed the payment password. */
export async function saveCard(
  context: WalletContext,
  cardId: string,
  _authorisation: PaymentAuthorisation,
): Promise<WalletResult<{ card: CardRecord }>> {
  const { db } = context;
  return db.transaction('rw', db.cards, db.wallet, async () => {
    const card = await db.cards.get(cardId);
    if (!card || card.status === 'removed') return missingCard();
    const saved: CardRecord = { ...card, status: 'saved' };
    await db.cards.put(saved);
    const wallet = await db.wallet.get('wallet');
    if (wallet && !wallet.defaultCardId) await db.wallet.put({ ...wallet, defaultCardId: cardId });
    return { ok: true as const, card: saved };
  });
}

export async function setDefaultCard(context: WalletContext, cardId: string): Promise<WalletResult<{ card: CardRecord }>> {
  const { db } = context;
  return db.transaction('rw', db.cards, db.wallet, async () => {
    const [card, wallet] = await Promise.all([db.cards.get(cardId), db.wallet.get('wallet')]);
    if (!card || card.status !== 'saved' || !wallet) return missingCard();
    await db.wallet.put({ ...wallet, defaultCardId: cardId });
    return { ok: true as const, card };
  });
}

/**
 * Removes a card, after the payment password: its sealed number and address are erased, while its
 * label stays so past payments and refunds still say which card they used.
 */
export async function removeCard(
  context: WalletContext,
  cardId: string,
  _authorisation: PaymentAuthorisation,
): Promise<WalletResult<{ card: CardRecord }>> {
  const { db } = context;
  return db.transaction('rw', db.cards, db.wallet, async () => {
    const card = await db.cards.get(cardId);
    if (!card || card.status === 'removed') return missingCard();
    const removed: CardRecord = { ...labelOf(card), status: 'removed' };
    await db.cards.put(removed);
    const wallet = await db.wallet.get('wallet');
    if (wallet?.defaultCardId === cardId) {
      const next = (await db.cards.toArray()).find((other) => other.status === 'saved');
      const { defaultCardId: _old, ...rest } = wallet;
      await db.wallet.put(next ? { ...rest, defaultCardId: next.id } : rest);
    }
    return { ok: true as const, card: removed };
  });
}

/** The card's number and billing address, for a fill or for showing it to the shopper after the payment password. */
export async function revealCard(
  context: WalletContext,
  dataKey: CryptoKey,
  cardId: string,
  _authorisation: PaymentAuthorisation,
): Promise<WalletResult<{ secret: CardSecret; card: CardRecord }>> {
  const card = await context.db.cards.get(cardId);
  const secret = card && card.status !== 'removed' ? await openSecret(dataKey, card) : undefined;
  return card && secret ? { ok: true, secret, card } : missingCard();
}
