import type { WalletDatabase } from '../db';
import type { WalletContext } from '../wallet/context';
import { markVerified } from '../wallet/create-wallet';
import { refuse, walletNotOpen, type WalletResult } from '../wallet/result';
import { fromBase64 } from '../vault/bytes';
import { seal } from '../vault/crypto';
import type { DocumentRow } from './records';
import { checkSubmission, type IdentitySubmission } from './requirements';
import { REVIEW_MS, reviewDecision, type VerificationRecord } from './review';

const problemMessages = {
  too_many_files: 'Send at most 5 files.',
  empty_file: 'One of the files is empty: choose it again.',
  too_large: 'Each file can be at most 5 MB: send a smaller photo or scan.',
  unrecognised_type: 'Only JPEG, PNG or PDF files can be read: this file is none of them, whatever its name says.',
  wrong_side_for_document: 'This side does not belong to the document type you picked.',
  missing_side: 'A side of the document is missing: a passport needs the photo page and the cover, a driving licence both sides.',
} as const;

/** The latest submission and whether the wallet is verified: what the verification section shows. */
export async function verificationStanding(db: WalletDatabase) {
  const [latest, wallet] = await Promise.all([db.verification.orderBy('submittedAt').last(), db.wallet.get('wallet')]);
  return { latest, wallet };
}

/**
 * Takes a submission for review: every file is recognised by its content and its bytes are sealed
 * under the vault key before anything is written; the record, the sealed files and the review job
 * are written together. Files of an earlier, rejected submission are erased: they are no longer needed.
 */
export async function submitVerification(
  context: WalletContext,
  dataKey: CryptoKey,
  submission: IdentitySubmission,
): Promise<WalletResult<{ verification: VerificationRecord }>> {
  const { db, clock } = context;
  const uploads = submission.files.map((file) => ({ side: file.side, name: file.name, bytes: fromBase64(file.bytes) }));
  const checked = checkSubmission(submission.documentType, uploads);
  if (!checked.ok) {
    const [first] = checked.problems;
    return refuse('INVALID_REQUEST', first!.reason, problemMessages[first!.reason]);
  }
  const id = crypto.randomUUID();
  const documents: DocumentRow[] = await Promise.all(
    uploads.map(async (upload) => ({
      id: crypto.randomUUID(),
      verificationId: id,
      side: upload.side,
      sealedBytes: await seal(dataKey, upload.bytes),
    })),
  );
  const now = clock.now();
  const verification: VerificationRecord = {
    id,
    documentType: submission.documentType,
    state: 'in_review',
    submittedAt: now,
    reviewDueAt: now + REVIEW_MS,
    files: checked.files.map(({ side, kind, size, width, height }) => ({
      side,
      kind,
      size,
      ...(width !== undefined ? { width } : {}),
      ...(height !== undefined ? { height } : {}),
    })),
  };
  return db.transaction('rw', [db.verification, db.documents, db.jobs, db.wallet], async () => {
    const wallet = await db.wallet.get('wallet');
    if (!wallet) return walletNotOpen();
    if (wallet.verified) return refuse('ALREADY_DONE', 'already_verified', 'Your identity is already verified.');
    const latest = await db.verification.orderBy('submittedAt').last();
    if (latest?.state === 'in_review')
      return refuse('ALREADY_DONE', 'review_in_progress', 'Your documents are being reviewed: wait for the answer.');
    if (latest) await db.documents.where('verificationId').equals(latest.id).delete();
    await db.verification.add(verification);
    await db.documents.bulkAdd(documents);
    await db.jobs.put({ id: `review_identity:${id}`, kind: 'review_identity', ref: id, dueAt: verification.reviewDueAt });
    return { ok: true as const, verification };
  });
}

/** The simulated review, run by the jobs sweep when it falls due: approval raises the limits. */
export async function reviewIdentity(
  context: WalletContext,
  verificationId: string,
): Promise<WalletResult<{ verification: VerificationRecord }>> {
  const { db, clock } = context;
  return db.transaction('rw', [db.verification, db.wallet, db.accounts], async () => {
    const verification = await db.verification.get(verificationId);
    if (!verification) return refuse('NOT_FOUND', 'verification_not_found', 'This submission does not exist.');
    if (verification.state !== 'in_review') return { ok: true as const, verification };
    const decision = reviewDecision(verification.files);
    const common = { ...verification, decidedAt: clock.now() };
    const decided: VerificationRecord = decision.approved
      ? { ...common, state: 'approved' }
      : { ...common, state: 'rejected', reasons: decision.reasons };
    await db.verification.put(decided);
    if (decision.approved) {
      const raised = await markVerified(context);
      if (!raised.ok) return raised;
    }
    return { ok: true as const, verification: decided };
  });
}
