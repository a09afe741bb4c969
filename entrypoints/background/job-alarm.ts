import { browser } from 'wxt/browser';
import type { DemoClock } from '@/lib/clock';
import type { WalletContext } from '@/lib/wallet/context';
import { nextJobDueAt, runDueJobs } from '@/lib/wallet/jobs';

const ALARM = 'wallet-jobs';

/**
 * Drives the wallet's time-based work (settling top-ups, releasing escrow, claim reviews) from
 * `alarms`, which wake a sleeping service worker: one alarm, always set for the next job due.
 * `afterJobs` runs when a sweep did any: a job may have changed what waits for the shopper.
 */
export function createJobAlarm(context: WalletContext, clock: DemoClock, afterJobs: () => Promise<void>) {
  async function schedule() {
    const dueAt = await nextJobDueAt(context);
    if (dueAt === undefined) await browser.alarms.clear(ALARM);
    // Jobs fall due in simulated time; the alarm needs the real instant that corresponds to it.
    else await browser.alarms.create(ALARM, { when: Math.max(clock.realTimeOf(dueAt), Date.now() + 1_000) });
  }

  async function sweep() {
    const report = await runDueJobs(context);
    for (const { job, reason } of report.failed) console.error(`Job ${job.id} could not run: ${reason}`);
    await schedule();
    if (report.done > 0) await afterJobs();
  }

  return {
    schedule,
    sweep,
    listen() {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === ALARM) void sweep();
      });
    },
  };
}
