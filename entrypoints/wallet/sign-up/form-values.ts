/** The real wallet asks for three answers; the schema checks the count, the page shows that many. */
export const ANSWER_INDEXES = [0, 1, 2] as const;
type AnswerIndex = (typeof ANSWER_INDEXES)[number];

/**
 * What the controls hold, untrimmed and unchecked: the schema reads it on submit, and the
 * background is sent it raw and checks it again itself.
 */
export type SignUpValues = {
  givenName: string;
  familyName: string;
  gender: string;
  dateOfBirth: string;
  citizenship: string;
  idDocument: { type: string; number: string };
  address: { street: string; city: string; region: string; country: string; postcode: string };
  phone: string;
  email: string;
  currency: string;
  loginPassword: string;
  loginPasswordRepeat: string;
  paymentPassword: string;
  paymentPasswordRepeat: string;
  securityAnswers: { questionId: string; answer: string }[];
  termsAccepted: boolean;
  refundsToWallet: boolean;
};

/** Dotted paths as the schema's issues name them; each control's `name` is its path. */
export type TextPath =
  | 'givenName'
  | 'familyName'
  | 'gender'
  | 'dateOfBirth'
  | 'citizenship'
  | 'idDocument.type'
  | 'idDocument.number'
  | `address.${keyof SignUpValues['address']}`
  | 'phone'
  | 'email'
  | 'currency'
  | 'loginPassword'
  | 'loginPasswordRepeat'
  | 'paymentPassword'
  | 'paymentPasswordRepeat'
  | `securityAnswers.${AnswerIndex}.${'questionId' | 'answer'}`;
export type FlagPath = 'termsAccepted' | 'refundsToWallet';
export type FieldPath = TextPath | FlagPath;

export const emptySignUp = (): SignUpValues => ({
  givenName: '',
  familyName: '',
  gender: '',
  dateOfBirth: '',
  citizenship: '',
  idDocument: { type: '', number: '' },
  address: { street: '', city: '', region: '', country: '', postcode: '' },
  phone: '',
  email: '',
  currency: '',
  loginPassword: '',
  loginPasswordRepeat: '',
  paymentPassword: '',
  paymentPasswordRepeat: '',
  securityAnswers: ANSWER_INDEXES.map(() => ({ questionId: '', answer: '' })),
  termsAccepted: false,
  // Refunds to the wallet arrive at once, to a card in up to 10 business days.
  refundsToWallet: true,
});

type Node = Record<string, unknown>;

export const valueAt = (values: SignUpValues, path: FieldPath): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Node)[key], values);

/** A copy with one value replaced and every object on its path copied, so state stays immutable. */
export function withValue(values: SignUpValues, path: FieldPath, value: string | boolean): SignUpValues {
  const replace = (node: unknown, [key, ...rest]: string[]): unknown => {
    if (key === undefined) return value;
    const copy = (Array.isArray(node) ? [...node] : { ...(node as Node) }) as Node;
    copy[key] = replace((node as Node)[key], rest);
    return copy;
  };
  return replace(values, path.split('.')) as SignUpValues;
}

/** A stable id from the path: 'address.city' is `signup-address-city`, 'loginPassword' is `signup-login-password`. */
export const controlId = (path: FieldPath): string =>
  `signup-${path.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replaceAll('.', '-')}`;

/** What each group of controls needs from the form: its values, their errors, and a way to change one. */
export interface FormBinding {
  values: SignUpValues;
  text(path: TextPath): string;
  /** The translated error to show beside the control, once the shopper has left it or submitted. */
  error(path: FieldPath): string | undefined;
  set(path: FieldPath, value: string | boolean): void;
}
