import { deriveKey, exportKey, generateDataKey, importDataKey, newKdfParams, open, seal, PBKDF2_ITERATIONS } from './crypto';
import type { VaultRecord } from './records';

export interface SecurityAnswer {
  questionId: string;
  /** Case-sensitive, as the real wallet's answers are. */
  answer: string;
}

/**
 * One string from the three answers, in question order. Case is kept (answers are
 * case-sensitive); Unicode form and runs of spaces are normalised so the same answer typed on
 * another keyboard still opens the vault.
 */
export function normaliseAnswers(answers: readonly SecurityAnswer[]): string {
  return answers.map(({ questionId, answer }) => `${questionId}=${answer.normalize('NFC').trim().replace(/\s+/g, ' ')}`).join('\u241e');
}

async function wrapWith(secret: string, dataKey: CryptoKey, iterations: number) {
  const kdf = newKdfParams(iterations);
  return { kdf, wrappedKey: await seal(await deriveKey(secret, kdf), await exportKey(dataKey)) };
}

/** Creates a vault around a new random data key, wrapped by the login password and by the answers. */
export async function createVault(
  loginPassword: string,
  answers: readonly SecurityAnswer[],
  iterations = PBKDF2_ITERATIONS,
): Promise<{ record: VaultRecord; dataKey: CryptoKey }> {
  if (answers.length !== 3) throw new Error('Three security answers are needed');
  const dataKey = await generateDataKey();
  const [byPassword, byAnswers] = await Promise.all([
    wrapWith(loginPassword, dataKey, iterations),
    wrapWith(normaliseAnswers(answers), dataKey, iterations),
  ]);
  return {
    record: { id: 'vault', version: 1, byPassword, byAnswers: { ...byAnswers, questionIds: answers.map((answer) => answer.questionId) } },
    dataKey,
  };
}

async function unwrap(secret: string, wrapped: VaultRecord['byPassword']): Promise<CryptoKey | undefined> {
  const raw = await open(await deriveKey(secret, wrapped.kdf), wrapped.wrappedKey);
  return raw ? importDataKey(raw) : undefined;
}

/** The data key, or `undefined` for a wrong password. */
export const unlockWithPassword = (record: VaultRecord, loginPassword: string) => unwrap(loginPassword, record.byPassword);

/** The data key from the three answers, or `undefined` when any is wrong. */
export const unlockWithAnswers = (record: VaultRecord, answers: readonly SecurityAnswer[]) =>
  unwrap(normaliseAnswers(answers), record.byAnswers);

/** Wraps the same data key under a new login password: nothing encrypted under it changes. */
export async function changeLoginPassword(
  record: VaultRecord,
  dataKey: CryptoKey,
  newPassword: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<VaultRecord> {
  return { ...record, byPassword: await wrapWith(newPassword, dataKey, iterations) };
}
