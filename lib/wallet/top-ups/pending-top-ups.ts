import type { WalletDatabase } from '../../db';
import type { TopUpRecord } from '../records';

/** The job that settles a top-up is keyed by it, so pending ones are found by key prefix, without reading other work. */
export const SETTLE_TOP_UP_JOB_PREFIX = 'settle_top_up:';

/** Top-ups still on their way, soonest first: one is pending while its settling job waits on the wallet's clock. */
export async function pendingTopUps(db: WalletDatabase): Promise<TopUpRecord[]> {
  const jobs = await db.jobs.where('id').startsWith(SETTLE_TOP_UP_JOB_PREFIX).toArray();
  const topUps = await db.topUps.bulkGet(jobs.map((job) => job.ref));
  return topUps.filter((topUp) => topUp !== undefined).sort((a, b) => a.settlesAt - b.settlesAt);
}
