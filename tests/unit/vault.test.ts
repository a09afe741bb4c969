import { describe, expect, it } from 'vitest';
import { PBKDF2_ITERATIONS, openJson, sealJson } from '@/lib/vault/crypto';
import { vaultRecord } from '@/lib/vault/records';
import {
  changeLoginPassword,
  createVault,
  normaliseAnswers,
  unlockWithAnswers,
  unlockWithPassword,
  type SecurityAnswer,
} from '@/lib/vault/vault';

// Tests use the schema's minimum iterations; the default (600,000) is checked once below.
const FAST = 100_000;
const ANSWERS: SecurityAnswer[] = [
  { questionId: 'first-pet', answer: 'Biscuit' },
  { questionId: 'birth-city', answer: 'São Paulo' },
  { questionId: 'first-teacher', answer: 'Ms  Okafor' },
];

describe('Vault', () => {
  it('stores 600,000 PBKDF2 iterations and 32-byte salts by default, and parses as a vault record', async () => {
    const { record } = await createVault('correct horse battery staple', ANSWERS);
    expect(vaultRecord.parse(record)).toEqual(record);
    expect(record.byPassword.kdf.iterations).toBe(PBKDF2_ITERATIONS);
    expect(atob(record.byPassword.kdf.salt)).toHaveLength(32);
    expect(record.byPassword.kdf.salt).not.toBe(record.byAnswers.kdf.salt);
  });

  it('opens with the login password and with the answers, to the same data key', async () => {
    const { record, dataKey } = await createVault('correct horse battery staple', ANSWERS, FAST);
    const secret = await sealJson(dataKey, { number: '4242424242424242' });
    const byPassword = await unlockWithPassword(record, 'correct horse battery staple');
    const byAnswers = await unlockWithAnswers(record, ANSWERS);
    expect(await openJson(byPassword!, secret)).toEqual({ number: '4242424242424242' });
    expect(await openJson(byAnswers!, secret)).toEqual({ number: '4242424242424242' });
  });

  it.each([
    ['a wrong password', (record: Parameters<typeof unlockWithPassword>[0]) => unlockWithPassword(record, 'correct horse battery stapler')],
    [
      'an answer in another case',
      (record: Parameters<typeof unlockWithPassword>[0]) =>
        unlockWithAnswers(record, [{ ...ANSWERS[0]!, answer: 'biscuit' }, ANSWERS[1]!, ANSWERS[2]!]),
    ],
    [
      'the answers in another order',
      (record: Parameters<typeof unlockWithPassword>[0]) => unlockWithAnswers(record, [ANSWERS[1]!, ANSWERS[0]!, ANSWERS[2]!]),
    ],
  ])('stays shut for %s', async (_, attempt) => {
    const { record } = await createVault('correct horse battery staple', ANSWERS, FAST);
    expect(await attempt(record)).toBeUndefined();
  });

  it('accepts answers with other spacing or Unicode form, keeping case', () => {
    const decomposed = 'Sa\u0303o Paulo';
    expect(
      normaliseAnswers([
        ANSWERS[0]!,
        { questionId: 'birth-city', answer: ` ${decomposed} ` },
        { questionId: 'first-teacher', answer: 'Ms Okafor' },
      ]),
    ).toBe(normaliseAnswers(ANSWERS));
  });

  it('changes the login password without re-encrypting anything', async () => {
    const { record, dataKey } = await createVault('old password', ANSWERS, FAST);
    const secret = await sealJson(dataKey, 'card');
    const changed = await changeLoginPassword(record, dataKey, 'new password', FAST);
    expect(await unlockWithPassword(changed, 'old password')).toBeUndefined();
    expect(await openJson((await unlockWithPassword(changed, 'new password'))!, secret)).toBe('card');
    expect(await openJson((await unlockWithAnswers(changed, ANSWERS))!, secret)).toBe('card');
  });

  it('detects altered ciphertext instead of returning garbage', async () => {
    const { dataKey } = await createVault('pw', ANSWERS, FAST);
    const secret = await sealJson(dataKey, 'card');
    const altered = {
      ...secret,
      ciphertext: btoa(
        String.fromCharCode(...[...atob(secret.ciphertext)].map((char, index) => char.charCodeAt(0) ^ (index === 0 ? 1 : 0))),
      ),
    };
    await expect(openJson(dataKey, altered)).rejects.toThrow('cannot be decrypted');
  });
});
