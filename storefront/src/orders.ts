import * as z from 'zod/mini';
import { money } from '../../lib/money-schema';
import { offerItem } from '../../lib/protocol/checkout';

const ORDERS_KEY = 'demo-market-orders';
const ORDER_ID_KEY = 'demo-market-checkout-order-id';

const order = z.strictObject({
  id: z.string(),
  items: z.array(offerItem),
  total: money,
  /** A wallet payment is held in escrow by the wallet until the buyer confirms receipt. */
  method: z.enum(['card', 'wallet']),
  createdAt: z.iso.datetime(),
});
export type Order = z.infer<typeof order>;

function readOrders(): Order[] {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(ORDERS_KEY) ?? '[]');
  } catch {
    stored = undefined;
  }
  const parsed = z.array(order).safeParse(stored);
  // A damaged history is dropped rather than let it block new orders; this is a demo shop.
  return parsed.success ? parsed.data : [];
}

export function saveOrder(value: Order) {
  localStorage.setItem(ORDERS_KEY, JSON.stringify([...readOrders(), value]));
}

/** One id per checkout visit: a reload keeps it, so the wallet sees the same order again. */
export function checkoutOrderId(): string {
  const stored = sessionStorage.getItem(ORDER_ID_KEY);
  if (stored !== null && /^ord_[0-9a-f-]{36}$/.test(stored)) return stored;
  const id = `ord_${crypto.randomUUID()}`;
  sessionStorage.setItem(ORDER_ID_KEY, id);
  return id;
}

/** The next checkout is a new order. */
export const endCheckout = () => sessionStorage.removeItem(ORDER_ID_KEY);
