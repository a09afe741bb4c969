import { days } from '../../business-days';
import type { ShippingKind } from '../../protocol/checkout';

/** How long after shipment escrow releases by itself, as on AliExpress. */
export const PROTECTION_PERIOD_MS: Record<ShippingKind, number> = {
  express: days(10),
  surface: days(30),
  virtual: days(3),
};
