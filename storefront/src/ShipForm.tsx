import { useState } from 'preact/hooks';
import type { ShippingKind } from '../../lib/protocol/checkout';

/** The kind of shipment sets how long the wallet protects the buyer before it pays the shop by itself. */
const KINDS: { value: ShippingKind; label: string }[] = [
  { value: 'express', label: 'Express' },
  { value: 'surface', label: 'Surface mail' },
  { value: 'virtual', label: 'Virtual (digital delivery)' },
];

export function ShipForm({ busy, onShip }: { busy: boolean; onShip: (kind: ShippingKind) => void }) {
  const [kind, setKind] = useState<ShippingKind>('express');
  return (
    <form
      class="order-form inline-form"
      aria-label="Mark shipped"
      onSubmit={(event) => {
        event.preventDefault();
        onShip(kind);
      }}
    >
      <label class="field">
        <span>Shipping</span>
        <select
          name="shipKind"
          data-testid="ship-kind"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as ShippingKind)}
        >
          {KINDS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary" data-testid="mark-shipped" disabled={busy}>
        Mark shipped
      </button>
    </form>
  );
}
