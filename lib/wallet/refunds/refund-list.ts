import type { WalletDatabase } from '../../db';
import type { RefundRecord } from '../records';

/**
 * The refunds a shopper wants to see at a glance: every one still on its way, soonest first
 * (through the `arrivesAt` index, whatever came before), then the latest that have arrived.
 */
export async function refundsAtAGlance(db: WalletDatabase, now: number, arrivedShown: number): Promise<RefundRecord[]> {
  const [onTheirWay, latest] = await Promise.all([
    db.refunds.where('arrivesAt').above(now).toArray(),
    db.refunds
      .orderBy('createdAt')
      .reverse()
      .limit(arrivedShown + 1)
      .toArray(),
  ]);
  const arrived = latest.filter((refund) => refund.arrivesAt <= now).slice(0, arrivedShown);
  return [...onTheirWay.sort((a, b) => a.arrivesAt - b.arrivesAt), ...arrived];
}
