import { inactivityRefusal, noteActivity } from '../../account/inactivity';
import type { PaymentAuthorisation } from '../../account/payment-auth';
import { startOfMonth } from '../../business-days';
import type { TransferInput } from '../../ledger/transfer';
import { ACCOUNTS, TOP_UP_SOURCE_ACCOUNTS } from '../accounts';
import { chargeableCard, isRefusal, moneyTables, readWallet, type WalletContext } from '../context';
import { fromLedgerFailure } from '../ledger-refusal';
import type { TopUpRecord } from '../records';
import { refuse, type WalletResult } from '../result';
import { quoteTopUp } from './top-up-quote';
import { readTopUpStanding, topUpWallet } from './top-up-standing';
import { TOP_UP_RULES } from './top-up-rules';
import { SETTLE_TOP_UP_JOB_PREFIX } from './pending-top-ups';
import type { TopUpMethod } from './top-up-method';

/** A top-up: charging a linked card is a payment and takes the payment password's authorisation; the other methods are transfers the shopper starts outside the wallet. */
export type TopUpRequest = {
  /** Made by the caller and reused on retry, so a retried top-up never adds money twice. */
  id: string;
  amountMinor: number;
} & (
  { method: 'card'; cardId?: string; authorisation: PaymentAuthorisation } | { method: Exclude<TopUpMethod, 'card'>; cardId?: undefined }
);

const principalId = (topUpId: string) => `${topUpId}:principal`;
const feeId = (topUpId: string) => `${topUpId}:fee`;
const settleId = (topUpId: string) => `${topUpId}:settle`;

/**
 * Adds money by one of the top-up methods, each with its own bounds, fee and settlement time.
 * Instant methods post at once; the others hold the money as a pending credit that counts
 * against the cap and is posted by the clock when it settles. The method's bounds, fee and the
 * cap are the quote's, the same one the wallet page shows first.
 */
export async function topUp(
  context: WalletContext,
  request: TopUpRequest,
): Promise<WalletResult<{ topUp: TopUpRecord; replayed: boolean }>> {
  const { db, ledger, clock } = context;
  return db.transaction('rw', moneyTables(db), async () => {
    const wallet = await readWallet(context);
    if (isRefusal(wallet)) return wallet;
    const { currency } = wallet;
    const existing = await db.topUps.get(request.id);
    if (existing) {
      const same = existing.method === request.method && existing.amountMinor === request.amountMinor && existing.cardId === request.cardId;
      return same
        ? { ok: true as const, topUp: existing, replayed: true }
        : refuse('INVALID_REQUEST', 'exists_with_different_fields', 'This top-up id was used with other details.');
    }

    const now = clock.now();
    const inactive = inactivityRefusal(wallet, now);
    if (inactive) return inactive;
    const quote = quoteTopUp(
      request.method,
      request.amountMinor,
      topUpWallet(wallet, await readTopUpStanding(db, startOfMonth(now)), now),
      now,
    );
    // The cap is the ledger's to refuse, so a top-up refused for it is remembered and its id can never succeed later.
    const { refusal } = quote;
    if (refusal && refusal.reason !== 'balance_cap') return refuse(refusal.code, refusal.reason, refusal.message);
    if (request.method === 'card' && !(await chargeableCard(db, request.cardId))) {
      return refuse('NOT_FOUND', 'card_not_found', 'Choose one of your linked cards, or add a card first.');
    }

    const fee = quote.feeMinor;
    const settlesAt = quote.settlesAt ?? now;
    const transfers: TransferInput[] = [
      {
        kind: quote.settlesAt === undefined ? 'single' : 'pending',
        id: principalId(request.id),
        debitAccountId: TOP_UP_SOURCE_ACCOUNTS[request.method],
        creditAccountId: ACCOUNTS.shopper,
        amountMinor: request.amountMinor,
        currency,
        code: 'top_up',
      },
    ];
    // The provider's fee comes out of the shopper's e-wallet on top, linked to the principal.
    if (fee > 0)
      transfers.push({
        kind: 'single',
        id: feeId(request.id),
        debitAccountId: TOP_UP_SOURCE_ACCOUNTS[request.method],
        creditAccountId: ACCOUNTS.fees,
        amountMinor: fee,
        currency,
        code: 'fee',
      });
    const submitted = await ledger.submit(transfers);
    if (!submitted.ok) return fromLedgerFailure(submitted.failure, 'This top-up');

    const record: TopUpRecord = {
      id: request.id,
      method: request.method,
      amountMinor: request.amountMinor,
      feeMinor: fee,
      currency,
      createdAt: now,
      settlesAt,
      ...(request.cardId ? { cardId: request.cardId } : {}),
    };
    await db.topUps.add(record);
    await noteActivity(db, now, wallet);
    if (quote.settlesAt !== undefined)
      await db.jobs.add({ id: `${SETTLE_TOP_UP_JOB_PREFIX}${request.id}`, kind: 'settle_top_up', ref: request.id, dueAt: settlesAt });
    return { ok: true as const, topUp: record, replayed: false };
  });
}

/** Posts a settling top-up's pending credit: the money becomes spendable. Run by the job sweeper. */
export async function settleTopUp(context: WalletContext, topUpId: string): Promise<WalletResult<object>> {
  const submitted = await context.ledger.submit([{ kind: 'post_pending', id: settleId(topUpId), pendingId: principalId(topUpId) }]);
  return submitted.ok ? { ok: true as const } : fromLedgerFailure(submitted.failure, 'Settling this top-up');
}

/** Whether a top-up's money has arrived: a fact of the ledger. */
export async function topUpSettled(context: WalletContext, record: TopUpRecord): Promise<boolean> {
  if (!TOP_UP_RULES[record.method].settlesAt) return true;
  return (await context.db.transfers.get(settleId(record.id))) !== undefined;
}
