import { cartSubtotal, MAX_QUANTITY, removeFromCart, setQuantity, useCart } from './cart';
import { mountPage } from './Layout';
import { price } from './products';

function Cart() {
  const lines = useCart();
  if (lines.length === 0) {
    return (
      <section class="card empty">
        <h1>Your cart is empty</h1>
        <p>
          <a href="./index.html">Browse the products</a>
        </p>
      </section>
    );
  }
  return (
    <section class="card cart">
      <h1>Cart</h1>
      <ul class="cart-lines">
        {lines.map(({ product, quantity }) => (
          <li class="cart-line" key={product.id}>
            <div>
              <div class="line-name">{product.name}</div>
              <div class="muted">{price(product.priceMinor)} each</div>
            </div>
            <div class="stepper" role="group" aria-label={`Quantity of ${product.name}`}>
              <button type="button" aria-label="Decrease" disabled={quantity <= 1} onClick={() => setQuantity(product.id, quantity - 1)}>
                −
              </button>
              <span class="quantity" aria-live="polite">
                {quantity}
              </span>
              <button
                type="button"
                aria-label="Increase"
                disabled={quantity >= MAX_QUANTITY}
                onClick={() => setQuantity(product.id, quantity + 1)}
              >
                +
              </button>
            </div>
            <div class="line-total">{price(quantity * product.priceMinor)}</div>
            <button type="button" class="link-button" onClick={() => removeFromCart(product.id)}>
              Remove<span class="visually-hidden"> {product.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <div class="summary-row total">
        <span>Subtotal</span>
        <span>{price(cartSubtotal(lines))}</span>
      </div>
      <p class="muted">Shipping is added at checkout.</p>
      <a class="button primary" href="./checkout.html">
        Checkout
      </a>
    </section>
  );
}

mountPage('cart', <Cart />);
