import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import { t } from '@/components/i18n';
import type { CardLabel } from '@/lib/wallet/records';
import { CardItem } from './CardItem';

/** The saved cards, oldest first, so a card keeps its place when another becomes the default. */
export function CardList({
  call,
  reads,
  cards,
  defaultCardId,
  onRemoved,
}: {
  call: RuntimeClient;
  reads: WalletReads;
  cards: CardLabel[];
  defaultCardId: string | undefined;
  onRemoved: (label: string) => void;
}) {
  if (cards.length === 0) return <p class="muted">{t('cardsEmpty')}</p>;
  return (
    <ul class="card-list">
      {cards.map((card) => (
        <CardItem key={card.id} call={call} reads={reads} card={card} isDefault={card.id === defaultCardId} onRemoved={onRemoved} />
      ))}
    </ul>
  );
}
