import { useEffect, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { findProduct, type Product } from './products';

const CART_KEY = 'demo-market-cart';
export const MAX_QUANTITY = 99;

const cartSchema = z.array(z.strictObject({ productId: z.string(), quantity: z.int().check(z.minimum(1), z.maximum(MAX_QUANTITY)) }));
type CartEntry = z.infer<typeof cartSchema>[number];
export interface CartLine {
  product: Product;
  quantity: number;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** localStorage is shared with anything else on this origin, so it is parsed like any other input. */
function readEntries(): CartEntry[] {
  const raw = localStorage.getItem(CART_KEY);
  if (raw === null) return [];
  const parsed = cartSchema.safeParse(parseJson(raw));
  if (parsed.success) return parsed.data;
  localStorage.removeItem(CART_KEY);
  return [];
}

/** The cart joined with the catalogue; products no longer sold drop out. */
export function readCart(): CartLine[] {
  return readEntries().flatMap(({ productId, quantity }) => {
    const product = findProduct(productId);
    return product ? [{ product, quantity }] : [];
  });
}

const listeners = new Set<() => void>();

function write(entries: CartEntry[]) {
  localStorage.setItem(CART_KEY, JSON.stringify(entries));
  for (const listener of listeners) listener();
}

export function setQuantity(productId: string, quantity: number) {
  const clamped = Math.min(Math.max(quantity, 0), MAX_QUANTITY);
  const entries = readEntries();
  // Changed in place, so +/- never reorders the cart under the shopper's pointer.
  const next = entries.some((entry) => entry.productId === productId)
    ? entries.map((entry) => (entry.productId === productId ? { productId, quantity: clamped } : entry))
    : [...entries, { productId, quantity: clamped }];
  write(next.filter((entry) => entry.quantity > 0));
}

export function addToCart(productId: string) {
  const current = readEntries().find((entry) => entry.productId === productId)?.quantity ?? 0;
  setQuantity(productId, current + 1);
}

export const removeFromCart = (productId: string) => setQuantity(productId, 0);
export const clearCart = () => write([]);

export const cartSubtotal = (lines: readonly CartLine[]): number =>
  lines.reduce((sum, line) => sum + line.quantity * line.product.priceMinor, 0);

/** The live cart, following changes made on this page and in other tabs. */
export function useCart(): CartLine[] {
  const [lines, setLines] = useState(readCart);
  useEffect(() => {
    const update = () => setLines(readCart());
    const onStorage = (event: StorageEvent) => {
      if (event.key === CART_KEY || event.key === null) update();
    };
    listeners.add(update);
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(update);
      window.removeEventListener('storage', onStorage);
    };
  }, []);
  return lines;
}
