import type { WalletDatabase } from '../../db';
import type { CardLabel, CardRecord, SavedCards } from '../records';

/** A card's label without its sealed details, for anything shown or answered outside the vault. */
export const labelOf = ({ sealedDetails: _sealed, ...label }: CardRecord): CardLabel => label;

/**
 * The shopper's saved cards in the order they were linked, and the default: what the popup,
 * the cards and top-up sections and the confirm window list. Labels only: the sealed details
 * are the vault's to open.
 */
export async function savedCards(db: WalletDatabase): Promise<SavedCards> {
  const [cards, wallet] = await Promise.all([
    db.cards
      .orderBy('linkedAt')
      .filter((card) => card.status === 'saved')
      .toArray(),
    db.wallet.get('wallet'),
  ]);
  const labels = cards.map(labelOf);
  return wallet?.defaultCardId ? { cards: labels, defaultCardId: wallet.defaultCardId } : { cards: labels };
}
