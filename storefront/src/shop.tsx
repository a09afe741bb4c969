import { addToCart, MAX_QUANTITY, useCart } from './cart';
import { mountPage } from './Layout';
import { PRODUCTS, price } from './products';

function Shop() {
  const cart = useCart();
  const inCart = (id: string) => cart.find((line) => line.product.id === id)?.quantity ?? 0;
  return (
    <>
      <h1>Products</h1>
      <ul class="products">
        {PRODUCTS.map((product, index) => {
          const quantity = inCart(product.id);
          return (
            <li class="product card" key={product.id}>
              {/* A placeholder picture: the demo ships no images. */}
              <div class="swatch" style={{ '--hue': String(index * 57 + 200) }} aria-hidden="true">
                {product.name.charAt(0)}
              </div>
              <h2>{product.name}</h2>
              <p class="muted">{product.description}</p>
              <div class="product-foot">
                <span class="price">{price(product.priceMinor)}</span>
                <button type="button" class="primary" disabled={quantity >= MAX_QUANTITY} onClick={() => addToCart(product.id)}>
                  Add to cart<span class="visually-hidden">: {product.name}</span>
                </button>
              </div>
              <p class="in-cart muted" aria-live="polite">
                {quantity > 0 && `${quantity} in cart`}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}

mountPage('shop', <Shop />);
