import { reviewIdentity } from '../identity/verification';
import { reviewClaim } from './claims/claims';
import type { WalletContext } from './context';
import { isRefusal } from './context';
import { releaseIfDue } from './orders/orders';
import { endPaymentCheck } from './orders/payment-check';
import type { JobRecord } from './records';
import { settleTopUp } from './top-ups/top-ups';

const run: Record<JobRecord['kind'], (context: WalletContext, ref: string) => Promise<unknown>> = {
  settle_top_up: settleTopUp,
  end_payment_check: endPaymentCheck,
  release_order: releaseIfDue,
  review_claim: reviewClaim,
  review_identity: reviewIdentity,
};

export interface SweepReport {
  done: number;
  failed: { job: JobRecord; reason: string }[];
}

/**
 * Runs every job that is due by the clock: settling top-ups, ending payment checks, releasing
 * escrow, finishing claim and identity reviews. Called from `alarms`, so a sleeping service
 * worker still does time-based work. Each job runs in its own transaction and is removed only
 * once it succeeded.
 */
export async function runDueJobs(context: WalletContext): Promise<SweepReport> {
  const due = await context.db.jobs.where('dueAt').belowOrEqual(context.clock.now()).sortBy('dueAt');
  const report: SweepReport = { done: 0, failed: [] };
  for (const job of due) {
    const result = await run[job.kind](context, job.ref);
    if (isRefusal(result)) {
      report.failed.push({ job, reason: result.reason });
      continue;
    }
    await context.db.jobs.delete(job.id);
    report.done++;
  }
  return report;
}

/** When the next job falls due, for scheduling the next alarm. */
export async function nextJobDueAt(context: WalletContext): Promise<number | undefined> {
  return (await context.db.jobs.orderBy('dueAt').first())?.dueAt;
}
