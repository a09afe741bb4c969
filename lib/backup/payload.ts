import { fromBase64, toBase64 } from '../vault/bytes';
import { headerBytes, type BackupHeader } from './format';

const DIGEST_BYTES = 32;

const sha256 = async (bytes: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));

/**
 * Encrypts the payload under the vault's data key with AES-GCM, the header as additional data.
 * The plaintext starts with its own SHA-256, checked again after decryption: the explicit
 * integrity check of what was serialised, beside the cipher's tag that covers the bytes on disk.
 */
export async function sealPayload(dataKey: CryptoKey, header: BackupHeader, plaintext: Uint8Array<ArrayBuffer>): Promise<string> {
  const body = new Uint8Array(DIGEST_BYTES + plaintext.length);
  body.set(await sha256(plaintext));
  body.set(plaintext, DIGEST_BYTES);
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: headerBytes(header) },
    dataKey,
    body,
  );
  return toBase64(new Uint8Array(ciphertext));
}

export type OpenedPayload = { ok: true; plaintext: Uint8Array<ArrayBuffer> } | { ok: false; problem: 'altered' | 'digest' };

/** The payload's plaintext; `altered` when the key does not fit or any byte of the header or payload changed. */
export async function openPayload(dataKey: CryptoKey, header: BackupHeader, ciphertext: string): Promise<OpenedPayload> {
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(header.iv), additionalData: headerBytes(header) },
        dataKey,
        fromBase64(ciphertext),
      ),
    );
  } catch {
    return { ok: false, problem: 'altered' };
  }
  const plaintext = body.slice(DIGEST_BYTES);
  const expected = body.subarray(0, DIGEST_BYTES);
  const actual = await sha256(plaintext);
  const matches = expected.length === DIGEST_BYTES && actual.every((byte, index) => byte === expected[index]);
  return matches ? { ok: true, plaintext } : { ok: false, problem: 'digest' };
}
