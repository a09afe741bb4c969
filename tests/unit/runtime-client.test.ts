import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockAnchor } from '@/lib/clock';
import { createRuntimeClient } from '@/lib/protocol/client';
import { NoAnswerError } from '@/lib/protocol/no-answer';
import { settlePlainAnswer } from '@/lib/protocol/plain-answer';
import { runtimeResults } from '@/lib/protocol/runtime';
import { WalletError } from '@/lib/protocol/wallet-error';
import { storedTimeAnchor } from '@/lib/simulated-time';

/** What a call ends in: its result, or the error it throws, as the screen would read it. */
async function outcome(work: () => Promise<unknown>) {
  try {
    return { result: await work() };
  } catch (error) {
    if (error instanceof WalletError) return { code: error.code, message: error.message, details: error.details };
    return { thrown: error instanceof NoAnswerError ? 'no answer' : String(error) };
  }
}

const clientFor = (answer: unknown) =>
  createRuntimeClient(async () => answer, { 'account.lock': runtimeResults['account.lock'] })({ type: 'account.lock' });

describe('Runtime client: the background’s answers, as every page reads them', () => {
  it('returns a parsed result, and refuses one that does not parse', async () => {
    expect(await outcome(() => clientFor({ ok: true, result: { locked: true } }))).toEqual({ result: { locked: true } });
    expect(await outcome(() => clientFor({ ok: true, result: { locked: 'yes' } }))).toMatchObject({ code: 'INVALID_REQUEST' });
  });

  it('throws no answer when the background is gone or silent', async () => {
    const gone = createRuntimeClient(
      async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
      { 'account.lock': runtimeResults['account.lock'] },
    );
    expect(await outcome(() => gone({ type: 'account.lock' }))).toEqual({ thrown: 'no answer' });
    expect(await outcome(() => clientFor(undefined))).toEqual({ thrown: 'no answer' });
  });

  // The popup reads unlock and lock answers without zod: it must end every answer as the client does.
  it.each([
    ['success', { ok: true, result: { locked: true } }],
    ['a wrong password', { ok: false, error: { code: 'WRONG_PASSWORD', message: 'Wrong', reason: 'wrong_login_password', triesLeft: 2 } }],
    ['a lock', { ok: false, error: { code: 'LOCKED', message: 'Locked', reason: 'login_locked', lockedUntil: 1_800_000_000_000 } }],
    ['a short balance', { ok: false, error: { code: 'INSUFFICIENT_FUNDS', message: 'Short', shortMinor: 500 } }],
    ['no answer', undefined],
    ['garbage', { ok: 'maybe' }],
    ['an error without a message', { ok: false, error: { code: 'LOCKED' } }],
  ])('the popup’s plain reading agrees with the client on %s', async (_, answer) => {
    const plain = await outcome(async () => settlePlainAnswer(answer));
    const client = await outcome(() => clientFor(answer));
    if ('result' in client) expect(plain).toEqual({ result: undefined });
    else if ('code' in client) expect(plain).toMatchObject({ code: client.code, details: client.details });
    else expect(plain).toEqual(client);
  });
});

describe('Simulated time: the popup’s check of the stored anchor', () => {
  it('accepts exactly what the clock’s schema accepts', () => {
    const number = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.constant(0.5), fc.constant(100_001));
    const anchor = fc.oneof(
      fc.record({ realMs: number, simulatedMs: number, speedup: number }),
      fc.record({ realMs: fc.integer(), simulatedMs: fc.integer(), speedup: fc.double({ min: 1, max: 100_000, noNaN: true }) }),
      fc.record({ realMs: fc.integer(), simulatedMs: fc.integer(), speedup: fc.constant(2), extra: fc.anything() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(anchor, (value) => {
        expect(storedTimeAnchor(value) !== undefined).toBe(clockAnchor.safeParse(value).success);
      }),
    );
  });
});
