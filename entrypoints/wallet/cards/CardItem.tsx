import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText, formatDateTime } from '@/components/error-text';
import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { CardLabel } from '@/lib/wallet/records';
import { cardLabel } from '@/components/card-label';
import { expiryText } from './card-label';
import { PasswordPrompt } from '@/components/PasswordPrompt';
import { CardHistory } from './CardHistory';
import { RemoveCardDialog } from './RemoveCardDialog';
import { RevealedNumber } from './RevealedNumber';

type Focusable = 'head' | 'makeDefault' | 'check' | 'show' | 'remove' | 'number';

/** One saved card with its actions; the full number lives only in this component's state while shown. */
export function CardItem({
  call,
  reads,
  card,
  isDefault,
  onRemoved,
}: {
  call: RuntimeClient;
  reads: WalletReads;
  card: CardLabel;
  isDefault: boolean;
  onRemoved: (label: string) => void;
}) {
  const [prompt, setPrompt] = useState<'check' | 'reveal' | 'remove'>();
  const [number, setNumber] = useState<string>();
  const [settingDefault, setSettingDefault] = useState(false);
  const [failure, setFailure] = useState<string>();
  const targets = {
    head: useRef<HTMLDivElement>(null),
    makeDefault: useRef<HTMLButtonElement>(null),
    check: useRef<HTMLButtonElement>(null),
    show: useRef<HTMLButtonElement>(null),
    remove: useRef<HTMLButtonElement>(null),
    number: useRef<HTMLParagraphElement>(null),
  };
  // Focus can only move once the element it goes to is rendered, so it is asked for here and given after the render.
  const focusNext = useRef<Focusable | undefined>(undefined);
  useEffect(() => {
    if (focusNext.current) targets[focusNext.current].current?.focus();
    focusNext.current = undefined;
  });

  const close = (focus: Focusable) => {
    focusNext.current = focus;
    setPrompt(undefined);
  };

  const makeDefault = async () => {
    setSettingDefault(true);
    setFailure(undefined);
    try {
      await call({ type: 'cards.setDefault', cardId: card.id });
      // The button goes once the card is the default; the card's name with its new badge takes focus instead.
      focusNext.current = 'head';
    } catch (error) {
      setFailure(errorText(error));
      focusNext.current = 'makeDefault';
    } finally {
      setSettingDefault(false);
    }
  };

  const label = cardLabel(card);
  return (
    <li class="card card-item" data-testid="card-item" aria-labelledby={`card-${card.id}-label`}>
      <div class="card-item-head" ref={targets.head} tabIndex={-1}>
        <p class="card-item-label" id={`card-${card.id}-label`}>
          {label}
        </p>
        {isDefault && <span class="card-badge">{t('cardsDefaultBadge')}</span>}
      </div>
      <dl class="card-item-details">
        <div>
          <dt>{t('cardsHolderLabel')}</dt>
          <dd>{card.holderName}</dd>
        </div>
        <div>
          <dt>{t('cardsExpiresLabel')}</dt>
          <dd>{expiryText(card)}</dd>
        </div>
        <div>
          <dt>{t('cardsCheckLabel')}</dt>
          <dd data-testid="card-check-state">
            {card.checkedAt === undefined ? t('cardsCheckNone') : t('cardsCheckPassed', [formatDateTime(card.checkedAt)])}
          </dd>
        </div>
      </dl>
      <CardHistory reads={reads} cardId={card.id} label={label} />
      {number !== undefined && (
        <RevealedNumber
          number={number}
          numberRef={targets.number}
          onHide={() => {
            focusNext.current = 'show';
            setNumber(undefined);
          }}
        />
      )}
      <div class="form-actions">
        {!isDefault && (
          <button
            type="button"
            ref={targets.makeDefault}
            disabled={settingDefault}
            aria-busy={settingDefault}
            onClick={() => void makeDefault()}
          >
            {settingDefault ? t('cardsMakingDefault') : t('cardsMakeDefault')}
          </button>
        )}
        {card.checkedAt === undefined && (
          <button
            type="button"
            ref={targets.check}
            aria-expanded={prompt === 'check'}
            onClick={() => setPrompt('check')}
            data-testid="card-check"
          >
            {t('cardsCheckRun')}
          </button>
        )}
        {number === undefined && (
          <button
            type="button"
            ref={targets.show}
            aria-expanded={prompt === 'reveal'}
            onClick={() => setPrompt('reveal')}
            data-testid="card-reveal"
          >
            {t('cardsShowNumber')}
          </button>
        )}
        <button type="button" ref={targets.remove} aria-expanded={prompt === 'remove'} onClick={() => setPrompt('remove')}>
          {t('cardsRemove')}
        </button>
      </div>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      {prompt === 'check' && (
        <PasswordPrompt
          id={`card-${card.id}-check`}
          title={t('cardsCheckTitle', [label])}
          confirmLabel={t('cardsCheckConfirm')}
          busyLabel={t('cardsChecking')}
          onConfirm={async (paymentPassword) => {
            await call({ type: 'cards.check', cardId: card.id, paymentPassword });
            // The button goes once the card is checked; its name, now followed by when it passed, takes focus.
            close('head');
          }}
          onCancel={() => close('check')}
        />
      )}
      {prompt === 'reveal' && (
        <PasswordPrompt
          id={`card-${card.id}-reveal`}
          title={t('cardsRevealTitle', [label])}
          confirmLabel={t('cardsRevealConfirm')}
          busyLabel={t('cardsRevealing')}
          onConfirm={async (paymentPassword) => {
            const { secret } = await call({ type: 'cards.reveal', cardId: card.id, paymentPassword });
            // Only the number is shown; the billing address that came with it is not kept.
            setNumber(secret.number);
            close('number');
          }}
          onCancel={() => close('show')}
        />
      )}
      {prompt === 'remove' && (
        <RemoveCardDialog call={call} card={card} onRemoved={() => onRemoved(label)} onCancel={() => close('remove')} />
      )}
    </li>
  );
}
