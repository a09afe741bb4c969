import type { WalletDatabase } from '../../db';
import { labelOf } from '../cards/saved-cards';
import type { CardLabel, RefundRecord } from '../records';

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

/** A refund as the shopper recognises it: the shop it came from and the card it goes back to. */
export interface RefundAtAGlance {
  refund: RefundRecord;
  merchantName?: string;
  card?: CardLabel;
}

/** The refunds at a glance with their shop's name and card label, each looked up once for the whole list. */
export async function refundsToShow(db: WalletDatabase, now: number, arrivedShown: number): Promise<RefundAtAGlance[]> {
  const refunds = await refundsAtAGlance(db, now, arrivedShown);
  const [orders, cards] = await Promise.all([
    db.orders.bulkGet(refunds.map((refund) => refund.orderKey)),
    db.cards.bulkGet(refunds.map((refund) => refund.cardId ?? '')),
  ]);
  return refunds.map((refund, index) => {
    const merchantName = orders[index]?.merchantName;
    const card = cards[index];
    const label = card && labelOf(card);
    return { refund, ...(merchantName !== undefined ? { merchantName } : {}), ...(label ? { card: label } : {}) };
  });
}
