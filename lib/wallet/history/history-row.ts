import type { Transfer, TransferCode } from '../../ledger/transfer';
import type { CurrencyCode } from '../../money';
import { ACCOUNTS, TOP_UP_SOURCE_ACCOUNTS, merchantAccount } from '../accounts';
import type { OrderRecord } from '../records';
import type { TopUpMethod } from '../top-ups/top-up-method';

/**
 * A movement's state: `pending` is money held (in escrow, or a top-up still settling); `checking`
 * is a purchase's hold while its payment is in check.
 */
export type HistoryStatus = 'checking' | 'pending' | 'posted' | 'voided';
/** Whether the shopper gained or gave up the money. */
export type HistoryDirection = 'in' | 'out';

/** Who the money moved to or from, as far as the ledger and the order records know. */
export type Counterparty =
  /** `origin` is what the browser reported when the shopper paid; `name` is what the shop called itself. */
  | { kind: 'merchant'; origin: string; name?: string }
  /** A top-up method's provider: the source of a top-up, the one charging its fee, or the card a refund went back to. */
  | { kind: 'method'; method: TopUpMethod }
  | { kind: 'account'; accountId: string };

/** One line of the shopper's history, ready to show or export. */
export interface HistoryRow {
  transferId: string;
  timestamp: number;
  kind: TransferCode;
  direction: HistoryDirection;
  status: HistoryStatus;
  /** Always positive; `direction` says which way it went. */
  amountMinor: number;
  currency: CurrencyCode;
  counterparty: Counterparty;
  /** The order as the shop numbers it, and the wallet's key for it. */
  order?: { key: string; merchantOrderId: string };
}

const MERCHANT_PREFIX = merchantAccount('');
const isMerchant = (accountId: string) => accountId.startsWith(MERCHANT_PREFIX);

const methodOfSource = (accountId: string): TopUpMethod | undefined =>
  (Object.keys(TOP_UP_SOURCE_ACCOUNTS) as TopUpMethod[]).find((method) => TOP_UP_SOURCE_ACCOUNTS[method] === accountId);

/**
 * Posts and voids resolve a hold rather than move money of their own, so the history lists
 * singles and holds, and shows a hold's resolution as its status.
 */
export const isMovement = (transfer: Transfer) => transfer.kind === 'single' || transfer.kind === 'pending';

/**
 * In or out for the shopper. Most movements touch the wallet balance and are read from it; the
 * rest bypass it (paying by card, a provider's fee, a shop refunding to the card, a card check),
 * and a shop or the card check paying back is money in while anything else leaving the shopper's
 * card or account is out.
 */
export function directionOf(transfer: Pick<Transfer, 'debitAccountId' | 'creditAccountId'>): HistoryDirection {
  if (transfer.creditAccountId === ACCOUNTS.shopper) return 'in';
  if (transfer.debitAccountId === ACCOUNTS.shopper) return 'out';
  return isMerchant(transfer.debitAccountId) || transfer.debitAccountId === ACCOUNTS.cardCheck ? 'in' : 'out';
}

/** The wallet's own accounts on the far side of a movement are never who the shopper dealt with. */
const OWN_ACCOUNTS: readonly string[] = [ACCOUNTS.shopper, ACCOUNTS.fees, ACCOUNTS.cardCheck];

function counterpartyOf(transfer: Transfer, order: OrderRecord | undefined): Counterparty {
  const sides = [transfer.debitAccountId, transfer.creditAccountId];
  const merchant = sides.find(isMerchant);
  if (merchant) return { kind: 'merchant', origin: merchant.slice(MERCHANT_PREFIX.length), ...(order ? { name: order.merchantName } : {}) };
  const other = sides.find((accountId) => !OWN_ACCOUNTS.includes(accountId)) ?? transfer.creditAccountId;
  const method = methodOfSource(other);
  return method ? { kind: 'method', method } : { kind: 'account', accountId: other };
}

function statusOf(transfer: Transfer, resolution: Transfer | undefined, order: OrderRecord | undefined): HistoryStatus {
  if (transfer.kind === 'void_pending') return 'voided';
  if (transfer.kind !== 'pending') return 'posted';
  if (resolution) return resolution.kind === 'void_pending' ? 'voided' : 'posted';
  return order?.state === 'checking' ? 'checking' : 'pending';
}

/**
 * Turns a ledger transfer into a history row. `order` is the order record the transfer's
 * `orderId` keys (written with the order's first transfer, so only a damaged database lacks it);
 * `resolution` is the post or void of a hold, if it has been resolved.
 */
export function toHistoryRow(transfer: Transfer, { order, resolution }: { order?: OrderRecord; resolution?: Transfer } = {}): HistoryRow {
  const posted = resolution?.kind === 'post_pending';
  return {
    transferId: transfer.id,
    timestamp: transfer.timestamp,
    kind: transfer.code,
    direction: directionOf(transfer),
    status: statusOf(transfer, resolution, order),
    // A hold may be posted for less than it held; what moved is what was posted.
    amountMinor: posted ? resolution.amountMinor : transfer.amountMinor,
    currency: transfer.currency,
    counterparty: counterpartyOf(transfer, order),
    ...(transfer.orderId ? { order: { key: transfer.orderId, merchantOrderId: order?.orderId ?? transfer.orderId } } : {}),
  };
}
