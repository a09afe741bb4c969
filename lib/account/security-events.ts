import type { WalletDatabase } from '../db';
import type { NoticeMessage, SecurityEvent, SecurityEventKind } from './records';

/** Records a change to who may act. Runs inside the caller's transaction, so the change and its record land together. */
export async function recordSecurityEvent(db: WalletDatabase, kind: SecurityEventKind, at: number): Promise<void> {
  await db.securityEvents.add({ id: crypto.randomUUID(), kind, at });
}

/** The latest security events first, as far as the profile page lists them. */
export const latestSecurityEvents = (db: WalletDatabase, shown: number): Promise<SecurityEvent[]> =>
  db.securityEvents.orderBy('at').reverse().limit(shown).toArray();

/**
 * Tells the shopper of a change they may not have made themselves, where a real wallet would send an
 * email: to the confirmed email, or the phone when there is no email on record. Runs inside the
 * caller's transaction.
 */
export async function sendNotice(db: WalletDatabase, notice: NoticeMessage['notice'], at: number): Promise<void> {
  const [email, phone] = await Promise.all([db.contacts.get('email'), db.contacts.get('phone')]);
  const to = email ?? phone;
  if (!to) return;
  const message: NoticeMessage = { id: crypto.randomUUID(), channel: to.id, to: to.masked, notice, sentAt: at };
  await db.inbox.add(message);
}
