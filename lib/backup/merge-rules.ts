import type { Account } from '../ledger/account';
import type { WalletContext } from '../wallet/context';
import type { JobRecord, OrderRecord } from '../wallet/records';
import { topUpSettled } from '../wallet/top-ups/top-ups';
import type { Row, TableName } from './tables';

/** A version to keep, or `conflict` when two versions of the row can only mean that one side is corrupt. */
type Resolution<T> = T | 'conflict';

export interface TableRule<T> {
  /** What two versions are compared on; by default the whole row. */
  compared?: (row: T) => unknown;
  /** Which version stays when the wallet and the backup hold different versions of one id. */
  resolve: (current: T, incoming: T, context: WalletContext) => Promise<Resolution<T>>;
  /** Whether a row the wallet lacks is still wanted: rows the wallet erased on purpose stay erased. */
  wanted?: (incoming: T, context: WalletContext) => Promise<boolean>;
}

type Rules = { [Name in TableName]: TableRule<Row<Name>> };

/** Rows written once and never changed: a different version changes nothing, the wallet's own is kept. */
const keepCurrent = async <T>(current: T): Promise<T> => current;

/** Lexicographic comparison of progress vectors. */
function ahead(left: number[], right: number[]): boolean {
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return false;
}

/**
 * For rows that only move forward through their states: the version further along is the
 * newer one, since no step can be undone. Equal progress keeps the wallet's own.
 */
const furthest =
  <T>(progress: (row: T, context: WalletContext) => number[] | Promise<number[]>) =>
  async (current: T, incoming: T, context: WalletContext): Promise<T> =>
    ahead(await progress(incoming, context), await progress(current, context)) ? incoming : current;

const CARD_PROGRESS = { unsaved: 0, saved: 1, removed: 2 } as const;
const ORDER_PROGRESS = { checking: 0, held: 1, released: 2, cancelled: 2, refunded: 2 } as const;

/**
 * An order moves checking → held → closed. While its money is held, a partial refund replaces its
 * hold with a later pending transfer, and shipping and a dispute only ever get added to the same hold.
 */
async function orderProgress(order: OrderRecord, { db }: WalletContext): Promise<number[]> {
  const hold = await db.transfers.get(order.holdTransferId);
  return [ORDER_PROGRESS[order.state], hold?.timestamp ?? 0, order.shipping ? 1 : 0, order.dispute ? 1 : 0];
}

/** A job is wanted only while the work it stands for is still to do, in the merged wallet. */
async function jobNeeded(job: JobRecord, context: WalletContext): Promise<boolean> {
  const { db } = context;
  switch (job.kind) {
    case 'settle_top_up': {
      const topUp = await db.topUps.get(job.ref);
      return topUp !== undefined && !(await topUpSettled(context, topUp));
    }
    case 'end_payment_check': {
      const order = await db.orders.get(job.ref);
      return order?.state === 'checking' && order.checkEndsAt === job.dueAt;
    }
    case 'release_order': {
      // The sweep releases by the order's own date, so a job for another date would be dropped without releasing.
      const order = await db.orders.get(job.ref);
      return order?.state === 'held' && !order.dispute && order.releaseAt === job.dueAt;
    }
    case 'review_claim':
      return (await db.claims.get(job.ref))?.state === 'in_review';
    case 'review_identity':
      return (await db.verification.get(job.ref))?.state === 'in_review';
  }
}

const withoutBalances = ({ debitsPending: _a, debitsPosted: _b, creditsPending: _c, creditsPosted: _d, ...rest }: Account) => rest;

/**
 * How each table merges when the wallet and the backup hold different versions of one row.
 *
 * - Transfers are immutable and append-only: the same id with other fields means one side is
 *   corrupt, and the whole import is refused.
 * - Accounts: balances are not compared, they are recomputed from the merged transfers. Currency
 *   and the no-overdraft flag never change (a difference is corruption); the cap only rises (on
 *   verification), so the higher one is the newer.
 * - Wallet: the currency is fixed; "verified" only goes from false to true, so either side's
 *   yes counts; the shopper's choices (refund destination, default card) stay as they are here.
 * - Orders, cards, claims and identity reviews only move forward (see each progress rule), so the
 *   version further along wins.
 * - Jobs: one is added, or replaces the wallet's, only if the work it stands for is still to do
 *   in the merged wallet: a job whose top-up settled or whose order was released is not revived.
 * - Identity documents: only the latest submission's are kept, as submitting again erases the
 *   earlier ones.
 * - Vault, payment password and lockouts, profile and contact confirmations: this wallet's stay.
 *   An old backup must not bring back an old login or payment password, lift a lockout, or pair
 *   an old phone number with a newer profile. On a fresh install they all come from the file.
 * - Failed transfer ids, top-ups, refunds, inbox messages and support letters are written once:
 *   missing ones are added, and the wallet's own version is kept otherwise.
 */
export const MERGE_RULES: Rules = {
  transfers: { resolve: async () => 'conflict' },
  failedTransfers: { resolve: keepCurrent },
  accounts: {
    compared: withoutBalances,
    resolve: async (current, incoming) => {
      if (current.currency !== incoming.currency || current.debitsMustNotExceedCredits !== incoming.debitsMustNotExceedCredits)
        return 'conflict';
      if (current.balanceLimitMinor === undefined || incoming.balanceLimitMinor === undefined) return current;
      return { ...current, balanceLimitMinor: Math.max(current.balanceLimitMinor, incoming.balanceLimitMinor) };
    },
  },
  wallet: {
    resolve: async (current, incoming) =>
      current.currency === incoming.currency ? { ...current, verified: current.verified || incoming.verified } : 'conflict',
  },
  topUps: { resolve: keepCurrent },
  orders: { resolve: furthest(orderProgress) },
  refunds: { resolve: keepCurrent },
  claims: { resolve: furthest((claim) => [claim.state === 'in_review' ? 0 : 1]) },
  verification: { resolve: furthest((verification) => [verification.state === 'in_review' ? 0 : 1]) },
  documents: {
    resolve: keepCurrent,
    wanted: async (document, { db }) => (await db.verification.orderBy('submittedAt').last())?.id === document.verificationId,
  },
  // A card's check only ever gets added, so of two versions with one status the checked one is newer.
  cards: { resolve: furthest((card) => [CARD_PROGRESS[card.status], card.checkedAt === undefined ? 0 : 1]) },
  jobs: {
    resolve: async (current, incoming, context) =>
      !(await jobNeeded(current, context)) && (await jobNeeded(incoming, context)) ? incoming : current,
    wanted: jobNeeded,
  },
  vault: { resolve: keepCurrent },
  security: { resolve: keepCurrent },
  profile: { resolve: keepCurrent },
  contacts: { resolve: keepCurrent },
  inbox: { resolve: keepCurrent },
  securityEvents: { resolve: keepCurrent },
  letters: { resolve: keepCurrent },
};

/**
 * The order tables merge in: the ledger first, then the records whose state later rules read
 * (a job looks at its order, top-up, claim or review; a document at the latest review), then
 * the jobs, then the secrets.
 */
export const MERGE_ORDER: readonly TableName[] = [
  'transfers',
  'failedTransfers',
  'accounts',
  'wallet',
  'topUps',
  'orders',
  'refunds',
  'claims',
  'verification',
  'documents',
  'cards',
  'jobs',
  'vault',
  'security',
  'profile',
  'contacts',
  'inbox',
  'securityEvents',
  'letters',
];
