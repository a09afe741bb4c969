import { PaymentPasswordInput } from './PaymentPasswordInput';
import { t, tKey } from './i18n';
import { paymentPasswordProblem } from '@/lib/vault/payment-password';

export type NewPaymentPasswordProblems = { next?: string; repeat?: string };

/** A new payment password must follow the payment password rules, and be typed the same twice. */
export function newPaymentPasswordProblems(next: string, repeat: string): NewPaymentPasswordProblems {
  const problem = paymentPasswordProblem(next);
  return {
    ...(problem ? { next: tKey(`err_payment_password_${problem}`) } : {}),
    ...(repeat === next ? {} : { repeat: t('err_password_mismatch') }),
  };
}

/** The new payment password, its repeat and the rules, for the change in settings and the reset. */
export function NewPaymentPasswordFields({
  idPrefix,
  next,
  repeat,
  problems,
  onNext,
  onRepeat,
}: {
  idPrefix: string;
  next: string;
  repeat: string;
  problems: NewPaymentPasswordProblems;
  onNext: (value: string) => void;
  onRepeat: (value: string) => void;
}) {
  return (
    <>
      <PaymentPasswordInput
        id={`${idPrefix}-new`}
        label={t('newPaymentPasswordLabel')}
        value={next}
        onInput={onNext}
        error={problems.next}
      />
      <PaymentPasswordInput
        id={`${idPrefix}-repeat`}
        label={t('repeatPasswordLabel')}
        value={repeat}
        onInput={onRepeat}
        error={problems.repeat}
      />
      <p class="muted">{t('paymentPasswordRules')}</p>
    </>
  );
}
