import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ledger } from '@/lib/ledger/ledger';
import type { TransferInput } from '@/lib/ledger/transfer';
import { verifyLedger } from '@/lib/ledger/verify';
import type { WalletDatabase } from '@/lib/db';
import { freshLedger } from './support/with-ledger';

/**
 * Model-based test: random sequences of ledger operations run against the real ledger on
 * IndexedDB and against a small model of the shopper's balances. After every step the ledger
 * must agree with the model and keep its invariants.
 */
const LIMIT = 50_000;
const MERCHANT = 'merchant:https://shop.example';
const RUNS = Number(process.env.LEDGER_PROPERTY_RUNS ?? 1_000);
const MIN_COMMANDS = 50;

type Outcome = { ok: boolean; code?: string };
interface Model {
  creditsPosted: number;
  debitsPosted: number;
  debitsPending: number;
  /** Every id submitted so far with its inputs and the outcome the ledger must repeat. */
  submitted: { inputs: TransferInput[]; outcome: Outcome }[];
  holds: { id: string; amountMinor: number; state: 'open' | 'posted' | 'voided' }[];
  nextId: number;
}
interface Real {
  db: WalletDatabase;
  ledger: Ledger;
  stats: { steps: number };
}

const available = (model: Model) => model.creditsPosted - model.debitsPosted - model.debitsPending;
const heldWithPending = (model: Model) => model.creditsPosted - model.debitsPosted;
const freshId = (model: Model, prefix: string) => `${prefix}-${model.nextId++}`;
const single = (
  id: string,
  debitAccountId: string,
  creditAccountId: string,
  amountMinor: number,
  code: 'top_up' | 'refund',
): TransferInput => ({
  kind: 'single',
  id,
  debitAccountId,
  creditAccountId,
  amountMinor,
  currency: 'USD',
  code,
});
const hold = (id: string, amountMinor: number): TransferInput => ({
  kind: 'pending',
  id,
  debitAccountId: 'shopper',
  creditAccountId: MERCHANT,
  amountMinor,
  currency: 'USD',
  code: 'purchase',
});

async function submitAndCheck(model: Model, real: Real, inputs: TransferInput[], expected: Outcome) {
  const result = await real.ledger.submit(inputs);
  const outcome: Outcome = result.ok ? { ok: true } : { ok: false, code: result.failure.code };
  expect(outcome).toEqual(
    expected.ok ? { ok: true } : expect.objectContaining({ ok: false, ...(expected.code ? { code: expected.code } : {}) }),
  );
  model.submitted.push({ inputs, outcome });
  return result;
}

async function checkInvariants(model: Model, real: Real) {
  real.stats.steps++;
  const shopper = (await real.ledger.account('shopper'))!;
  expect({ creditsPosted: shopper.creditsPosted, debitsPosted: shopper.debitsPosted, debitsPending: shopper.debitsPending }).toEqual({
    creditsPosted: model.creditsPosted,
    debitsPosted: model.debitsPosted,
    debitsPending: model.debitsPending,
  });
  expect(available(model)).toBeGreaterThanOrEqual(0);
  const report = await verifyLedger(real.db);
  expect(report).toMatchObject({ ok: true, mismatches: [], unbalancedCurrencies: [], overdrawnAccounts: [] });
  const resolutions = await real.db.transfers.where('pendingId').above('').toArray();
  expect(new Set(resolutions.map((transfer) => transfer.pendingId)).size).toBe(resolutions.length);
}

class TopUp implements fc.AsyncCommand<Model, Real> {
  constructor(readonly amountMinor: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const fits = heldWithPending(model) + this.amountMinor <= LIMIT;
    await submitAndCheck(
      model,
      real,
      [single(freshId(model, 'top-up'), 'card-network', 'shopper', this.amountMinor, 'top_up')],
      fits ? { ok: true } : { ok: false, code: 'exceeds_limit' },
    );
    if (fits) model.creditsPosted += this.amountMinor;
    await checkInvariants(model, real);
  }
  toString = () => `TopUp(${this.amountMinor})`;
}

class Hold implements fc.AsyncCommand<Model, Real> {
  constructor(readonly amountMinor: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = freshId(model, 'hold');
    const covered = available(model) >= this.amountMinor;
    await submitAndCheck(model, real, [hold(id, this.amountMinor)], covered ? { ok: true } : { ok: false, code: 'insufficient_funds' });
    if (covered) {
      model.debitsPending += this.amountMinor;
      model.holds.push({ id, amountMinor: this.amountMinor, state: 'open' });
    }
    await checkInvariants(model, real);
  }
  toString = () => `Hold(${this.amountMinor})`;
}

class TopUpDifferenceAndHold implements fc.AsyncCommand<Model, Real> {
  constructor(readonly amountMinor: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const difference = Math.max(1, this.amountMinor - available(model));
    const fits = heldWithPending(model) + difference <= LIMIT;
    const holdId = freshId(model, 'hold');
    const inputs = [single(freshId(model, 'top-up'), 'card-network', 'shopper', difference, 'top_up'), hold(holdId, this.amountMinor)];
    await submitAndCheck(model, real, inputs, fits ? { ok: true } : { ok: false, code: 'exceeds_limit' });
    if (fits) {
      model.creditsPosted += difference;
      model.debitsPending += this.amountMinor;
      model.holds.push({ id: holdId, amountMinor: this.amountMinor, state: 'open' });
    }
    await checkInvariants(model, real);
  }
  toString = () => `TopUpDifferenceAndHold(${this.amountMinor})`;
}

class Resolve implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly action: 'post' | 'void',
    readonly fraction: number,
  ) {}
  check = () => true;
  async run(model: Model, real: Real) {
    if (model.holds.length === 0) {
      await submitAndCheck(model, real, [{ kind: 'void_pending', id: freshId(model, 'void'), pendingId: 'no-such-hold' }], {
        ok: false,
        code: 'pending_transfer_not_found',
      });
      await checkInvariants(model, real);
      return;
    }
    const target = model.holds[this.pick % model.holds.length]!;
    const amountMinor = Math.floor(target.amountMinor * this.fraction);
    const input: TransferInput =
      this.action === 'post'
        ? { kind: 'post_pending', id: freshId(model, 'post'), pendingId: target.id, amountMinor }
        : { kind: 'void_pending', id: freshId(model, 'void'), pendingId: target.id };
    const expected: Outcome =
      target.state === 'open'
        ? { ok: true }
        : { ok: false, code: target.state === 'posted' ? 'pending_already_posted' : 'pending_already_voided' };
    await submitAndCheck(model, real, [input], expected);
    if (target.state === 'open') {
      model.debitsPending -= target.amountMinor;
      if (this.action === 'post') model.debitsPosted += amountMinor;
      target.state = this.action === 'post' ? 'posted' : 'voided';
    }
    await checkInvariants(model, real);
  }
  toString = () => `Resolve(${this.pick}, ${this.action}, ${this.fraction})`;
}

class RefundAfterRelease implements fc.AsyncCommand<Model, Real> {
  constructor(readonly amountMinor: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const fits = heldWithPending(model) + this.amountMinor <= LIMIT;
    await submitAndCheck(
      model,
      real,
      [single(freshId(model, 'refund'), MERCHANT, 'shopper', this.amountMinor, 'refund')],
      fits ? { ok: true } : { ok: false, code: 'exceeds_limit' },
    );
    if (fits) model.creditsPosted += this.amountMinor;
    await checkInvariants(model, real);
  }
  toString = () => `RefundAfterRelease(${this.amountMinor})`;
}

/** Resubmits an earlier submission: the ledger must give the same outcome and change nothing. */
class Retry implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly changeAmount: boolean,
  ) {}
  check = (model: Readonly<Model>) => model.submitted.length > 0;
  async run(model: Model, real: Real) {
    const earlier = model.submitted[this.pick % model.submitted.length]!;
    const inputs = this.changeAmount
      ? earlier.inputs.map((input) => ('debitAccountId' in input ? { ...input, amountMinor: input.amountMinor + 1 } : input))
      : earlier.inputs;
    const changed = this.changeAmount && inputs.some((input, index) => input !== earlier.inputs[index]);
    const result = await real.ledger.submit(inputs);
    if (!earlier.outcome.ok) expect(result).toMatchObject({ ok: false, failure: { code: 'id_already_failed' } });
    else if (changed) expect(result).toMatchObject({ ok: false, failure: { code: 'exists_with_different_fields' } });
    else expect(result).toMatchObject({ ok: true, replayed: true });
    await checkInvariants(model, real);
  }
  toString = () => `Retry(${this.pick}, ${this.changeAmount})`;
}

const amount = fc.integer({ min: 1, max: 20_000 });
const commands = fc.commands(
  [
    amount.map((value) => new TopUp(value)),
    amount.map((value) => new Hold(value)),
    amount.map((value) => new TopUpDifferenceAndHold(value)),
    fc
      .tuple(fc.nat(), fc.constantFrom('post' as const, 'void' as const), fc.constantFrom(1, 1, 0.5, 0.1))
      .map(([pick, action, fraction]) => new Resolve(pick, action, fraction)),
    fc.integer({ min: 1, max: 5_000 }).map((value) => new RefundAfterRelease(value)),
    fc.tuple(fc.nat(), fc.boolean()).map(([pick, change]) => new Retry(pick, change)),
  ],
  { size: 'max', maxCommands: 80 },
);

describe('Ledger: invariants under random operation sequences', () => {
  it(`holds over ${RUNS} sequences of at least ${MIN_COMMANDS} operations`, { timeout: 600_000 }, async () => {
    let sequences = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(
        // Retries before anything was submitted are skipped (nothing to retry), so they do not count.
        commands.filter((sequence) => {
          const all = [...sequence];
          const firstSubmission = all.findIndex((command) => !String(command).startsWith('Retry('));
          return firstSubmission >= 0 && all.length - firstSubmission >= MIN_COMMANDS;
        }),
        async (sequence) => {
          const { db, ledger } = await freshLedger();
          const stats = { steps: 0 };
          const model: Model = { creditsPosted: 0, debitsPosted: 0, debitsPending: 0, submitted: [], holds: [], nextId: 0 };
          await fc.asyncModelRun(() => ({ model, real: { db, ledger, stats } }), sequence);
          expect(stats.steps).toBeGreaterThanOrEqual(MIN_COMMANDS);
          sequences++;
          steps += stats.steps;
          db.close();
        },
      ),
      { numRuns: RUNS },
    );
    console.log(`Ledger property test: ${sequences} sequences, ${steps} operations, invariants checked after each.`);
    expect(sequences).toBe(RUNS);
  });
});
