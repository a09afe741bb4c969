import { render, type ComponentChildren } from 'preact';
import { useCart } from './cart';

export const SHOP_NAME = 'Demo Market';
/** Where shoppers write about their orders; the offer passes it to the wallet for its support letters. */
export const SHOP_SUPPORT_EMAIL = 'help@demo-market.example';

type Page = 'shop' | 'cart' | 'checkout' | 'orders' | 'seller';

function Layout({ page, children }: { page: Page; children: ComponentChildren }) {
  const count = useCart().reduce((sum, line) => sum + line.quantity, 0);
  return (
    <>
      <header class="site-header">
        <div class="wrap header-inner">
          <a class="brand" href="./index.html" aria-current={page === 'shop' ? 'page' : undefined}>
            {SHOP_NAME}
          </a>
          <nav class="site-nav" aria-label="Shop">
            <a class="nav-link" href="./orders.html" aria-current={page === 'orders' ? 'page' : undefined}>
              Orders
            </a>
            <a class="nav-link" href="./seller.html" aria-current={page === 'seller' ? 'page' : undefined}>
              Seller console
            </a>
            <a class="cart-link" href="./cart.html" aria-current={page === 'cart' ? 'page' : undefined}>
              Cart <span class="badge">{count}</span>
              <span class="visually-hidden">{count === 1 ? ' item' : ' items'}</span>
            </a>
          </nav>
        </div>
      </header>
      <main class="wrap">{children}</main>
      <footer class="site-footer wrap">
        Demo shop: no real money moves. Orders show as paid because the wallet&apos;s message on this page said so; any script on a page
        could post the same message, so a real shop waits for its payment provider to confirm each payment to its own server before it
        ships.
      </footer>
    </>
  );
}

/** Renders one page of the shop inside the shared header and footer. */
export function mountPage(page: Page, content: ComponentChildren) {
  const root = document.getElementById('app');
  if (!root) throw new Error('The page has no #app element');
  render(<Layout page={page}>{content}</Layout>, root);
}
