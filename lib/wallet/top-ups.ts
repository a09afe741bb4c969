import { startOfMonth } from '../business-days';
import type { TransferInput } from '../ledger/transfer';
import { ACCOUNTS } from './accounts';
import { chargeableCard, describeAmount, isRefusal, moneyTables, readWallet, type WalletContext } from './context';
import { fromLedgerFailure } from './ledger-refusal';
import { policyAmountMinor } from './limits';
import type { TopUpRecord } from './records';
import { refuse, type WalletResult } from './result';
import { TOP_UP_RULES, feeMinor, type TopUpMethod } from './top-up-rules';

export interface TopUpRequest {
  /** Made by the caller and reused on retry, so a retried top-up never adds money twice. */
  id: string;
  method: TopUpMethod;
  amountMinor: number;
  cardId?: string;
}

const principalId = (topUpId: string) => `${topUpId}:principal`;
const feeId = (topUpId: string) => `${topUpId}:fee`;
const settleId = (topUpId: string) => `${topUpId}:settle`;

/**
 * Adds money by one of the top-up methods, each with its own bounds, fee and settlement time.
 * Instant methods post at once; the others hold the money as a pending credit that counts
 * against the cap and is posted by the clock when it settles.
 */
export async function topUp(
  context: WalletContext,
  request: TopUpRequest,
): Promise<WalletResult<{ topUp: TopUpRecord; replayed: boolean }>> {
  const { db, ledger, clock } = context;
  const rule = TOP_UP_RULES[request.method];
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

    const minMinor = policyAmountMinor(rule.minUsdMinor, currency);
    if (request.amountMinor < minMinor) {
      return refuse('INVALID_REQUEST', 'below_method_minimum', `This method takes at least ${describeAmount(minMinor, currency)}.`);
    }
    if (rule.maxUsdMinor !== undefined && request.amountMinor > policyAmountMinor(rule.maxUsdMinor, currency)) {
      return refuse(
        'INVALID_REQUEST',
        'above_method_maximum',
        `This method takes at most ${describeAmount(policyAmountMinor(rule.maxUsdMinor, currency), currency)} at a time.`,
      );
    }
    if (request.method === 'card' && !(await chargeableCard(db, request.cardId))) {
      return refuse('NOT_FOUND', 'card_not_found', 'Choose one of your linked cards, or add a card first.');
    }
    const now = clock.now();
    if (rule.monthlyMaxUsdMinor !== undefined) {
      const monthly = policyAmountMinor(rule.monthlyMaxUsdMinor, currency);
      const thisMonth = await db.topUps
        .where('[method+createdAt]')
        .between([request.method, startOfMonth(now)], [request.method, now], true, true)
        .toArray();
      const usedMinor = thisMonth.reduce((sum, earlier) => sum + earlier.amountMinor, 0);
      if (usedMinor + request.amountMinor > monthly) {
        return refuse(
          'LIMIT_EXCEEDED',
          'monthly_method_limit',
          `This method takes at most ${describeAmount(monthly, currency)} a month; ${describeAmount(Math.max(0, monthly - usedMinor), currency)} is left this month.`,
        );
      }
    }

    const fee = feeMinor(request.amountMinor, rule.feePerMille);
    const settlesAt = rule.settlesAt?.(now) ?? now;
    const transfers: TransferInput[] = [
      {
        kind: rule.settlesAt ? 'pending' : 'single',
        id: principalId(request.id),
        debitAccountId: rule.sourceAccountId,
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
        debitAccountId: rule.sourceAccountId,
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
    if (rule.settlesAt) await db.jobs.add({ id: `settle_top_up:${request.id}`, kind: 'settle_top_up', ref: request.id, dueAt: settlesAt });
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
