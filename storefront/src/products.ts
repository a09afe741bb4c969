import { formatMoney } from '../../lib/money';

export interface Product {
  id: string;
  name: string;
  description: string;
  /** USD cents. */
  priceMinor: number;
}

export const CURRENCY = 'USD';

export const PRODUCTS: readonly Product[] = [
  { id: 'mug', name: 'Stoneware Mug', description: 'Hand-glazed, 350 ml, keeps coffee warm a little longer.', priceMinor: 1800 },
  {
    id: 'notebook',
    name: 'Dot-Grid Notebook',
    description: 'A5, 160 pages of 100 gsm paper that takes fountain pens.',
    priceMinor: 1250,
  },
  { id: 'tote', name: 'Canvas Tote', description: 'Heavy cotton with an inside pocket for keys and a phone.', priceMinor: 2400 },
  { id: 'lamp', name: 'Desk Lamp', description: 'Warm LED, three brightness steps, USB-C powered.', priceMinor: 4999 },
  { id: 'socks', name: 'Merino Socks', description: 'Two pairs, soft and warm, in charcoal and oat.', priceMinor: 1995 },
  { id: 'plant', name: 'Pocket Succulent', description: 'A small echeveria in a 6 cm terracotta pot.', priceMinor: 899 },
];

export const SHIPPING = { name: 'Standard shipping', priceMinor: 499 };

const byId = new Map(PRODUCTS.map((product) => [product.id, product]));
export const findProduct = (id: string): Product | undefined => byId.get(id);

/** Formats cents as dollars from the exact decimal string, never through a float. */
export const price = (amountMinor: number): string => formatMoney({ amountMinor, currency: CURRENCY }, 'en-US');
