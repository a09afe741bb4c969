import { useState } from 'preact/hooks';
import type { ShippingKind } from '../../lib/protocol/checkout';

/** The kind of shipment sets how long the wallet protects the buyer before it pays the shop by itself. */
const KINDS: { value: ShippingKind; label: string }[] = [
  { value: 'express', label: 'Express' },
  { value: 'surface', label: 'Surface mail' },
  { value: 'virtual', label: 'Virtual (digital delivery)' },
];

/** `notYet` says why the order cannot ship yet (its payment is in check): the form is shown, switched off, with the reason. */
export function ShipForm({
  busy,
  notYet,
  onShip,
}: {
  busy: boolean;
  notYet?: { id: string; text: string };
  onShip: (kind: ShippingKind) => void;
}) {
  const [kind, setKind] = useState<ShippingKind>('express');
  return (
    <form
      class="order-form inline-form"
      aria-label="Mark shipped"
      aria-describedby={notYet?.id}
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
          disabled={notYet !== undefined}
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
      <button type="submit" class="primary" data-testid="mark-shipped" disabled={busy || notYet !== undefined}>
        Mark shipped
      </button>
      {notYet && (
        <p class="muted small ship-not-yet" id={notYet.id} data-testid="ship-not-yet">
          {notYet.text}
        </p>
      )}
    </form>
  );
}
