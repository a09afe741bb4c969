import { useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';
import { AddCardForm } from './AddCardForm';
import { CardList } from './CardList';
import './cards.css';

/** The cards section: the saved cards, read live so changes from checkout show at once, and the form to add one. */
export function Cards({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const saved = useLiveQuery(() => reads.savedCards(), [reads]);
  const [removed, setRemoved] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <>
      <section class="card cards-section" aria-labelledby="cards-title" aria-busy={saved.status === 'loading'}>
        <h2 id="cards-title" ref={heading} tabIndex={-1}>
          {t('cardsTitle')}
        </h2>
        <p class="muted cards-status" role="status">
          {removed && t('cardsRemoved', [removed])}
        </p>
        {saved.status === 'loading' && <p class="muted">{t('cardsLoading')}</p>}
        {saved.status === 'failed' && (
          <p class="error" role="alert">
            {t('cardsLoadFailed', [saved.error.message])}
          </p>
        )}
        {saved.status === 'ready' && (
          <CardList
            call={call}
            reads={reads}
            cards={saved.value.cards}
            defaultCardId={saved.value.defaultCardId}
            onRemoved={(label) => {
              setRemoved(label);
              // The removed card's buttons are gone; the list's heading is the nearest place that still makes sense.
              heading.current?.focus();
            }}
          />
        )}
      </section>
      <AddCardForm call={call} />
    </>
  );
}
