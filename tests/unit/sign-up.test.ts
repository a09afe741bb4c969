import { describe, expect, it } from 'vitest';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { countryCode } from '@/lib/account/countries';
import type { Strength } from '@/lib/account/password-scorer';
import { passwordScore, passwordStrength } from '@/lib/account/password-strength';
import { fieldErrors, personalDetails, signUpForm } from '@/lib/account/profile';
import { profileRecord } from '@/lib/account/profile-fields';
import { questionMessageKey, securityQuestionId } from '@/lib/account/security-questions';

// Noon local time: the age rule reads the shopper's own calendar date.
const now = new Date(2026, 5, 15, 12).getTime();

function validForm() {
  return {
    givenName: '  José María ',
    familyName: 'O’Brien-Núñez',
    gender: 'other',
    dateOfBirth: '1990-04-12',
    citizenship: 'ES',
    idDocument: { type: 'passport', number: ' ab-1234567 ' },
    address: { street: 'Calle Mayor 1, 3º B', city: 'Madrid', region: 'Comunidad de Madrid', country: 'ES', postcode: '28013' },
    phone: '+44 7400 123456',
    email: ' jose@example.com ',
    currency: 'EUR',
    loginPassword: 'vivid-otter-lamp-quarry-93',
    loginPasswordRepeat: 'vivid-otter-lamp-quarry-93',
    paymentPassword: '204913',
    paymentPasswordRepeat: '204913',
    securityAnswers: [
      { questionId: 'first-pet', answer: ' Rex ' },
      { questionId: 'first-teacher', answer: 'Mrs Alvarez' },
      { questionId: 'childhood-street', answer: 'calle del Pez' },
    ],
    termsAccepted: true,
    refundsToWallet: true,
  };
}
type FormInput = ReturnType<typeof validForm>;

/** The first message key per field for the valid form with `change` applied. */
function errorsOf(change: (form: FormInput) => void, strength: Strength = passwordScore) {
  const form = validForm();
  change(form);
  return fieldErrors(signUpForm(now, bundledPhonePlans, strength).safeParse(form));
}

describe('Sign-up form: a valid form', () => {
  it('passes and comes out normalised', () => {
    const result = signUpForm(now, bundledPhonePlans, passwordScore).safeParse(validForm());
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toMatchObject({
      givenName: 'José María',
      familyName: 'O’Brien-Núñez',
      idDocument: { type: 'passport', number: 'AB-1234567' },
      phone: '+447400123456',
      email: 'jose@example.com',
      securityAnswers: [{ questionId: 'first-pet', answer: 'Rex' }, { answer: 'Mrs Alvarez' }, { answer: 'calle del Pez' }],
    });
    expect(fieldErrors(result)).toEqual({});
  });

  it.each(['Дмитрий', '李', 'Nguyễn', 'محمد', 'Zoë', "d'Artagnan"])('accepts the name %s', (givenName) => {
    expect(errorsOf((form) => (form.givenName = givenName))).toEqual({});
  });

  it.each([
    ['+7 912 345-67-89', '+79123456789'],
    ['+86 138 0013 8000', '+8613800138000'],
    ['+1 (213) 373-4253', '+12133734253'],
  ])('reads the phone %s as %s', (phone, e164) => {
    const form = { ...validForm(), phone };
    expect(signUpForm(now, bundledPhonePlans, passwordScore).parse(form).phone).toBe(e164);
  });
});

describe('Sign-up form: each rule names its field and an i18n key', () => {
  it.each<[string, (form: FormInput) => void, string, string]>([
    ['a blank name', (form) => (form.givenName = '   '), 'givenName', 'err_required'],
    ['a name with digits', (form) => (form.familyName = 'Smith2'), 'familyName', 'err_name_chars'],
    ['a name over 100 characters', (form) => (form.familyName = 'a'.repeat(101)), 'familyName', 'err_too_long'],
    ['an unknown gender', (form) => (form.gender = 'robot'), 'gender', 'err_choose_option'],
    ['31 February', (form) => (form.dateOfBirth = '2000-02-31'), 'dateOfBirth', 'err_date_invalid'],
    ['29 February of a common year', (form) => (form.dateOfBirth = '1999-02-29'), 'dateOfBirth', 'err_date_invalid'],
    ['a date not written YYYY-MM-DD', (form) => (form.dateOfBirth = '12/04/1990'), 'dateOfBirth', 'err_date_invalid'],
    ['the day before the 18th birthday', (form) => (form.dateOfBirth = '2008-06-16'), 'dateOfBirth', 'err_too_young'],
    ['a date in the future', (form) => (form.dateOfBirth = '2030-01-01'), 'dateOfBirth', 'err_too_young'],
    ['121 years', (form) => (form.dateOfBirth = '1905-06-15'), 'dateOfBirth', 'err_too_old'],
    ['an unknown citizenship', (form) => (form.citizenship = 'XX'), 'citizenship', 'err_country_unknown'],
    ['UK, which is not an ISO code', (form) => (form.address.country = 'UK'), 'address.country', 'err_country_unknown'],
    ['an unknown document type', (form) => (form.idDocument.type = 'library_card'), 'idDocument.type', 'err_choose_option'],
    ['a document number with symbols', (form) => (form.idDocument.number = 'AB#123/45'), 'idDocument.number', 'err_id_number_chars'],
    ['a document number too short', (form) => (form.idDocument.number = 'A-12'), 'idDocument.number', 'err_id_number_length'],
    ['a document number too long', (form) => (form.idDocument.number = 'A'.repeat(21)), 'idDocument.number', 'err_id_number_length'],
    ['a blank city', (form) => (form.address.city = ''), 'address.city', 'err_required'],
    ['no region or state', (form) => (form.address.region = ' '), 'address.region', 'err_required'],
    ['a street over 200 characters', (form) => (form.address.street = 'a'.repeat(201)), 'address.street', 'err_too_long'],
    ['a postcode with symbols', (form) => (form.address.postcode = '28013#'), 'address.postcode', 'err_postcode_chars'],
    ['a bad email', (form) => (form.email = 'jose@'), 'email', 'err_email_invalid'],
    ['a number with no such range', (form) => (form.phone = '+1 222 333 3333'), 'phone', 'err_phone_invalid'],
    ['a number too short', (form) => (form.phone = '+44 7400 1234'), 'phone', 'err_phone_invalid'],
    ['a national number', (form) => (form.phone = '07400 123456'), 'phone', 'err_phone_invalid'],
    ['a number with an extension', (form) => (form.phone = '+1 213 373 4253 ext. 12'), 'phone', 'err_phone_invalid'],
    ['an unknown currency', (form) => (form.currency = 'XYZ'), 'currency', 'err_choose_option'],
    [
      'a short login password',
      (form) => (form.loginPassword = form.loginPasswordRepeat = 'short1234'),
      'loginPassword',
      'err_password_too_short',
    ],
    [
      'a mismatched login password',
      (form) => (form.loginPasswordRepeat = 'vivid-otter-lamp-quarry-94'),
      'loginPasswordRepeat',
      'err_password_mismatch',
    ],
    [
      'five digits',
      (form) => (form.paymentPassword = form.paymentPasswordRepeat = '20491'),
      'paymentPassword',
      'err_payment_password_not_six_digits',
    ],
    [
      'a run of digits',
      (form) => (form.paymentPassword = form.paymentPasswordRepeat = '987654'),
      'paymentPassword',
      'err_payment_password_sequential',
    ],
    [
      'a digit four times',
      (form) => (form.paymentPassword = form.paymentPasswordRepeat = '191911'),
      'paymentPassword',
      'err_payment_password_digit_repeated',
    ],
    ['a blank payment password', (form) => (form.paymentPassword = form.paymentPasswordRepeat = ''), 'paymentPassword', 'err_required'],
    ['a mismatched payment password', (form) => (form.paymentPasswordRepeat = '204914'), 'paymentPasswordRepeat', 'err_password_mismatch'],
    [
      'the same question twice',
      (form) => (form.securityAnswers[2]!.questionId = 'first-pet'),
      'securityAnswers.2.questionId',
      'err_questions_not_different',
    ],
    [
      'an unknown question',
      (form) => (form.securityAnswers[1]!.questionId = 'favourite-colour'),
      'securityAnswers.1.questionId',
      'err_choose_option',
    ],
    ['a blank answer', (form) => (form.securityAnswers[1]!.answer = '  '), 'securityAnswers.1.answer', 'err_required'],
    ['two answers', (form) => form.securityAnswers.pop(), 'securityAnswers', 'err_security_answers_count'],
    ['terms not accepted', (form) => (form.termsAccepted = false as true), 'termsAccepted', 'err_terms_required'],
    ['no refunds choice', (form) => delete (form as Partial<FormInput>).refundsToWallet, 'refundsToWallet', 'err_required'],
  ])('refuses %s', (_case, change, path, key) => {
    expect(errorsOf(change)).toEqual({ [path]: key });
  });

  it('takes the 18th birthday itself, and 120 years', () => {
    expect(errorsOf((form) => (form.dateOfBirth = '2008-06-15'))).toEqual({});
    expect(errorsOf((form) => (form.dateOfBirth = '1905-06-16'))).toEqual({});
  });

  it('keeps the answers’ case', () => {
    const form = validForm();
    form.securityAnswers[0]!.answer = 'ReX';
    expect(signUpForm(now, bundledPhonePlans, passwordScore).parse(form).securityAnswers[0]!.answer).toBe('ReX');
  });
});

describe('Sign-up form: password strength', () => {
  it('refuses a password the meter scores below 3, and gives it the shopper’s own details', () => {
    const seen: string[][] = [];
    const weak: Strength = (_password, userInputs) => (seen.push(userInputs), 1);
    expect(errorsOf(() => {}, weak)).toEqual({ loginPassword: 'err_password_weak' });
    expect(seen).toEqual([['José María', 'O’Brien-Núñez', 'jose@example.com', 'jose', '1990']]);
  });

  it('accepts a password the meter scores 3 or more', () => {
    expect(
      errorsOf(
        () => {},
        () => 3,
      ),
    ).toEqual({});
    expect(errorsOf(() => {}, passwordScore)).toEqual({});
  });

  it('does not score a password that is already too short', () => {
    expect(
      errorsOf(
        (form) => (form.loginPassword = form.loginPasswordRepeat = 'short'),
        () => 0,
      ),
    ).toEqual({
      loginPassword: 'err_password_too_short',
    });
  });
});

describe('Sign-up form: reporting', () => {
  it('reports several errors at once, cross-field ones included', () => {
    const errors = errorsOf(
      (form) => {
        form.givenName = '';
        form.email = 'not an email';
        form.address.city = '';
        form.phone = 'none';
        form.loginPasswordRepeat = 'something else';
        form.paymentPassword = form.paymentPasswordRepeat = '123456';
        form.securityAnswers[1]!.questionId = 'first-pet';
        form.termsAccepted = false as true;
      },
      () => 1,
    );
    expect(errors).toEqual({
      givenName: 'err_required',
      email: 'err_email_invalid',
      'address.city': 'err_required',
      phone: 'err_phone_invalid',
      loginPassword: 'err_password_weak',
      loginPasswordRepeat: 'err_password_mismatch',
      paymentPassword: 'err_payment_password_sequential',
      'securityAnswers.1.questionId': 'err_questions_not_different',
      termsAccepted: 'err_terms_required',
    });
  });

  it.each([
    ['an empty form', {}],
    ['wrong types everywhere', Object.fromEntries(Object.keys(validForm()).map((key) => [key, 42]))],
    ['wrong types inside', { ...validForm(), idDocument: { type: null, number: 7 }, address: [], securityAnswers: [null, 1, 'x'] }],
    ['not an object', 'form'],
  ])('gives only i18n keys for %s', (_case, input) => {
    const result = signUpForm(now, bundledPhonePlans, () => 4).safeParse(input);
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) expect(issue.message).toMatch(/^err_[a-z0-9_]+$/);
  });

  it('says "required" for every missing field', () => {
    const errors = fieldErrors(signUpForm(now, bundledPhonePlans, passwordScore).safeParse({}));
    expect(Object.keys(errors).sort()).toEqual(Object.keys(validForm()).sort());
    expect(new Set(Object.values(errors))).toEqual(new Set(['err_required', 'err_terms_required']));
  });
});

describe('Profile record', () => {
  it('stores the personal details as the form normalised them, and nothing secret', () => {
    const form = signUpForm(now, bundledPhonePlans, passwordScore).parse(validForm());
    const details = personalDetails(bundledPhonePlans).parse(validForm());
    expect(profileRecord.parse(details)).toEqual(details);
    expect(Object.keys(details).sort()).toEqual(
      ['givenName', 'familyName', 'gender', 'dateOfBirth', 'citizenship', 'idDocument', 'address', 'phone', 'email'].sort(),
    );
    expect(profileRecord.safeParse({ ...details, loginPassword: form.loginPassword }).success).toBe(false);
    expect(profileRecord.safeParse({ ...details, securityAnswers: form.securityAnswers }).success).toBe(false);
  });

  it('still reads a profile stored before the region was required', () => {
    const details = personalDetails(bundledPhonePlans).parse(validForm());
    expect(profileRecord.safeParse({ ...details, address: { ...details.address, region: '' } }).success).toBe(true);
  });

  it('keeps a stored phone as E.164 without re-reading numbering plans', () => {
    const details = personalDetails(bundledPhonePlans).parse(validForm());
    expect(profileRecord.safeParse({ ...details, phone: '+1 222 333 3333' }).success).toBe(false);
    expect(profileRecord.safeParse({ ...details, phone: '+12223333333' }).success).toBe(true);
  });
});

describe('Sign-up data', () => {
  it('lists every ISO 3166-1 country once, named by Intl, plus Kosovo', () => {
    const codes = countryCode.options;
    expect(codes).toHaveLength(250);
    expect(new Set(codes).size).toBe(codes.length);
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of codes) expect(names.of(code)).not.toBe(code);
    expect(codes).toEqual(expect.arrayContaining(['GB', 'CN', 'RU', 'BR', 'XK', 'SS', 'AQ']));
  });

  it('names each security question by an i18n key', () => {
    expect(securityQuestionId.options.length).toBeGreaterThanOrEqual(10);
    expect(questionMessageKey('first-pet')).toBe('question_first_pet');
    expect(questionMessageKey('childhood-best-friend')).toBe('question_childhood_best_friend');
    for (const id of securityQuestionId.options) expect(questionMessageKey(id)).toMatch(/^question_[a-z_]+$/);
  });
});

describe('Password strength meter', () => {
  it('scores a common password low', () => {
    const strength = passwordStrength('password123', []);
    expect(strength.score).toBeLessThanOrEqual(1);
  });

  it('scores a long random passphrase 3 or more', () => {
    expect(passwordStrength('vivid otter lamp quarry 93', []).score).toBeGreaterThanOrEqual(3);
  });

  it('scores down a password made of the shopper’s own details', () => {
    const own = passwordStrength('Okonkwo1987', ['Chidi', 'Okonkwo', '1987']);
    expect(own.score).toBeLessThan(passwordStrength('Okonkwo1987', []).score);
  });
});
