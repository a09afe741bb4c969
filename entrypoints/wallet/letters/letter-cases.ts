import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { VerificationRecord } from '@/lib/identity/review';
import type { LetterFact, LetterWords } from '@/lib/letters/compose';
import type { LetterAbout } from '@/lib/letters/records';
import type { ClaimView } from '@/lib/wallet/claims/claim-view';
import { escrowStateOf, type OrderView } from '@/lib/wallet/orders/order-view';
import type { OrderRecord } from '@/lib/wallet/records';
import type { WalletRecord } from '@/lib/wallet/wallet-record';
import { claimStateText } from '../claims/claim-text';
import { escrowText, paymentText } from '../orders/order-text';
import { verificationText } from '../verification/verification-text';

/**
 * What the "Write to support" form starts from, in the UI language: the record the letter is
 * about, the facts the wallet shows of it, the letter's words for them, a subject, and where the
 * letter can go. The wallet has no desk of its own: a letter about an order starts with the
 * address the shop gave at checkout, if it gave one; otherwise the shopper chooses.
 */
export interface LetterCase {
  about: LetterAbout;
  facts: LetterFact[];
  words: LetterWords;
  subject: string;
  to: string;
  /** Whose address the field wants, and where the shopper can find it. */
  recipientNote: string;
}

const words = (factsIntro: string): LetterWords => ({ greeting: t('letterGreeting'), factsIntro, closing: t('letterClosing') });
const money = (order: OrderRecord, amountMinor: number) => formatAmount({ amountMinor, currency: order.currency });

/** The shop, its order number, the date and the total: how a shop finds an order. */
const purchaseFacts = (order: OrderRecord): LetterFact[] => [
  { label: t('letterFact_shop'), value: `${order.merchantName} (${order.origin})` },
  { label: t('confirmOrder'), value: order.orderId },
  { label: t('ordersPaidOn'), value: formatDateTime(order.paidAt) },
  { label: t('confirmTotal'), value: money(order, order.amountMinor) },
];

export function orderCase({ order, card, refundedMinor }: OrderView): LetterCase {
  const state = escrowStateOf(order);
  return {
    about: { kind: 'order', orderKey: order.id },
    facts: [
      ...purchaseFacts(order),
      { label: t('ordersPaidWith'), value: paymentText(order, card) },
      { label: t('letterFact_status'), value: escrowText(state) },
      ...(refundedMinor > 0 ? [{ label: t('letterFact_refunded'), value: money(order, refundedMinor) }] : []),
      ...(state.kind === 'disputed' ? [{ label: t('letterFact_disputeReason'), value: state.reason }] : []),
    ],
    words: words(t('letterFactsIntro_order')),
    subject: t('letterSubject_order', [order.orderId, order.merchantName]),
    to: order.supportEmail ?? '',
    recipientNote: order.supportEmail
      ? t('letterTo_orderKnown', [order.merchantName, order.origin])
      : t('letterTo_orderUnknown', [order.merchantName, order.origin]),
  };
}

export function claimCase(view: ClaimView): LetterCase {
  const { claim, order } = view;
  return {
    about: { kind: 'claim', claimId: claim.id },
    facts: [
      ...(order ? purchaseFacts(order) : []),
      { label: t('letterFact_claim'), value: claim.id },
      { label: t('letterFact_claimOpened'), value: formatDateTime(claim.openedAt) },
      { label: t('letterFact_status'), value: claimStateText(view) },
      { label: t('letterFact_claimReason'), value: claim.reason },
    ],
    words: words(t('letterFactsIntro_claim')),
    subject: order ? t('letterSubject_claim', [order.orderId, order.merchantName]) : t('letterSubject_claimUnknown'),
    to: '',
    recipientNote: t('letterTo_claim'),
  };
}

export function verificationCase(latest: VerificationRecord, wallet: WalletRecord): LetterCase {
  const { lead, reasons } = verificationText(latest, wallet);
  return {
    about: { kind: 'verification', verificationId: latest.id },
    facts: [
      { label: t('letterFact_document'), value: t(`identityDocument_${latest.documentType}`) },
      { label: t('letterFact_submitted'), value: formatDateTime(latest.submittedAt) },
      { label: t('letterFact_status'), value: [lead, ...reasons].join(' ') },
      { label: t('letterFact_reference'), value: latest.id },
    ],
    words: words(t('letterFactsIntro_verification')),
    subject: t('letterSubject_verification'),
    to: '',
    recipientNote: t('letterTo_verification'),
  };
}

/** A question about the wallet itself, from Help: its currency and whether the shopper is verified, never the balance. */
export function walletCase(wallet: WalletRecord): LetterCase {
  return {
    about: { kind: 'wallet' },
    facts: [
      { label: t('letterFact_currency'), value: wallet.currency },
      { label: t('letterFact_identity'), value: wallet.verified ? t('letterIdentity_verified') : t('letterIdentity_unverified') },
    ],
    words: words(t('letterFactsIntro_wallet')),
    subject: t('letterSubject_wallet'),
    to: '',
    recipientNote: t('letterTo_wallet'),
  };
}
