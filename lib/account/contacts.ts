import type { PaymentAuthorisation } from './payment-auth';
import type { WalletDatabase } from '../db';
import type { WalletContext } from '../wallet/context';
import { refuse, walletNotOpen, type WalletResult } from '../wallet/result';
import { openJson, sealJson } from '../vault/crypto';
import { checkCode, issueChallenge, maskContact, resendBlockedUntil, type CodeChallenge, type ContactChannel } from './contact-codes';
import { identity } from './profile-fields';
import type { PhonePlans } from './phone-plans';
import { phoneNumber } from './profile';
import { readProfile, writeProfile } from './profile-store';
import { recordSecurityEvent } from './security-events';
import type { CodeMessage, ContactRecord, InboxMessage } from './records';

/** The confirmations of the shopper's email and phone, each with its latest code's state. */
export const contactRecords = (db: WalletDatabase): Promise<ContactRecord[]> => db.contacts.toArray();

/** The simulated inbox's newest messages first, as far as the inbox panel shows. */
export const latestInbox = (db: WalletDatabase, shown: number): Promise<InboxMessage[]> =>
  db.inbox.orderBy('sentAt').reverse().limit(shown).toArray();

/** Puts a code in the simulated inbox and remembers it on the contact, replacing any earlier code. Runs inside the caller's transaction. */
export async function sendCode(db: WalletDatabase, channel: ContactChannel, to: string, challenge: CodeChallenge): Promise<void> {
  const contact = await db.contacts.get(channel);
  if (contact) await db.contacts.put({ ...contact, challenge });
  await deliverCode(db, channel, to, challenge);
}

/** Puts a code in the simulated inbox, for a code the caller keeps itself. Runs inside the caller's transaction. */
export async function deliverCode(db: WalletDatabase, channel: ContactChannel, to: string, challenge: CodeChallenge): Promise<void> {
  const message: CodeMessage = {
    id: crypto.randomUUID(),
    channel,
    to,
    code: challenge.code,
    sentAt: challenge.sentAt,
    expiresAt: challenge.expiresAt,
  };
  await db.inbox.add(message);
}

/** A new code only once the last one is a minute old, so nobody floods the phone. */
function cooldownRefusal(contact: ContactRecord, now: number) {
  const blockedUntil = resendBlockedUntil(contact.challenge, now);
  return blockedUntil === undefined
    ? undefined
    : refuse('LOCKED', 'resend_cooldown', `Wait until ${new Date(blockedUntil).toISOString()} before asking for another code.`, {
        lockedUntil: blockedUntil,
      });
}

/** Sends a fresh code to the address being confirmed (the new phone during a change), once the cooldown allows. */
export async function resendCode(context: WalletContext, channel: ContactChannel): Promise<WalletResult<{ contact: ContactRecord }>> {
  const { db, clock } = context;
  return db.transaction('rw', db.contacts, db.inbox, async () => {
    const contact = await db.contacts.get(channel);
    if (!contact) return walletNotOpen();
    if (contact.confirmedAt !== undefined && !contact.pendingChange)
      return refuse('ALREADY_DONE', 'already_confirmed', `Your ${channel === 'email' ? 'email' : 'phone'} is already confirmed.`);
    const now = clock.now();
    const cooling = cooldownRefusal(contact, now);
    if (cooling) return cooling;
    const challenge = issueChallenge(now);
    await sendCode(db, channel, contact.pendingChange?.masked ?? contact.masked, challenge);
    return { ok: true as const, contact: { ...contact, challenge } };
  });
}

const codeRefusals = {
  no_code: 'No code was sent: ask for a new one.',
  expired: 'This code has expired: ask for a new one.',
  no_tries_left: 'Five wrong codes: ask for a new one.',
} as const;

/**
 * Checks a typed code. For a change of email or phone the new address, sealed until now, replaces the old one
 * in the profile, so the vault key is needed; a first confirmation needs no key.
 */
export async function confirmCode(
  context: WalletContext,
  channel: ContactChannel,
  typed: string,
  dataKey: CryptoKey | undefined,
): Promise<WalletResult<{ contact: ContactRecord }>> {
  const { db, clock } = context;
  const before = await db.contacts.get(channel);
  if (!before) return walletNotOpen();
  if (before.pendingChange && !dataKey)
    return refuse('LOCKED', 'wallet_locked', 'Unlock the wallet to finish changing your contact details.');
  const check = checkCode(before.challenge, typed, clock.now());
  if (!check.ok) {
    if (check.reason === 'wrong_code') {
      await db.contacts.update(channel, { challenge: check.challenge });
      return refuse('WRONG_PASSWORD', 'wrong_code', `That code is wrong; ${check.challenge.triesLeft} tries left.`, {
        triesLeft: check.challenge.triesLeft,
      });
    }
    return refuse('INVALID_REQUEST', check.reason, codeRefusals[check.reason]);
  }

  let profileUpdate: Awaited<ReturnType<typeof sealJson>> | undefined;
  if (before.pendingChange && dataKey) {
    const value = (await openJson(dataKey, before.pendingChange.sealedValue)) as string;
    const profile = await readProfile(db, dataKey);
    profileUpdate = await sealJson(dataKey, { ...profile, [channel]: value });
  }
  return db.transaction('rw', db.contacts, db.profile, db.securityEvents, async () => {
    const contact = await db.contacts.get(channel);
    // Another window confirmed or resent meanwhile: this code is no longer the one on record.
    if (!contact || contact.challenge?.code !== before.challenge?.code) return refuse('INVALID_REQUEST', 'no_code', codeRefusals.no_code);
    const now = clock.now();
    const confirmed: ContactRecord = { id: channel, masked: contact.pendingChange?.masked ?? contact.masked, confirmedAt: now };
    if (profileUpdate) {
      await writeProfile(db, profileUpdate);
      await recordSecurityEvent(db, channel === 'phone' ? 'phone_changed' : 'email_changed', now);
    }
    await db.contacts.put(confirmed);
    return { ok: true as const, contact: confirmed };
  });
}

/** A new address as typed: an email, or a phone number with the numbering plans that read it. */
export type NewContact = { channel: 'email'; typed: string } | { channel: 'phone'; typed: string; plans: PhonePlans };

/**
 * Starts a change of email or phone: the new address is checked, sealed and waits for the code
 * sent to it; the old one stays until then, so a mistyped address locks nobody out.
 */
export async function changeContact(
  context: WalletContext,
  dataKey: CryptoKey,
  change: NewContact,
  _authorisation: PaymentAuthorisation,
): Promise<WalletResult<{ contact: ContactRecord }>> {
  const { channel } = change;
  const parsed = channel === 'phone' ? phoneNumber(change.plans).safeParse(change.typed) : identity.email.safeParse(change.typed);
  if (!parsed.success)
    return channel === 'phone'
      ? refuse('INVALID_REQUEST', 'phone_invalid', 'Type the mobile number in international format, with its country code.')
      : refuse('INVALID_REQUEST', 'email_invalid', 'Type the email address in full, like name@example.com.');
  const { db, clock } = context;
  const sealedValue = await sealJson(dataKey, parsed.data);
  const masked = maskContact(channel, parsed.data);
  return db.transaction('rw', db.contacts, db.inbox, async () => {
    const contact = await db.contacts.get(channel);
    if (!contact) return walletNotOpen();
    const now = clock.now();
    const cooling = cooldownRefusal(contact, now);
    if (cooling) return cooling;
    const challenge = issueChallenge(now);
    const updated: ContactRecord = { ...contact, challenge, pendingChange: { masked, sealedValue } };
    await db.contacts.put(updated);
    await sendCode(db, channel, masked, challenge);
    return { ok: true as const, contact: updated };
  });
}
