import * as z from 'zod/mini';
import { amountMinor } from '../money-schema';
import { clockAnchor } from '../clock';
import { transfer } from '../ledger/transfer';
import { historyQuery } from '../wallet/history/history-query';
import { cardLabel, cardRecord, cardSecret, claimRecord, orderRecord, paymentMethod, savedCardsView, topUpRecord } from '../wallet/records';
import { contactChannel } from '../account/contact-codes';
import { enteredPostalAddress, loginPassword, postalAddress, profileRecord, securityAnswers } from '../account/profile-fields';
import { autoLockMinutes, contactRecord } from '../account/records';
import { identitySubmission } from '../identity/requirements';
import { verificationRecord } from '../identity/review';
import { topUpMethod } from '../wallet/top-ups/top-up-method';
import { walletRecord } from '../wallet/wallet-record';
import { securityView, walletState } from './wallet-state';
import { walletBalance } from '../wallet/balance-schema';
import { fillCvc, fillRequest } from './card-fill';
import { buyerAction, offer, orderStatus, shippingKind } from './checkout';
import { framePoint, inlineToken } from '../inline/click-check';
import { inlinePurpose, inlineResults } from '../inline/messages';
import { approvalId, checkoutResults } from './checkout-results';
import { importCounts } from '../backup/counts';
import { MAX_BACKUP_BYTES, tableCounts } from '../backup/format';
import { letterAbout, letterContent, openedLetter } from '../letters/records';

/**
 * Messages between the extension's own parts (content script, popup, confirm window) and the
 * background, namespaced by concern. The background parses every one before use.
 */
const recordId = z.string().check(z.minLength(1), z.maxLength(100));
const secretText = z.string().check(z.maxLength(1000));
const cardText = z.string().check(z.maxLength(100));
/** A card as typed; the background checks it (Luhn, brand, expiry, CVV) and never stores the CVV. */
const newCardDetails = z.strictObject({ number: cardText, expiry: cardText, holderName: cardText, cvv: cardText });
export type NewCardDetails = z.infer<typeof newCardDetails>;

export const runtimeRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('wallet.balance') }),
  /** From a content script: what the wallet's frame it is about to mount on the page stands for. */
  z.strictObject({ type: z.literal('inline.present'), token: inlineToken, purpose: inlinePurpose }),
  /** From the wallet's frame on a store page: what to show. */
  z.strictObject({ type: z.literal('inline.view'), token: inlineToken }),
  /** From the wallet's frame on a store page: the shopper clicked it here; the content script judges the click. */
  z.strictObject({ type: z.literal('inline.press'), token: inlineToken, point: framePoint }),
  /**
   * From a content script: the page asked for a buyer's action on an order right after the shopper
   * clicked or typed on it; the shopper confirms it in the confirm window.
   */
  z.strictObject({ type: z.literal('approval.openOrder'), requestId: z.string(), action: buyerAction }),
  /** From the confirm window: what it is asked to approve. */
  z.strictObject({ type: z.literal('approval.get'), approvalId }),
  /** From the confirm window: fill with this card; the CVC is typed there and only passed on to the page's field. */
  z.strictObject({
    type: z.literal('approval.fill'),
    approvalId,
    cardId: recordId,
    cvc: fillCvc,
    paymentPassword: secretText,
  }),
  /** From the confirm window: the shopper confirmed the buyer's action; confirming receipt pays the merchant, so it needs the payment password. */
  z.strictObject({ type: z.literal('approval.actOnOrder'), approvalId, paymentPassword: z.optional(secretText) }),
  z.strictObject({ type: z.literal('approval.reject'), approvalId }),
  /** From the confirm window: the shopper approved paying this approval's offer. */
  z.strictObject({
    type: z.literal('approval.pay'),
    approvalId,
    method: paymentMethod,
    paymentPassword: secretText,
    cardId: z.optional(recordId),
    /** A card typed in the confirm window for this purchase; kept unsaved until the shopper saves it. */
    newCard: z.optional(newCardDetails),
  }),
  z.strictObject({ type: z.literal('wallet.state') }),
  /** The sign-up form, checked whole by the sign-up schema (its age rule needs the wallet's clock) before anything is saved. */
  z.strictObject({ type: z.literal('account.signUp'), form: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('account.unlock'), loginPassword: secretText }),
  z.strictObject({ type: z.literal('account.lock') }),
  z.strictObject({ type: z.literal('account.recover'), answers: securityAnswers, newPassword: loginPassword }),
  z.strictObject({ type: z.literal('account.profile') }),
  /** Reactivating an inactive wallet: the login password sends a code to the phone, and the code ends the inactivity. */
  z.strictObject({ type: z.literal('account.reactivate'), loginPassword: secretText }),
  z.strictObject({ type: z.literal('account.confirmReactivation'), code: z.string().check(z.maxLength(20)) }),
  z.strictObject({ type: z.literal('contacts.resend'), channel: contactChannel }),
  z.strictObject({ type: z.literal('contacts.confirm'), channel: contactChannel, code: z.string().check(z.maxLength(20)) }),
  /** Security changes: each carries the current payment password. */
  z.strictObject({ type: z.literal('settings.loginPassword'), paymentPassword: secretText, newPassword: loginPassword }),
  z.strictObject({ type: z.literal('settings.paymentPassword'), paymentPassword: secretText, newPaymentPassword: secretText }),
  /** "Forgot payment password": the login password and the security answers stand in for the current one. */
  z.strictObject({
    type: z.literal('settings.resetPaymentPassword'),
    loginPassword: secretText,
    answers: securityAnswers,
    newPaymentPassword: secretText,
  }),
  z.strictObject({ type: z.literal('settings.phone'), paymentPassword: secretText, phone: z.string().check(z.maxLength(40)) }),
  z.strictObject({ type: z.literal('settings.email'), paymentPassword: secretText, email: z.string().check(z.maxLength(254)) }),
  /** Checked whole by the address rules in the wallet, which say which line is missing. */
  z.strictObject({
    type: z.literal('settings.address'),
    paymentPassword: secretText,
    address: z.record(z.string(), z.string().check(z.maxLength(300))),
  }),
  z.strictObject({
    type: z.literal('settings.preferences'),
    autoLockMinutes: z.optional(autoLockMinutes),
    refundsToWallet: z.optional(z.boolean()),
  }),
  /** Without a billing address, the profile's address is the card's. */
  z.strictObject({
    type: z.literal('cards.add'),
    card: newCardDetails,
    billingAddress: z.optional(enteredPostalAddress),
    paymentPassword: secretText,
  }),
  /** The saved cards' labels, for the confirm window, which keeps Dexie out of its bundle. */
  z.strictObject({ type: z.literal('cards.list') }),
  z.strictObject({ type: z.literal('cards.save'), cardId: recordId, paymentPassword: secretText }),
  z.strictObject({ type: z.literal('cards.setDefault'), cardId: recordId }),
  z.strictObject({ type: z.literal('cards.remove'), cardId: recordId, paymentPassword: secretText }),
  z.strictObject({ type: z.literal('cards.reveal'), cardId: recordId, paymentPassword: secretText }),
  /** The card check for a card saved before the wallet checked cards: it charges the card, so it carries the payment password. */
  z.strictObject({ type: z.literal('cards.check'), cardId: recordId, paymentPassword: secretText }),
  z.strictObject({ type: z.literal('identity.submit'), submission: identitySubmission }),
  /** A card top-up charges a linked card, so it carries the payment password; the other methods are transfers started outside the wallet. */
  z.strictObject({
    type: z.literal('topUps.create'),
    id: recordId,
    method: topUpMethod,
    amountMinor,
    cardId: z.optional(recordId),
    paymentPassword: z.optional(secretText),
  }),
  /** The buyer's actions on an order, from the wallet's own pages. */
  z.strictObject({ type: z.literal('orders.cancel'), origin: z.string(), orderId: z.string() }),
  /** Confirming receipt releases the held money to the merchant, so like a payment it needs the payment password. */
  z.strictObject({ type: z.literal('orders.confirmReceipt'), origin: z.string(), orderId: z.string(), paymentPassword: secretText }),
  z.strictObject({
    type: z.literal('orders.dispute'),
    origin: z.string(),
    orderId: z.string(),
    reason: z.string().check(z.minLength(1), z.maxLength(1000)),
  }),
  z.strictObject({
    type: z.literal('claims.open'),
    claimId: recordId,
    transferId: z.string(),
    reason: z.string().check(z.minLength(1), z.maxLength(1000)),
  }),
  z.strictObject({ type: z.literal('history.page'), query: historyQuery }),
  /** A support letter the wallet page composed for the shopper's own mail program; the background seals and keeps it. */
  z.strictObject({ type: z.literal('letters.write'), id: recordId, about: letterAbout, letter: letterContent }),
  /** A letter written before, opened to be sent, copied or saved again. */
  z.strictObject({ type: z.literal('letters.open'), id: recordId }),
  /** The merchant's actions, relayed by the content script; the origin is always the sender's, as the browser reports it. */
  z.strictObject({ type: z.literal('merchant.status'), orderId: z.string() }),
  z.strictObject({ type: z.literal('merchant.ship'), orderId: z.string(), shipping: shippingKind }),
  z.strictObject({
    type: z.literal('merchant.refund'),
    orderId: z.string(),
    refundId: recordId,
    amountMinor: amountMinor.check(z.minimum(1)),
    reason: z.string().check(z.minLength(1), z.maxLength(500)),
  }),
  z.strictObject({ type: z.literal('merchant.releaseDispute'), orderId: z.string() }),
  /** From the popup, once it shows the unlocked wallet's lists: the refunds that have arrived are seen, and leave the toolbar's badge. */
  z.strictObject({ type: z.literal('badge.seen') }),
  /** Demo speed-up of simulated time (settlement, escrow release, reviews). */
  z.strictObject({ type: z.literal('clock.setSpeedup'), speedup: clockAnchor.shape.speedup }),
  /** The whole wallet as an encrypted file; messages are JSON, so the file travels as text, within MAX_BACKUP_BYTES. */
  z.strictObject({ type: z.literal('backup.export') }),
  /** A backup file's text; the login password is needed only when this browser has no wallet yet. */
  z.strictObject({
    type: z.literal('backup.import'),
    contents: z.string().check(z.maxLength(MAX_BACKUP_BYTES)),
    loginPassword: z.optional(secretText),
  }),
]);
export type RuntimeRequest = z.infer<typeof runtimeRequest>;
export type RuntimeRequestType = RuntimeRequest['type'];

export { walletState, type WalletState } from './wallet-state';

/** What the confirm window is asked to approve; the origin is the one the browser reported for the sender, never one the page claims. */
export const approvalView = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('payment'), approvalId, origin: z.string(), offer }),
  z.strictObject({
    kind: z.literal('order'),
    approvalId,
    origin: z.string(),
    action: buyerAction,
    order: orderRecord,
    status: orderStatus,
  }),
  z.extend(fillRequest, { kind: z.literal('fill'), approvalId, origin: z.string() }),
]);
export type ApprovalView = z.infer<typeof approvalView>;

/** What each request answers with when it succeeds. */
export const runtimeResults = {
  ...checkoutResults,
  ...inlineResults,
  'wallet.balance': walletBalance,
  'approval.get': approvalView,
  'approval.reject': z.strictObject({ rejected: z.literal(true) }),
  'approval.pay': z.strictObject({ order: orderRecord, replayed: z.boolean(), newCard: z.optional(cardRecord) }),
  'approval.actOnOrder': z.strictObject({ status: orderStatus }),
  'approval.fill': z.strictObject({ filled: z.literal(true) }),
  'wallet.state': walletState,
  'account.signUp': z.strictObject({ wallet: walletRecord }),
  'account.unlock': z.strictObject({ unlocked: z.literal(true) }),
  'account.lock': z.strictObject({ locked: z.literal(true) }),
  'account.recover': z.strictObject({ unlocked: z.literal(true) }),
  'account.reactivate': z.strictObject({ sentTo: z.string() }),
  'account.confirmReactivation': z.strictObject({ reactivated: z.literal(true) }),
  'account.profile': z.strictObject({ profile: profileRecord }),
  'contacts.resend': z.strictObject({ contact: contactRecord }),
  'contacts.confirm': z.strictObject({ contact: contactRecord }),
  'settings.loginPassword': z.strictObject({ changed: z.literal(true) }),
  'settings.paymentPassword': z.strictObject({ changed: z.literal(true) }),
  'settings.resetPaymentPassword': z.strictObject({ changed: z.literal(true), paymentLockedUntil: z.optional(z.int()) }),
  'settings.phone': z.strictObject({ contact: contactRecord }),
  'settings.email': z.strictObject({ contact: contactRecord }),
  'settings.address': z.strictObject({ address: postalAddress }),
  'settings.preferences': z.strictObject({ wallet: walletRecord, security: securityView }),
  'cards.add': z.strictObject({ card: cardRecord }),
  'cards.list': savedCardsView,
  'cards.save': z.strictObject({ card: cardRecord }),
  'cards.setDefault': z.strictObject({ card: cardRecord }),
  'cards.remove': z.strictObject({ card: cardRecord }),
  'cards.reveal': z.strictObject({ secret: cardSecret }),
  'cards.check': z.strictObject({ card: cardLabel }),
  'identity.submit': z.strictObject({ verification: verificationRecord }),
  'topUps.create': z.strictObject({ topUp: topUpRecord, replayed: z.boolean() }),
  'orders.cancel': z.strictObject({ order: orderRecord }),
  'orders.confirmReceipt': z.strictObject({ order: orderRecord }),
  'orders.dispute': z.strictObject({ order: orderRecord }),
  'claims.open': z.strictObject({ claim: claimRecord, replayed: z.boolean() }),
  'letters.write': z.strictObject({ letter: openedLetter, replayed: z.boolean() }),
  'letters.open': z.strictObject({ letter: openedLetter }),
  'history.page': z.strictObject({
    transfers: z.array(transfer),
    nextCursor: z.optional(z.strictObject({ timestamp: z.int(), id: z.string() })),
  }),
  'badge.seen': z.strictObject({ seen: z.literal(true) }),
  'clock.setSpeedup': clockAnchor,
  'backup.export': z.strictObject({ contents: z.string(), createdAt: z.int(), counts: tableCounts }),
  /** What the import did, table by table; `restored` when it made the wallet on a fresh install. */
  'backup.import': z.strictObject({ tables: importCounts, restored: z.boolean() }),
} satisfies Record<RuntimeRequestType, z.core.SomeType>;

export type RuntimeResult<Type extends RuntimeRequestType> = z.infer<(typeof runtimeResults)[Type]>;

export { runtimeResponse, type RuntimeResponse } from './runtime-response';
