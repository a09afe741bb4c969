import parsePhoneNumber from 'libphonenumber-js/core';
import * as z from 'zod/mini';
import { currencyCode } from '../money-schema';
import { paymentPasswordProblem } from '../vault/payment-password';
import { tooWeak, type Strength } from './password-scorer';
import type { PhonePlans } from './phone-plans';
import { dateOfBirth, enteredPostalAddress, identity, invalid, loginPassword, required, securityAnswers, text } from './profile-fields';

/**
 * A phone number written in international format ("+44 7400 123456") as E.164 ("+447400123456").
 * An extension is refused rather than dropped: codes go by SMS, which cannot reach one.
 */
function toE164(plans: PhonePlans) {
  return (phone: string, context: z.core.ParsePayload): string => {
    const parsed = parsePhoneNumber(phone, { extract: false }, plans);
    if (parsed?.isValid() && !parsed.ext) return parsed.number;
    context.issues.push({ code: 'custom', message: 'err_phone_invalid', input: phone });
    return phone;
  };
}

/** A mobile number in international format, read as E.164 by the numbering plans. */
export const phoneNumber = (plans: PhonePlans) => z.pipe(text(40), z.transform(toE164(plans)));

export const personalDetails = (plans: PhonePlans) =>
  z.object({ ...identity, address: enteredPostalAddress, phone: phoneNumber(plans) }, required);

/**
 * Whole years from the birth date to the shopper's own calendar date at `now` (local time, not UTC:
 * whoever turns 18 today is 18 wherever they are). A 29 February birthday comes on 1 March in other years.
 */
function ageOn(dateOfBirth: string, now: number): number {
  const [year = 0, month = 0, day = 0] = dateOfBirth.split('-').map(Number);
  const today = new Date(now);
  const monthToday = today.getMonth() + 1;
  const hadBirthday = monthToday > month || (monthToday === month && today.getDate() >= day);
  return today.getFullYear() - year - (hadBirthday ? 0 : 1);
}

function adultOn(now: number) {
  return z.superRefine<string>((birthDate, context) => {
    // A malformed date already has its own issue; its age means nothing.
    if (context.issues.length > 0) return;
    const age = ageOn(birthDate, now);
    if (age < 18) context.issues.push({ code: 'custom', message: 'err_too_young', input: birthDate });
    else if (age > 120) context.issues.push({ code: 'custom', message: 'err_too_old', input: birthDate });
  });
}

const paymentPassword = z.string(required).check(
  z.minLength(1, required),
  z.superRefine((candidate, context) => {
    const problem = paymentPasswordProblem(candidate);
    if (problem) context.issues.push({ code: 'custom', message: `err_payment_password_${problem}`, input: candidate });
  }),
);

/**
 * Lets a check across fields run beside the other fields' errors, so the shopper sees them all at once,
 * but only once the fields it reads are valid on their own.
 */
function whenValid(...fields: string[]) {
  return {
    when: (payload: z.core.ParsePayload) => !payload.issues.some(({ path = [] }) => path.length === 0 || fields.includes(String(path[0]))),
  };
}

/** The repeat must be the same text; the issue sits on the repeat, where the shopper looks. */
function sameAs(field: string, repeat: string) {
  return z.superRefine<Record<string, unknown>>(
    (form, context) => {
      if (form[repeat] !== form[field])
        context.issues.push({ code: 'custom', message: 'err_password_mismatch', input: form[repeat], path: [repeat] });
    },
    whenValid(field, repeat),
  );
}

/**
 * The sign-up form's fields and the checks between them, checked as of `now` (the wallet's clock) and against
 * the phone numbering `plans`, but not the login password's strength: what the wallet page shows while its
 * scorer loads. Nothing is signed up on it: that takes `signUpForm`.
 */
export function signUpFields(now: number, plans: PhonePlans) {
  return z
    .object(
      {
        ...personalDetails(plans).shape,
        dateOfBirth: dateOfBirth.check(adultOn(now)),
        currency: z.enum(currencyCode.options, invalid('err_choose_option')),
        loginPassword,
        loginPasswordRepeat: z.string(required),
        paymentPassword,
        paymentPasswordRepeat: z.string(required),
        securityAnswers,
        termsAccepted: z.literal(true, { error: 'err_terms_required' }),
        refundsToWallet: z.boolean(required),
      },
      required,
    )
    .check(sameAs('loginPassword', 'loginPasswordRepeat'), sameAs('paymentPassword', 'paymentPasswordRepeat'));
}

/**
 * The whole sign-up form: its fields, and a login password that `strength` scores at least `MIN_PASSWORD_SCORE`
 * given the shopper's own details. The background and the wallet page pass the same scorer.
 */
export function signUpForm(now: number, plans: PhonePlans, strength: Strength) {
  return (
    signUpFields(now, plans)
      .check(
        z.superRefine((form, context) => {
          if (tooWeak(strength, form.loginPassword, form))
            context.issues.push({ code: 'custom', message: 'err_password_weak', input: form.loginPassword, path: ['loginPassword'] });
        }, whenValid('loginPassword')),
      )
      // Only a form checked here can be signed up (`sign-up.ts`): one read by `signUpFields` alone has the same fields.
      .brand<'scoredSignUp'>()
  );
}
export type SignUpForm = z.infer<ReturnType<typeof signUpForm>>;

/** The first message key for each field, by dotted path ('address.city', 'securityAnswers.1.answer'). */
export function fieldErrors(result: {
  error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
}): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[issue.path.map(String).join('.')] ??= issue.message;
  return errors;
}
