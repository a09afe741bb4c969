import type { WalletDatabase } from '../../db';
import { CLAIM_REVIEW_MS } from './claims';
import type { ClaimRecord, OrderRecord } from '../records';

/** How many claims the wallet page shows at first, and how many more each "Show more" adds. */
export const CLAIMS_PAGE_SIZE = 20;

export interface ClaimView {
  claim: ClaimRecord;
  /** The claimed order, for its shop and amount. */
  order?: OrderRecord;
  reviewDueAt: number;
}

export interface ClaimsPage {
  claims: ClaimView[];
  more: boolean;
}

/** When a claim's review answers: the schedule openClaim sets. */
export const reviewDueAt = (claim: Pick<ClaimRecord, 'openedAt'>): number => claim.openedAt + CLAIM_REVIEW_MS;

/** The newest `limit` claims through the `openedAt` index, with the orders they concern. */
export async function claimsNewestFirst(db: WalletDatabase, limit: number): Promise<ClaimsPage> {
  const found = await db.claims
    .orderBy('openedAt')
    .reverse()
    .limit(limit + 1)
    .toArray();
  const claims = found.slice(0, limit);
  const orderKeys = [...new Set(claims.map((claim) => claim.orderKey))].filter((key): key is string => key !== undefined);
  const orders = new Map((await db.orders.bulkGet(orderKeys)).filter((order) => order !== undefined).map((order) => [order.id, order]));
  return {
    more: found.length > limit,
    claims: claims.map((claim) => {
      const order = claim.orderKey === undefined ? undefined : orders.get(claim.orderKey);
      return { claim, reviewDueAt: reviewDueAt(claim), ...(order ? { order } : {}) };
    }),
  };
}
