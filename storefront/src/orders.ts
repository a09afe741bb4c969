import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { money } from '../../lib/money-schema';
import { offerItem, orderStatus, type OrderStatus } from '../../lib/protocol/checkout';
import { STATE_LABELS } from './order-words';

const ORDERS_KEY = 'demo-market-orders';
const ORDER_ID_KEY = 'demo-market-checkout-order-id';

/** Something that happened to an order, as this shop saw it; the wallet's status stays the source of truth. */
const orderEvent = z.strictObject({ at: z.iso.datetime(), text: z.string() });
type OrderEvent = z.infer<typeof orderEvent>;

const order = z.strictObject({
  id: z.string(),
  items: z.array(offerItem),
  total: money,
  /** A wallet payment is held in escrow by the wallet until the buyer confirms receipt. */
  method: z.enum(['card', 'wallet']),
  createdAt: z.iso.datetime(),
  /** The wallet's last answer about a wallet order. */
  status: z.optional(orderStatus),
  /** Orders saved before the history was kept start with none. */
  history: z._default(z.array(orderEvent), []),
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

const listeners = new Set<() => void>();

function writeOrders(orders: readonly Order[]) {
  localStorage.setItem(ORDERS_KEY, JSON.stringify(orders));
  for (const listener of listeners) listener();
}

export const orderEventNow = (text: string): OrderEvent => ({ at: new Date().toISOString(), text });

export function saveOrder(value: Order) {
  writeOrders([...readOrders(), value]);
}

/** Stores what the wallet said about an order, noting `event` (or the new state) in its history. */
export function recordStatus(orderId: string, status: OrderStatus, event?: string) {
  writeOrders(
    readOrders().map((stored) => {
      if (stored.id !== orderId) return stored;
      const changed = stored.status?.state !== status.state;
      const text = event ?? (changed ? `The wallet reports: ${STATE_LABELS[status.state].toLowerCase()}.` : undefined);
      return { ...stored, status, history: text ? [...stored.history, orderEventNow(text)] : stored.history };
    }),
  );
}

/** The live list of orders, newest first, following changes made on this page and in other tabs. */
export function useOrders(): Order[] {
  const [orders, setOrders] = useState(readOrders);
  useEffect(() => {
    const update = () => setOrders(readOrders());
    const onStorage = (event: StorageEvent) => {
      if (event.key === ORDERS_KEY || event.key === null) update();
    };
    listeners.add(update);
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(update);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return [...orders].reverse();
}

export const walletOrders = (): Order[] => readOrders().filter((stored) => stored.method === 'wallet');

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
