import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The demo storefront: the shop's pages, the shopper's orders and the seller console, built to
 * storefront/dist and served by scripts/storefront-server.mjs.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [preact()],
  // The same port as the static server, so the extension sees the same origin in dev and in builds.
  server: { port: 5178, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: `${root}index.html`,
        cart: `${root}cart.html`,
        checkout: `${root}checkout.html`,
        orders: `${root}orders.html`,
        seller: `${root}seller.html`,
      },
    },
  },
});
