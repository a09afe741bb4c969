import cardValidator from 'card-validator';
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '@/components/error-text';
import { describedBy, Field } from '@/components/Field';
import { useFocusNext } from '@/components/use-focus-next';
import { t } from '@/components/i18n';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import type { RuntimeClient } from '@/lib/protocol/client';
import { checkCard, type CardDetails, type CardField } from '@/lib/wallet/cards/card-details';
import {
  AddressFields,
  EMPTY_ADDRESS,
  checkAddress,
  firstAddressProblem,
  type AddressDraft,
  type AddressErrors,
} from '@/components/AddressFields';
import { cardLabel } from '@/components/card-label';

const EMPTY_CARD: CardDetails = { number: '', expiry: '', holderName: '', cvv: '' };

/** Ids in the order the fields appear, so the first one with a problem is the one to focus. */
const FIELD_IDS: Record<CardField, string> = {
  number: 'card-add-number',
  expiry: 'card-add-expiry',
  holderName: 'card-add-holder',
  cvv: 'card-add-cvv',
};

/**
 * Adds a card: checked here first so each problem shows beside its field, then sent to the
 * background, which checks it again and seals the number. The number and CVV leave this form's
 * state as soon as the request is answered, whatever the answer.
 */
export function AddCardForm({ call }: { call: RuntimeClient }) {
  const [card, setCard] = useState<CardDetails>(EMPTY_CARD);
  const [billing, setBilling] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [cardErrors, setCardErrors] = useState<Partial<Record<CardField, string>>>({});
  const [billingErrors, setBillingErrors] = useState<AddressErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [paymentPassword, setPaymentPassword] = useState('');
  const [added, setAdded] = useState<string>();
  const [profileFailure, setProfileFailure] = useState<string>();
  const focusNext = useFocusNext();

  // The profile arrives after the shopper may have started typing: only empty fields are filled.
  useEffect(() => {
    let mounted = true;
    call({ type: 'account.profile' }).then(
      ({ profile }) => {
        if (!mounted) return;
        setCard((current) => (current.holderName ? current : { ...current, holderName: `${profile.givenName} ${profile.familyName}` }));
        setBilling((current) => (Object.values(current).some(Boolean) ? current : { ...profile.address }));
      },
      (error: unknown) => mounted && setProfileFailure(errorText(error)),
    );
    return () => {
      mounted = false;
    };
  }, [call]);

  const digits = card.number.replace(/[\s-]/g, '');
  const brand = digits ? cardValidator.number(digits).card?.niceType : undefined;

  const editCard = (field: CardField, value: string) => {
    setCard((current) => ({ ...current, [field]: value }));
    setCardErrors((current) => ({ ...current, [field]: undefined }));
  };
  const editBilling = (key: keyof AddressDraft, value: string) => {
    setBilling((current) => ({ ...current, [key]: value }));
    setBillingErrors((current) => ({ ...current, [key]: undefined }));
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setAdded(undefined);
    setFailure(undefined);
    const checked = checkCard(card, Date.now());
    const address = checkAddress(billing);
    const nextCardErrors: Partial<Record<CardField, string>> = {};
    if (!checked.ok) for (const { field, reason } of checked.problems) nextCardErrors[field] ??= t(`cardProblem_${reason}`);
    const nextBillingErrors: AddressErrors = address.ok ? {} : address.errors;
    setCardErrors(nextCardErrors);
    setBillingErrors(nextBillingErrors);
    if (!checked.ok || !address.ok) {
      const firstCardField = (Object.keys(FIELD_IDS) as CardField[]).find((field) => nextCardErrors[field]);
      focusNext(firstCardField ? FIELD_IDS[firstCardField] : `card-billing-${firstAddressProblem(nextBillingErrors)}`);
      return;
    }

    setBusy(true);
    try {
      const result = await call({ type: 'cards.add', card, billingAddress: address.address, paymentPassword });
      setAdded(cardLabel(result.card));
      setCard((current) => ({ ...current, expiry: '' }));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setCard((current) => ({ ...current, number: '', cvv: '' }));
      setPaymentPassword('');
      setBusy(false);
      focusNext(FIELD_IDS.number);
    }
  }

  const { number: numberId, expiry: expiryId, holderName: holderId, cvv: cvvId } = FIELD_IDS;
  const brandHint = brand && t('cardsNumberBrand', [brand]);
  return (
    <section class="card" aria-labelledby="card-add-title">
      <h2 id="card-add-title">{t('cardsAddTitle')}</h2>
      <form class="add-card-form" noValidate aria-busy={busy} onSubmit={submit}>
        <fieldset disabled={busy}>
          <legend>{t('cardsDetailsLegend')}</legend>
          <Field id={numberId} label={t('cardsNumberLabel')} error={cardErrors.number} hint={brandHint}>
            <input
              id={numberId}
              name="cardNumber"
              inputMode="numeric"
              autoComplete="cc-number"
              maxLength={23}
              required
              value={card.number}
              onInput={(event) => editCard('number', event.currentTarget.value)}
              {...describedBy(numberId, cardErrors.number, brandHint)}
            />
          </Field>
          <Field id={expiryId} label={t('cardsExpiryLabel')} error={cardErrors.expiry}>
            <input
              id={expiryId}
              name="cardExpiry"
              autoComplete="cc-exp"
              placeholder={t('cardsExpiryPlaceholder')}
              maxLength={7}
              required
              value={card.expiry}
              onInput={(event) => editCard('expiry', event.currentTarget.value)}
              {...describedBy(expiryId, cardErrors.expiry)}
            />
          </Field>
          <Field id={holderId} label={t('cardsHolderLabel')} error={cardErrors.holderName}>
            <input
              id={holderId}
              name="cardHolder"
              autoComplete="cc-name"
              maxLength={100}
              required
              value={card.holderName}
              onInput={(event) => editCard('holderName', event.currentTarget.value)}
              {...describedBy(holderId, cardErrors.holderName)}
            />
          </Field>
          <Field id={cvvId} label={t('cardsCvvLabel')} error={cardErrors.cvv} hint={t('cardsCvvHint')}>
            <input
              id={cvvId}
              name="cardCvv"
              type="password"
              inputMode="numeric"
              autoComplete="cc-csc"
              maxLength={4}
              required
              value={card.cvv}
              onInput={(event) => editCard('cvv', event.currentTarget.value)}
              {...describedBy(cvvId, cardErrors.cvv, t('cardsCvvHint'))}
            />
          </Field>
        </fieldset>
        {profileFailure && <p class="muted">{t('cardsProfileUnavailable', [profileFailure])}</p>}
        <AddressFields kind="billing" value={billing} errors={billingErrors} disabled={busy} onChange={editBilling} />
        {failure && (
          <p class="error" role="alert">
            {failure}
          </p>
        )}
        <p class="muted cards-status" role="status">
          {added && t('cardsAdded', [added])}
        </p>
        <p class="muted">{t('cardsCheckHint')}</p>
        <PaymentPasswordInput id="card-add-payment-password" value={paymentPassword} onInput={setPaymentPassword} />
        <div class="form-actions">
          <button type="submit" class="primary" data-testid="card-add-submit" disabled={busy || paymentPassword.length !== 6}>
            {busy ? t('cardsAdding') : t('cardsAddSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
