import * as z from 'zod/mini';

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

/** How a key was derived from a secret; stored so the iteration count can be raised later. */
export const kdfParams = z.strictObject({
  algorithm: z.literal('PBKDF2-SHA256'),
  iterations: z.int().check(z.minimum(100_000)),
  salt: base64,
});
export type KdfParams = z.infer<typeof kdfParams>;

/** AES-GCM output: a fresh 12-byte IV per encryption and the ciphertext with its tag. */
export const sealed = z.strictObject({ iv: base64, ciphertext: base64 });
export type Sealed = z.infer<typeof sealed>;

/**
 * The vault: one random data key encrypts every secret, and is stored only wrapped, once by the
 * login password and once by the security answers, so either can open it.
 */
export const vaultRecord = z.strictObject({
  id: z.literal('vault'),
  version: z.literal(1),
  byPassword: z.strictObject({ kdf: kdfParams, wrappedKey: sealed }),
  byAnswers: z.strictObject({ kdf: kdfParams, wrappedKey: sealed, questionIds: z.array(z.string()).check(z.length(3)) }),
});
export type VaultRecord = z.infer<typeof vaultRecord>;
