import { cardLabel } from '@/components/card-label';
import { useState } from 'preact/hooks';
import { errorText } from '@/components/error-text';
import { t } from '@/components/i18n';
import type { CardRecord } from '@/lib/wallet/records';

/** After paying with a card typed here: keep it in the wallet for next time, or not (it stays unlisted). */
export function SaveCardOffer({ card, save, done }: { card: CardRecord; save: () => Promise<unknown>; done: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <section class="card" aria-labelledby="save-card-title" data-testid="save-card-offer">
      <h2 id="save-card-title">{t('confirmPaid')}</h2>
      <p>{t('saveCardQuestion', [cardLabel(card)])}</p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={done} disabled={busy}>
          {t('saveCardNo')}
        </button>
        <button
          type="button"
          class="primary"
          data-testid="save-card"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            save().then(done, (failure: unknown) => {
              setError(errorText(failure));
              setBusy(false);
            });
          }}
        >
          {busy ? t('savingChange') : t('saveCardYes')}
        </button>
      </div>
    </section>
  );
}
