import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { CardLabel } from '@/lib/wallet/records';
import { cardLabel } from '@/components/card-label';
import { PasswordPrompt } from '@/components/PasswordPrompt';

/** The inline confirmation before a card is removed: what removal erases, then the payment password. */
export function RemoveCardDialog({
  call,
  card,
  onRemoved,
  onCancel,
}: {
  call: RuntimeClient;
  card: CardLabel;
  onRemoved: () => void;
  onCancel: () => void;
}) {
  return (
    <PasswordPrompt
      id={`card-${card.id}-remove`}
      title={t('cardsRemoveTitle', [cardLabel(card)])}
      confirmLabel={t('cardsRemoveConfirm')}
      busyLabel={t('cardsRemoving')}
      onConfirm={async (paymentPassword) => {
        await call({ type: 'cards.remove', cardId: card.id, paymentPassword });
        onRemoved();
      }}
      onCancel={onCancel}
    >
      <p class="muted">{t('cardsRemoveWarning')}</p>
    </PasswordPrompt>
  );
}
