/** A complete, valid sign-up form as the wallet page sends it, shared by unit and end-to-end tests. */
export const SIGN_UP_INPUT = {
  givenName: 'Ada',
  familyName: 'Lovelace',
  gender: 'female',
  dateOfBirth: '1990-12-10',
  citizenship: 'GB',
  idDocument: { type: 'passport', number: 'GB1234567' },
  address: { street: '12 St James’s Square', city: 'London', region: 'Greater London', country: 'GB', postcode: 'SW1Y 4JH' },
  phone: '+44 7400 123456',
  email: 'ada@example.com',
  currency: 'USD',
  loginPassword: 'analytical-engine-1843',
  loginPasswordRepeat: 'analytical-engine-1843',
  paymentPassword: '204913',
  paymentPasswordRepeat: '204913',
  securityAnswers: [
    { questionId: 'first-pet', answer: 'Biscuit' },
    { questionId: 'first-teacher', answer: 'Mrs Somerville' },
    { questionId: 'childhood-street', answer: 'Marylebone' },
  ],
  termsAccepted: true,
  refundsToWallet: true,
};

/** A Visa test number that passes Luhn; the CVV is only ever checked. */
export const TEST_CARD = { number: '4242 4242 4242 4242', expiry: '12/30', holderName: 'Ada Lovelace', cvv: '123' };
