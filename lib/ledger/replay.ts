import type { Account } from './account';
import { applyTransfer } from './apply';
import type { Transfer, TransferInput } from './transfer';
import { sameContent } from '../canonical-json';

type Balances = Pick<Account, 'debitsPending' | 'debitsPosted' | 'creditsPending' | 'creditsPosted'>;

/** What the ledger was asked when it wrote this transfer: post and void name only their pending transfer. */
function inputOf(stored: Transfer): TransferInput {
  if (stored.kind === 'post_pending')
    return { kind: 'post_pending', id: stored.id, pendingId: stored.pendingId ?? '', amountMinor: stored.amountMinor };
  if (stored.kind === 'void_pending') return { kind: 'void_pending', id: stored.id, pendingId: stored.pendingId ?? '' };
  const { timestamp: _timestamp, pendingId: _pendingId, ...movement } = stored;
  return { ...movement, kind: stored.kind };
}

/**
 * Replays every transfer, oldest first, through the ledger's own rules, from accounts at zero:
 * each must apply (no shopper account below zero at any point, a pending transfer posted or
 * voided at most once and never for more than it held, both accounts in its currency) and must
 * come out exactly as stored. The balance cap is left out: it limits new money coming in, it is
 * not what makes a history consistent. Answers each account's balances, or why the history fails.
 */
export function replayLedger(
  accounts: readonly Account[],
  transfers: readonly Transfer[],
): { ok: true; balances: Map<string, Balances> } | { ok: false; problem: string } {
  const working = new Map<string, Account>();
  for (const { balanceLimitMinor: _cap, ...account } of accounts)
    working.set(account.id, { ...account, debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 });
  const applied = new Map<string, Transfer>();
  const resolutions = new Map<string, Transfer>();
  const ordered = [...transfers].sort((left, right) => left.timestamp - right.timestamp || (left.id < right.id ? -1 : 1));
  for (const stored of ordered) {
    const result = applyTransfer(
      inputOf(stored),
      { account: (id) => working.get(id), transfer: (id) => applied.get(id), resolutionOf: (id) => resolutions.get(id) },
      stored.timestamp,
    );
    if ('code' in result) return { ok: false, problem: `transfer ${stored.id}: ${result.message}` };
    if (!sameContent(result.transfer, stored))
      return { ok: false, problem: `transfer ${stored.id} does not match the transfer it resolves` };
    working.set(result.debit.id, result.debit);
    working.set(result.credit.id, result.credit);
    applied.set(stored.id, stored);
    if (stored.pendingId !== undefined) resolutions.set(stored.pendingId, stored);
  }
  const balances = new Map<string, Balances>();
  for (const { id, debitsPending, debitsPosted, creditsPending, creditsPosted } of working.values())
    balances.set(id, { debitsPending, debitsPosted, creditsPending, creditsPosted });
  return { ok: true, balances };
}
