import * as z from 'zod/mini';
import { lockoutState } from '../vault/lockout';
import { paymentPasswordRecord } from '../vault/payment-password';
import { sealed } from '../vault/records';
import { codeChallenge, contactChannel } from './contact-codes';

/** Auto-lock choices the settings offer; 15 minutes unless the shopper picks another. */
export const AUTO_LOCK_MINUTES = [1, 5, 15, 30, 60, 240] as const;
export const DEFAULT_AUTO_LOCK_MINUTES = 15;
export const autoLockMinutes = z.union(AUTO_LOCK_MINUTES.map((minutes) => z.literal(minutes)));

/** Who may act: the payment password's hash, its lockout, the recovery lockout and the auto-lock setting. */
export const securityRecord = z.strictObject({
  id: z.literal('security'),
  paymentPassword: paymentPasswordRecord,
  paymentLockout: lockoutState,
  recoveryLockout: lockoutState,
  autoLockMinutes,
  /** The code sent to the phone to reactivate an inactive wallet, while one waits. */
  reactivation: z.optional(codeChallenge),
});
export type SecurityRecord = z.infer<typeof securityRecord>;

/** The profile, sealed whole under the vault key: it holds the identity document number, birth date and address. */
export const profileRow = z.strictObject({ id: z.literal('profile'), sealed });
export type ProfileRow = z.infer<typeof profileRow>;

/**
 * One contact channel's confirmation. The address itself stays in the sealed profile; this keeps
 * a masked form for the inbox, and a new phone number (sealed) until its code is typed.
 */
export const contactRecord = z.strictObject({
  id: contactChannel,
  masked: z.string(),
  confirmedAt: z.optional(z.int()),
  challenge: z.optional(codeChallenge),
  pendingChange: z.optional(z.strictObject({ masked: z.string(), sealedValue: sealed })),
});
export type ContactRecord = z.infer<typeof contactRecord>;

/** What a real SMS or email would have carried: a code to type, or a notice of a change to the account. */
const codeMessage = z.strictObject({
  id: z.string(),
  channel: contactChannel,
  to: z.string(),
  code: z.string(),
  sentAt: z.int(),
  expiresAt: z.int(),
});
export const NOTICE_KINDS = ['payment_password_changed'] as const;
const noticeMessage = z.strictObject({
  id: z.string(),
  channel: contactChannel,
  to: z.string(),
  notice: z.enum(NOTICE_KINDS),
  sentAt: z.int(),
});
/** A message in the simulated inbox. */
export const inboxMessage = z.union([codeMessage, noticeMessage]);
export type InboxMessage = z.infer<typeof inboxMessage>;
export type CodeMessage = z.infer<typeof codeMessage>;
export type NoticeMessage = z.infer<typeof noticeMessage>;
export const isCodeMessage = (message: InboxMessage): message is CodeMessage => 'code' in message;

/** The changes to who may act that the shopper should be able to look back on. */
export const SECURITY_EVENT_KINDS = [
  'login_password_changed',
  'login_password_recovered',
  'payment_password_changed',
  'payment_password_reset',
  'phone_changed',
  'email_changed',
  'address_changed',
  'wallet_reactivated',
] as const;
export const securityEventKind = z.enum(SECURITY_EVENT_KINDS);
export type SecurityEventKind = z.infer<typeof securityEventKind>;

/** One entry of the wallet's history of security events. */
export const securityEvent = z.strictObject({ id: z.string(), kind: securityEventKind, at: z.int() });
export type SecurityEvent = z.infer<typeof securityEvent>;
