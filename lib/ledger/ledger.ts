import { Dexie } from 'dexie';
import { describeIssues } from '../protocol/errors';
import type { Clock } from '../clock';
import type { WalletDatabase } from '../db';
import * as z from 'zod/mini';
import { account as accountSchema, accountInput, type Account, type AccountInput } from './account';
import { applyTransfer, sameTransfer, type ApplyContext } from './apply';
import type { FailedTransfer } from './failed-transfer';
import { fail, type LedgerFailure } from './failures';
import { transferInput, type Transfer, type TransferInput } from './transfer';

export interface SubmitOptions {
  /**
   * Accounts the transfers need, opened with zero balances if they do not exist yet, in the same
   * transaction; an existing one with other settings fails the submission, as `createAccounts` would.
   */
  open?: AccountInput[];
  /**
   * The caller's own records of this commit (an order, its jobs), written together with the transfers once every
   * transfer applied, in the same transaction: nothing of them is written when the submission fails. Their
   * tables must be in the caller's transaction, which the ledger's own joins.
   */
  alongside?: () => Promise<unknown>;
  /**
   * What `readAhead` read for this submission earlier in the same transaction, with nothing written to the
   * ledger's tables since. The submission takes what it covers and reads the rest; from another transaction, or
   * once a submission has used it, it is ignored and everything is read anew.
   */
  ahead?: ReadAhead;
}

/** The accounts `readAhead` found, for the caller to look at before it submits. */
export interface ReadAhead {
  accounts: ReadonlyMap<string, Account>;
}

/** The rest of what `readAhead` read, which only the submission it is for sees. */
interface ReadEarlier {
  transaction: IDBTransaction | undefined;
  failed: Map<string, FailedTransfer | undefined>;
  existing: Map<string, Transfer | undefined>;
  accountIds: Set<string>;
  accounts: ReadonlyMap<string, Account>;
  last: Transfer | undefined;
}

/** Keyed by the caller's handle, so no caller can hand the ledger reads it did not make. */
const readEarlier = new WeakMap<ReadAhead, ReadEarlier>();

/** The looked-up values of `ids`, if every one of them was looked up. */
function known<T>(found: Map<string, T> | undefined, ids: string[]): T[] | undefined {
  return found && ids.every((id) => found.has(id)) ? ids.map((id) => found.get(id) as T) : undefined;
}

/** The account `input` opens: `found` itself when it has the same settings, a fresh one when there is none. */
function openedAccount(found: Account | undefined, input: AccountInput): Account | LedgerFailure {
  if (!found) return accountSchema.parse({ ...input, debitsPending: 0, debitsPosted: 0, creditsPending: 0, creditsPosted: 0 });
  const same =
    found.currency === input.currency &&
    found.debitsMustNotExceedCredits === input.debitsMustNotExceedCredits &&
    found.balanceLimitMinor === input.balanceLimitMinor;
  return same ? found : fail('exists_with_different_fields', `Account ${input.id} exists with other settings`);
}

export type SubmitResult = { ok: true; transfers: Transfer[]; replayed: boolean } | { ok: false; index: number; failure: LedgerFailure };

const chain = z.array(transferInput).check(z.minLength(1), z.maxLength(16));

/**
 * The double-entry ledger on IndexedDB. Every call is one short read-check-write Dexie
 * transaction that awaits nothing but Dexie, so concurrent callers (tabs, popup, background)
 * queue on the same tables and never see each other half-way.
 */
export function createLedger(db: WalletDatabase, clock: Clock) {
  const tables = [db.accounts, db.transfers, db.failedTransfers];
  const lastTransfer = () => db.transfers.orderBy('timestamp').last();
  /** The last submission that joined each caller's transaction, for the next one there to wait for. */
  const joined = new WeakMap<IDBTransaction, Promise<unknown>>();

  /**
   * Reads, in the caller's transaction, what a submission of these transfer ids moving these accounts will look
   * up: the caller asks for it together with its own reads, so the transaction waits for one round trip of
   * reads before its writes instead of two, and the accounts the caller checks are the ones the ledger moves.
   * A chain of Dexie promises, not an async function: in a transaction Dexie follows an async function's native
   * promise with microtasks of its own, which a payment paid for.
   */
  function readAhead(transferIds: string[], accountIds: string[]): Promise<ReadAhead> {
    const transaction = Dexie.currentTransaction?.idbtrans;
    return Promise.all([
      db.failedTransfers.bulkGet(transferIds),
      db.transfers.bulkGet(transferIds),
      db.accounts.bulkGet(accountIds),
      lastTransfer(),
    ]).then(([failed, existing, accounts, last]) => {
      // Frozen: the submission moves these very records, so the caller may look at them but not change them.
      const found = new Map(accounts.flatMap((account) => (account ? [[account.id, Object.freeze(account)] as const] : [])));
      const ahead: ReadAhead = { accounts: found };
      readEarlier.set(ahead, {
        transaction,
        failed: new Map(transferIds.map((id, index) => [id, failed[index]])),
        existing: new Map(transferIds.map((id, index) => [id, existing[index]])),
        accountIds: new Set(accountIds),
        accounts: found,
        last,
      });
      return ahead;
    });
  }

  /** Opens accounts; reopening one with the same fields is a no-op, with other fields an error. */
  async function createAccounts(inputs: AccountInput[]): Promise<{ ok: true } | { ok: false; failure: LedgerFailure }> {
    const parsed = z.array(accountInput).safeParse(inputs);
    if (!parsed.success) return { ok: false, failure: fail('invalid_input', describeIssues(parsed.error)) };
    return db.transaction('rw', db.accounts, async () => {
      const existing = await db.accounts.bulkGet(parsed.data.map((input) => input.id));
      const fresh: Account[] = [];
      for (const [index, input] of parsed.data.entries()) {
        const opened = openedAccount(existing[index], input);
        if ('code' in opened) return { ok: false, failure: opened };
        if (!existing[index]) fresh.push(opened);
      }
      await db.accounts.bulkAdd(fresh);
      return { ok: true as const };
    });
  }

  /**
   * Commits linked transfers all-or-nothing, in order. The same ids with the same fields return
   * the first result; ids that failed once keep failing, so a refused payment never succeeds on
   * a retry. Nothing is written unless every transfer applies.
   */
  async function submit(inputs: TransferInput[], options: SubmitOptions = {}): Promise<SubmitResult> {
    const parsed = chain.safeParse(inputs);
    if (!parsed.success) return { ok: false, index: 0, failure: fail('invalid_input', describeIssues(parsed.error)) };
    const opening = z.array(accountInput).safeParse(options.open ?? []);
    if (!opening.success) return { ok: false, index: 0, failure: fail('invalid_input', describeIssues(opening.error)) };
    const transfers = parsed.data;
    const ids = transfers.map((transfer) => transfer.id);
    if (new Set(ids).size !== ids.length)
      return { ok: false, index: 0, failure: fail('invalid_input', 'Transfer ids in one submission must differ') };

    return inTransaction(async (): Promise<SubmitResult> => {
      const ahead = options.ahead && readEarlier.get(options.ahead);
      // Used once: the submission's own writes would make it stale.
      if (options.ahead) readEarlier.delete(options.ahead);
      const early = ahead?.transaction === Dexie.currentTransaction.idbtrans ? ahead : undefined;
      // Every read the submission may need and was not read ahead is asked for at once: IndexedDB answers them
      // in one round trip of the transaction rather than one each, and nothing is written before all are back.
      const [failed, existing, context, last] = await Promise.all([
        known(early?.failed, ids) ?? db.failedTransfers.bulkGet(ids),
        known(early?.existing, ids) ?? db.transfers.bulkGet(ids),
        loadContext(transfers, opening.data, early),
        early ? early.last : lastTransfer(),
      ]);
      const failedIndex = failed.findIndex((entry) => entry !== undefined);
      if (failedIndex >= 0) {
        return {
          ok: false,
          index: failedIndex,
          failure: fail('id_already_failed', `Transfer ${ids[failedIndex]} failed before (${failed[failedIndex]?.code})`),
        };
      }

      if (existing.some((stored) => stored !== undefined)) {
        const mismatch = transfers.findIndex((input, index) => !existing[index] || !sameTransfer(existing[index], input));
        if (mismatch >= 0) {
          return {
            ok: false,
            index: mismatch,
            failure: fail('exists_with_different_fields', `Transfer ${ids[mismatch]} exists with other fields`),
          };
        }
        return { ok: true, transfers: existing as Transfer[], replayed: true };
      }

      // Accounts opened here are read with the others and written with them: no lookup or write of their own.
      const opened = new Set<string>();
      for (const input of opening.data) {
        const account = openedAccount(context.accounts.get(input.id), input);
        if ('code' in account) return { ok: false, index: 0, failure: account };
        if (!context.accounts.has(input.id)) opened.add(input.id);
        context.accounts.set(input.id, account);
      }
      // Timestamps are unique and increasing, so (timestamp, id) orders history without ties.
      let timestamp = Math.max(clock.now(), (last?.timestamp ?? 0) + 1);
      const created: Transfer[] = [];
      for (const [index, input] of transfers.entries()) {
        const applied = applyTransfer(input, context.view, timestamp++);
        if ('code' in applied) {
          await db.failedTransfers.bulkPut(
            ids.map((id, at) => ({ id, code: at === index ? applied.code : 'linked_event_failed', failedAt: clock.now() })),
          );
          return { ok: false, index, failure: applied };
        }
        context.accounts.set(applied.debit.id, applied.debit);
        context.accounts.set(applied.credit.id, applied.credit);
        context.transfers.set(applied.transfer.id, applied.transfer);
        if (applied.transfer.pendingId) context.resolutions.set(applied.transfer.pendingId, applied.transfer);
        created.push(applied.transfer);
      }
      const touched = new Set([...opened, ...created.flatMap((transfer) => [transfer.debitAccountId, transfer.creditAccountId])]);
      // `add`, not `put`, for transfers: a duplicate id rolls the whole transaction back instead of overwriting.
      await Promise.all([
        db.accounts.bulkPut([...touched].map((id) => context.accounts.get(id)!)),
        db.transfers.bulkAdd(created),
        options.alongside?.(),
      ]);
      return { ok: true, transfers: created, replayed: false };
    });
  }

  /**
   * Runs a submission in its caller's transaction when that holds the ledger's tables for writing, as a Dexie
   * sub-transaction would, without the sub-transaction's cost (about that of a request): one submission there at a
   * time, and one that throws takes the caller's whole transaction down with it. Otherwise in a transaction of its own.
   */
  function inTransaction(scope: () => Promise<SubmitResult>): Promise<SubmitResult> {
    const caller = Dexie.currentTransaction;
    const holds = caller?.db === db && caller.mode === 'readwrite' && tables.every((table) => caller.storeNames.includes(table.name));
    if (!holds) return db.transaction('rw', tables, scope);
    // Dexie's promise keeps the caller's transaction for the submission that waits for the one before it.
    const run = Dexie.Promise.resolve(joined.get(caller.idbtrans))
      .then(scope)
      .catch((error: unknown) => {
        caller.abort();
        throw error;
      });
    joined.set(
      caller.idbtrans,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Reads, inside the caller's transaction, every account and pending transfer the chain touches and `early` did not read. */
  async function loadContext(transfers: TransferInput[], opening: AccountInput[], early: ReadEarlier | undefined) {
    const pendingIds = transfers.flatMap((input) => ('pendingId' in input ? [input.pendingId] : []));
    // A payment resolves nothing: it goes straight to its accounts. A resolution reads its pending transfers and
    // whatever resolved them before, together, and then their accounts.
    const [found, resolvedBefore] =
      pendingIds.length === 0
        ? [[], []]
        : await Promise.all([
            db.transfers.bulkGet(pendingIds),
            Promise.all(pendingIds.map((pendingId) => db.transfers.where('pendingId').equals(pendingId).first())),
          ]);
    const pendings = found.filter((transfer): transfer is Transfer => transfer !== undefined);
    const accountIds = new Set<string>(opening.map((input) => input.id));
    for (const input of [...transfers, ...pendings]) {
      if ('debitAccountId' in input) {
        accountIds.add(input.debitAccountId);
        accountIds.add(input.creditAccountId);
      }
    }
    const unread = [...accountIds].filter((id) => !early?.accountIds.has(id));
    const accounts = new Map(early?.accounts);
    for (const account of unread.length > 0 ? await db.accounts.bulkGet(unread) : []) if (account) accounts.set(account.id, account);
    const resolutions = new Map<string, Transfer>();
    for (const [index, pendingId] of pendingIds.entries()) {
      const resolved = resolvedBefore[index];
      if (resolved) resolutions.set(pendingId, resolved);
    }
    const transfersById = new Map(pendings.map((pending) => [pending.id, pending]));
    const view: ApplyContext = {
      account: (id) => accounts.get(id),
      transfer: (id) => transfersById.get(id),
      resolutionOf: (pendingId) => resolutions.get(pendingId),
    };
    return { accounts, transfers: transfersById, resolutions, view };
  }

  return {
    createAccounts,
    submit,
    readAhead,
    account: (id: string) => db.accounts.get(id),
    transfer: (id: string) => db.transfers.get(id),
    /** Changes an account's cap (verification raises it); money is untouched. */
    async setBalanceLimit(id: string, balanceLimitMinor: number): Promise<{ ok: true } | { ok: false; failure: LedgerFailure }> {
      return db.transaction('rw', db.accounts, async () => {
        const found = await db.accounts.get(id);
        if (!found) return { ok: false as const, failure: fail('account_not_found', `No account ${id}`) };
        await db.accounts.put(accountSchema.parse({ ...found, balanceLimitMinor }));
        return { ok: true as const };
      });
    },
  };
}
export type Ledger = ReturnType<typeof createLedger>;
