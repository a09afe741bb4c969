import { fromBase64, randomBytes, toBase64 } from './bytes';
import type { KdfParams, Sealed } from './records';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 32;
const IV_BYTES = 12;

export function newKdfParams(iterations = PBKDF2_ITERATIONS): KdfParams {
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(randomBytes(SALT_BYTES)) };
}

/** Derives an AES-GCM key-encryption key from a secret; slow on purpose. */
export async function deriveKey(secret: string, params: KdfParams): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(params.salt), iterations: params.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A fresh random data key. Extractable only so it can be wrapped and kept in session storage. */
export const generateDataKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']) as Promise<CryptoKey>;

export async function exportKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

export const importDataKey = (raw: Uint8Array<ArrayBuffer>) =>
  crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);

export async function seal(key: CryptoKey, plaintext: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext));
  return { iv: toBase64(iv), ciphertext: toBase64(ciphertext) };
}

/** Opens sealed bytes; `undefined` when the key is wrong or the data was altered (the GCM tag fails). */
export async function open(key: CryptoKey, sealedValue: Sealed): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealedValue.iv) }, key, fromBase64(sealedValue.ciphertext)),
    );
  } catch {
    return undefined;
  }
}

export const sealJson = (key: CryptoKey, value: unknown) => seal(key, new TextEncoder().encode(JSON.stringify(value)));

export async function openJson(key: CryptoKey, sealedValue: Sealed): Promise<unknown> {
  const bytes = await open(key, sealedValue);
  if (!bytes) throw new Error('This data cannot be decrypted with the vault key');
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}
