import type { InputHTMLAttributes } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Offer, OrderStatus } from '../../lib/protocol/checkout';
import { clearCart, readCart, type CartLine } from './cart';
import { mountPage, SHOP_NAME, SHOP_SUPPORT_EMAIL } from './Layout';
import { checkEndText } from './order-words';
import { checkoutOrderId, endCheckout, orderEventNow, saveOrder } from './orders';
import { CURRENCY, price, SHIPPING } from './products';
import { offerToWallet, type WalletEvent } from '../../lib/protocol/shop-client';

const WALLET_SLOT_ID = 'wallet-payment-slot';

/** Shipping is an item of its own, so amountMinor is exactly the sum of the items, as the protocol requires. */
function buildOffer(orderId: string, lines: readonly CartLine[]): Offer {
  const items = [
    ...lines.map(({ product, quantity }) => ({ name: product.name, quantity, unitAmountMinor: product.priceMinor })),
    { name: SHIPPING.name, quantity: 1, unitAmountMinor: SHIPPING.priceMinor },
  ];
  return {
    orderId,
    merchantName: SHOP_NAME,
    amountMinor: items.reduce((sum, item) => sum + item.quantity * item.unitAmountMinor, 0),
    currency: CURRENCY,
    items,
    mount: `#${WALLET_SLOT_ID}`,
    supportEmail: SHOP_SUPPORT_EMAIL,
  };
}

function walletStatusText(event: WalletEvent): string {
  switch (event.type) {
    case 'presented':
      return '';
    case 'error':
      return `Wallet: ${event.message}`;
    case 'rejected':
      return `Wallet payment cancelled: ${event.message.replace(/[.\s]+$/, '')}. Choose a payment method to continue.`;
    case 'held':
      return '';
  }
}

function Field({ label, ...input }: { label: string } & InputHTMLAttributes) {
  return (
    <label class="field">
      <span>{label}</span>
      <input required {...input} />
    </label>
  );
}

function OrderSummary({ offer }: { offer: Offer }) {
  return (
    <aside class="card summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Order summary</h2>
      <ul class="summary-lines">
        {offer.items.map((item) => (
          <li class="summary-row" key={item.name}>
            <span>
              {item.name}
              {item.quantity > 1 && <span class="muted"> × {item.quantity}</span>}
            </span>
            <span>{price(item.quantity * item.unitAmountMinor)}</span>
          </li>
        ))}
      </ul>
      <div class="summary-row total">
        <span>Total</span>
        <span data-testid="checkout-total">{price(offer.amountMinor)}</span>
      </div>
      <p class="muted small">Order {offer.orderId}</p>
    </aside>
  );
}

type Placed = { orderId: string; method: 'card' | 'wallet'; status?: OrderStatus };

function Checkout({ lines, onPlaced }: { lines: readonly CartLine[]; onPlaced: (placed: Placed) => void }) {
  const [offer] = useState(() => buildOffer(checkoutOrderId(), lines));
  const [cardChosen, setCardChosen] = useState(false);
  const [walletStatus, setWalletStatus] = useState('');

  function place(method: 'card' | 'wallet', status?: OrderStatus) {
    saveOrder({
      id: offer.orderId,
      items: offer.items,
      total: { amountMinor: offer.amountMinor, currency: offer.currency },
      method,
      createdAt: new Date().toISOString(),
      ...(status ? { status } : {}),
      history: [orderEventNow(status ? paidText(status) : 'Paid by card.')],
    });
    clearCart();
    endCheckout();
    onPlaced({ orderId: offer.orderId, method, ...(status ? { status } : {}) });
  }

  useEffect(
    () =>
      offerToWallet(offer, (event) => {
        // The wallet paid into escrow: the order is placed, with the money held by the wallet.
        if (event.type === 'held') place('wallet', event.status);
        else setWalletStatus(walletStatusText(event));
      }),
    [offer],
  );

  // Only the card path submits; the browser has already checked every required field and pattern.
  // The card fields are never read: the demo charges nothing and keeps no card data.
  function placeOrder(event: SubmitEvent) {
    event.preventDefault();
    place('card');
  }

  return (
    <>
      <h1>Checkout</h1>
      <div class="checkout">
        <form class="checkout-form" onSubmit={placeOrder}>
          <fieldset class="card">
            <legend>Shipping address</legend>
            <Field label="Full name" name="name" autocomplete="shipping name" />
            <Field label="Street address" name="street" autocomplete="shipping street-address" />
            <div class="field-row">
              <Field label="City" name="city" autocomplete="shipping address-level2" />
              <Field label="Postcode" name="postcode" autocomplete="shipping postal-code" />
            </div>
            <Field label="Country" name="country" autocomplete="shipping country-name" />
          </fieldset>

          <fieldset class="card payment-methods">
            <legend>Payment method</legend>
            <label class="method">
              <input type="radio" name="method" value="card" required checked={cardChosen} onChange={() => setCardChosen(true)} />
              <span>Card</span>
            </label>
            {cardChosen && (
              <div class="card-form">
                <Field label="Name on card" name="cc-name" autocomplete="cc-name" />
                <Field
                  label="Card number"
                  name="cc-number"
                  autocomplete="cc-number"
                  inputMode="numeric"
                  pattern="[0-9 ]{12,23}"
                  maxLength={23}
                  title="12 to 19 digits"
                />
                <div class="field-row">
                  <Field
                    label="Expiry (MM/YY)"
                    name="cc-exp"
                    autocomplete="cc-exp"
                    placeholder="MM/YY"
                    pattern="(0[1-9]|1[0-2]) ?/ ?[0-9]{2}"
                    maxLength={7}
                    title="Month and year, as MM/YY"
                  />
                  <Field
                    label="Security code"
                    name="cc-csc"
                    autocomplete="cc-csc"
                    inputMode="numeric"
                    pattern="[0-9]{3,4}"
                    maxLength={4}
                    title="3 or 4 digits"
                  />
                </div>
              </div>
            )}
            {/* The wallet extension mounts its "Pay with wallet" option here; empty (and hidden) without it. */}
            <div id={WALLET_SLOT_ID} data-testid="wallet-slot" />
          </fieldset>
          <p id="wallet-status" class="wallet-status" role="status">
            {walletStatus}
          </p>

          <button type="submit" class="primary wide">
            Place order · {price(offer.amountMinor)}
          </button>
        </form>
        <OrderSummary offer={offer} />
      </div>
    </>
  );
}

function paidText(status: OrderStatus): string {
  return status.state === 'checking'
    ? `Paid with the wallet: the payment is in check until ${checkEndText(status)}, the money held meanwhile.`
    : 'Paid with the wallet: the money is held in escrow.';
}

function Confirmation({ orderId, method, status }: Placed) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the shopper was in is gone; move focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card confirmation">
      <h1 tabIndex={-1} ref={heading}>
        Thank you!
      </h1>
      <p data-testid="order-confirmation" data-order-id={orderId}>
        {method === 'card'
          ? `Order ${orderId} placed. Paid by card (simulated: no card was charged).`
          : `Order ${orderId} placed. Paid with your wallet: the money is held until you confirm you received the order.`}
      </p>
      {status?.state === 'checking' && (
        <p data-testid="payment-check-note">
          Your wallet is checking this payment and accepts it by {checkEndText(status)}. We ship once it is accepted; until then you can
          cancel the order from your orders and have the money back at once.
        </p>
      )}
      {method === 'wallet' && (
        // Any script in a page can post the wallet's "held" message; a real shop would wait for its payment provider's server.
        <p class="muted small" data-testid="demo-trust-note">
          Demo shop: this page marks the order paid because the wallet's message on the page said so. A real shop ships only once its
          payment provider has confirmed the payment to the shop's own server: any script on a page could post the same message.
        </p>
      )}
      <div class="confirmation-actions">
        {method === 'wallet' && (
          <a class="button primary" href="./orders.html" data-testid="see-orders">
            See your orders
          </a>
        )}
        <a class={method === 'wallet' ? 'button' : 'button primary'} href="./index.html">
          Continue shopping
        </a>
      </div>
    </section>
  );
}

function CheckoutPage() {
  // A snapshot: the order offered to the wallet must not change if another tab edits the cart.
  const [lines] = useState(readCart);
  const [placed, setPlaced] = useState<Placed | undefined>();
  if (placed) return <Confirmation {...placed} />;
  if (lines.length === 0) {
    return (
      <section class="card empty">
        <h1>Your cart is empty</h1>
        <p>
          There is nothing to check out yet. <a href="./index.html">Back to the shop</a>
        </p>
      </section>
    );
  }
  return <Checkout lines={lines} onPlaced={setPlaced} />;
}

mountPage('checkout', <CheckoutPage />);
