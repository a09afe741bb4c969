import type { Offer } from '@/lib/protocol/checkout';

/** A valid offer as the demo storefront sends it; tests change one field at a time. */
export function demoOffer(overrides: Partial<Offer> = {}): Offer {
  return {
    orderId: 'ord_1',
    merchantName: 'Demo Market',
    amountMinor: 2997,
    currency: 'USD',
    items: [
      { name: 'Tea', quantity: 2, unitAmountMinor: 999 },
      { name: 'Shipping', quantity: 1, unitAmountMinor: 999 },
    ],
    mount: '#wallet-payment-slot',
    ...overrides,
  };
}
