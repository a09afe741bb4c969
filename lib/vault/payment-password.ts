import * as z from 'zod/mini';
import { fromBase64, randomBytes, toBase64 } from './bytes';
import { PBKDF2_ITERATIONS } from './crypto';
import { kdfParams } from './records';

export type PaymentPasswordProblem = 'not_six_digits' | 'sequential' | 'digit_repeated';

/**
 * The real wallet's rule: exactly six digits, not an ascending or descending run (123456,
 * 987654), and no digit more than three times.
 */
export function paymentPasswordProblem(candidate: string): PaymentPasswordProblem | undefined {
  if (!/^\d{6}$/.test(candidate)) return 'not_six_digits';
  const digits = [...candidate].map(Number);
  const steps = digits.slice(1).map((digit, index) => digit - digits[index]!);
  if (steps.every((step) => step === 1) || steps.every((step) => step === -1)) return 'sequential';
  const counts = new Map<number, number>();
  for (const digit of digits) counts.set(digit, (counts.get(digit) ?? 0) + 1);
  if ([...counts.values()].some((count) => count > 3)) return 'digit_repeated';
  return undefined;
}

/** The payment password as stored: a salted PBKDF2 hash, never the digits. */
export const paymentPasswordRecord = z.strictObject({
  kdf: kdfParams,
  hash: z.string(),
});
export type PaymentPasswordRecord = z.infer<typeof paymentPasswordRecord>;

async function hash(candidate: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(candidate), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256));
}

export async function hashPaymentPassword(candidate: string, iterations = PBKDF2_ITERATIONS): Promise<PaymentPasswordRecord> {
  const salt = randomBytes(32);
  return { kdf: { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt) }, hash: toBase64(await hash(candidate, salt, iterations)) };
}

/** Compares in constant time, so how long a check takes says nothing about how close a guess was. */
export async function paymentPasswordMatches(record: PaymentPasswordRecord, candidate: string): Promise<boolean> {
  const expected = fromBase64(record.hash);
  const actual = await hash(candidate, fromBase64(record.kdf.salt), record.kdf.iterations);
  let difference = expected.length ^ actual.length;
  for (let index = 0; index < expected.length; index++) difference |= expected[index]! ^ (actual[index] ?? 0);
  return difference === 0;
}
