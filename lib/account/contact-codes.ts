import * as z from 'zod/mini';

/** The simulated channel's rules, as a bank's one-time codes: six digits, ten minutes, five tries, a minute between sends. */
export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_CODE_TRIES = 5;
export const RESEND_COOLDOWN_MS = 60 * 1000;

export const contactChannel = z.enum(['email', 'phone']);
export type ContactChannel = z.infer<typeof contactChannel>;

export const codeChallenge = z.strictObject({
  code: z.string().check(z.regex(/^\d{6}$/)),
  sentAt: z.int(),
  expiresAt: z.int(),
  triesLeft: z.int().check(z.minimum(0)),
  resendAt: z.int(),
});
export type CodeChallenge = z.infer<typeof codeChallenge>;

/** Six uniformly random digits; rejection sampling keeps 000000..999999 equally likely. */
export function randomCode(): string {
  const limit = Math.floor(0x1_0000_0000 / 1_000_000) * 1_000_000;
  const word = new Uint32Array(1);
  do crypto.getRandomValues(word);
  while (word[0]! >= limit);
  return String(word[0]! % 1_000_000).padStart(6, '0');
}

export function issueChallenge(now: number, code = randomCode()): CodeChallenge {
  return { code, sentAt: now, expiresAt: now + CODE_TTL_MS, triesLeft: MAX_CODE_TRIES, resendAt: now + RESEND_COOLDOWN_MS };
}

export type CodeCheck =
  | { ok: true }
  | { ok: false; reason: 'no_code' | 'expired' | 'no_tries_left'; challenge?: CodeChallenge }
  | { ok: false; reason: 'wrong_code'; challenge: CodeChallenge };

/** Checks a typed code; a wrong one uses a try, and the code is dead once it expires or the tries run out. */
export function checkCode(challenge: CodeChallenge | undefined, typed: string, now: number): CodeCheck {
  if (!challenge) return { ok: false, reason: 'no_code' };
  if (now >= challenge.expiresAt) return { ok: false, reason: 'expired', challenge };
  if (challenge.triesLeft <= 0) return { ok: false, reason: 'no_tries_left', challenge };
  if (typed.trim() === challenge.code) return { ok: true };
  return { ok: false, reason: 'wrong_code', challenge: { ...challenge, triesLeft: challenge.triesLeft - 1 } };
}

/** When a new code may be sent, or `undefined` if it may be now. */
export const resendBlockedUntil = (challenge: CodeChallenge | undefined, now: number): number | undefined =>
  challenge && challenge.resendAt > now ? challenge.resendAt : undefined;

/**
 * What the simulated inbox shows as the recipient: enough to recognise, not the whole address,
 * because the inbox lives beside the encrypted profile in clear.
 */
export function maskContact(channel: ContactChannel, value: string): string {
  if (channel === 'phone') return `${value.slice(0, 3)}•••${value.slice(-3)}`;
  const [name = '', domain = ''] = value.split('@');
  return `${name.slice(0, 1)}•••@${domain}`;
}
