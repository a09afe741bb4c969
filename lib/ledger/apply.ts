import type { Account } from './account';
import { overdrawnMinor } from './balances';
import { fail, type LedgerFailure } from './failures';
import type { Transfer, TransferInput } from './transfer';

/** What applying a transfer needs to look up; the ledger answers from its working copy. */
export interface ApplyContext {
  account(id: string): Account | undefined;
  transfer(id: string): Transfer | undefined;
  /** The post or void that already resolved this pending transfer, if any. */
  resolutionOf(pendingId: string): Transfer | undefined;
}

export type Applied = { transfer: Transfer; debit: Account; credit: Account };

const MAX = Number.MAX_SAFE_INTEGER;

/** The balance an account holds once pending credits settle: what the wallet's cap limits. */
export const cappedBalanceMinor = (account: Account) => account.creditsPosted + account.creditsPending - account.debitsPosted;

function checkBalances(debit: Account, credit: Account): LedgerFailure | undefined {
  for (const account of [debit, credit]) {
    const fields = [account.debitsPending, account.debitsPosted, account.creditsPending, account.creditsPosted];
    if (fields.some((value) => value > MAX))
      return fail('overflow', `Account ${account.id} would exceed the largest amount the ledger holds`);
  }
  const shortMinor = overdrawnMinor(debit);
  if (shortMinor > 0) return fail('insufficient_funds', `Account ${debit.id} is short by ${shortMinor} minor units`);
  if (credit.balanceLimitMinor !== undefined && cappedBalanceMinor(credit) > credit.balanceLimitMinor) {
    return fail('exceeds_limit', `Account ${credit.id} may hold at most ${credit.balanceLimitMinor} minor units`);
  }
  return undefined;
}

function movement(
  input: Extract<TransferInput, { kind: 'single' | 'pending' }>,
  context: ApplyContext,
  timestamp: number,
): Applied | LedgerFailure {
  if (input.debitAccountId === input.creditAccountId) return fail('accounts_must_be_different', 'A transfer needs two different accounts');
  const debitBefore = context.account(input.debitAccountId);
  if (!debitBefore) return fail('debit_account_not_found', `No account ${input.debitAccountId}`);
  const creditBefore = context.account(input.creditAccountId);
  if (!creditBefore) return fail('credit_account_not_found', `No account ${input.creditAccountId}`);
  if (debitBefore.currency !== input.currency || creditBefore.currency !== input.currency) {
    return fail('currency_mismatch', `Both accounts must hold ${input.currency}`);
  }
  const amount = input.amountMinor;
  const debit =
    input.kind === 'pending'
      ? { ...debitBefore, debitsPending: debitBefore.debitsPending + amount }
      : { ...debitBefore, debitsPosted: debitBefore.debitsPosted + amount };
  const credit =
    input.kind === 'pending'
      ? { ...creditBefore, creditsPending: creditBefore.creditsPending + amount }
      : { ...creditBefore, creditsPosted: creditBefore.creditsPosted + amount };
  const failure = checkBalances(debit, credit);
  if (failure) return failure;
  return { transfer: { ...input, timestamp }, debit, credit };
}

function resolution(
  input: Extract<TransferInput, { kind: 'post_pending' | 'void_pending' }>,
  context: ApplyContext,
  timestamp: number,
): Applied | LedgerFailure {
  const pending = context.transfer(input.pendingId);
  if (!pending) return fail('pending_transfer_not_found', `No pending transfer ${input.pendingId}`);
  if (pending.kind !== 'pending') return fail('pending_transfer_not_pending', `Transfer ${input.pendingId} is not pending`);
  const earlier = context.resolutionOf(pending.id);
  if (earlier) {
    return earlier.kind === 'post_pending'
      ? fail('pending_already_posted', `Transfer ${pending.id} was already posted`)
      : fail('pending_already_voided', `Transfer ${pending.id} was already voided`);
  }
  const posting = input.kind === 'post_pending';
  const amount = posting ? (input.amountMinor ?? pending.amountMinor) : pending.amountMinor;
  if (amount > pending.amountMinor)
    return fail('exceeds_pending_amount', `Transfer ${pending.id} holds only ${pending.amountMinor} minor units`);
  const debitBefore = context.account(pending.debitAccountId);
  const creditBefore = context.account(pending.creditAccountId);
  if (!debitBefore) return fail('debit_account_not_found', `No account ${pending.debitAccountId}`);
  if (!creditBefore) return fail('credit_account_not_found', `No account ${pending.creditAccountId}`);
  const debit = {
    ...debitBefore,
    debitsPending: debitBefore.debitsPending - pending.amountMinor,
    debitsPosted: debitBefore.debitsPosted + (posting ? amount : 0),
  };
  const credit = {
    ...creditBefore,
    creditsPending: creditBefore.creditsPending - pending.amountMinor,
    creditsPosted: creditBefore.creditsPosted + (posting ? amount : 0),
  };
  const failure = checkBalances(debit, credit);
  if (failure) return failure;
  const transfer: Transfer = {
    id: input.id,
    kind: input.kind,
    pendingId: pending.id,
    debitAccountId: pending.debitAccountId,
    creditAccountId: pending.creditAccountId,
    amountMinor: amount,
    currency: pending.currency,
    code: pending.code,
    orderId: pending.orderId,
    paymentId: pending.paymentId,
    timestamp,
  };
  return { transfer: dropUndefined(transfer), debit, credit };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/**
 * Applies one transfer to the accounts it touches, TigerBeetle's way: single transfers move
 * posted balances, pending ones hold, post moves the posted amount and releases the hold, void
 * releases it. Pure: returns the new account states, or why the transfer is refused.
 */
export function applyTransfer(input: TransferInput, context: ApplyContext, timestamp: number): Applied | LedgerFailure {
  return input.kind === 'single' || input.kind === 'pending' ? movement(input, context, timestamp) : resolution(input, context, timestamp);
}

/** True when a stored transfer is what this input would have created (the idempotent replay). */
export function sameTransfer(stored: Transfer, input: TransferInput): boolean {
  return Object.entries(input).every(([key, value]) => value === undefined || stored[key as keyof Transfer] === value);
}
