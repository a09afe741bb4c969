import { readProfile } from '@/lib/account/profile-store';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { addCard, checkSavedCard, removeCard, revealCard, saveCard, setDefaultCard } from '@/lib/wallet/cards/cards';
import { labelOf, savedCards } from '@/lib/wallet/cards/saved-cards';
import { unwrap } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';

/**
 * The shopper's linked cards: labelled with the vault unlocked; added, saved, revealed, removed or
 * charged a card check only after the payment password.
 */
export function cardHandlers({ context, session, authorised }: BackgroundServices) {
  const { db } = context;
  return {
    'cards.add': async ({ card, billingAddress, paymentPassword }) => {
      const { key, authorisation } = await authorised(paymentPassword);
      const address = billingAddress ?? (await readProfile(db, key)).address;
      return unwrap(await addCard(context, key, { ...card, id: crypto.randomUUID(), billingAddress: address, save: true }, authorisation));
    },
    'cards.list': () => savedCards(db),
    'cards.save': async ({ cardId, paymentPassword }) => {
      const { authorisation } = await authorised(paymentPassword);
      return unwrap(await saveCard(context, cardId, authorisation));
    },
    'cards.setDefault': async ({ cardId }) => {
      await session.require();
      return unwrap(await setDefaultCard(context, cardId));
    },
    'cards.remove': async ({ cardId, paymentPassword }) => {
      const { authorisation } = await authorised(paymentPassword);
      return unwrap(await removeCard(context, cardId, authorisation));
    },
    'cards.reveal': async ({ cardId, paymentPassword }) => {
      const { key, authorisation } = await authorised(paymentPassword);
      return { secret: unwrap(await revealCard(context, key, cardId, authorisation)).secret };
    },
    'cards.check': async ({ cardId, paymentPassword }) => {
      const { authorisation } = await authorised(paymentPassword);
      return { card: labelOf(unwrap(await checkSavedCard(context, cardId, authorisation)).card) };
    },
  } satisfies Pick<
    RuntimeHandlers,
    'cards.add' | 'cards.list' | 'cards.save' | 'cards.setDefault' | 'cards.remove' | 'cards.reveal' | 'cards.check'
  >;
}
