import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The ledger benchmark page: the wallet's own code and schema, run in a real browser by scripts/bench.mjs. */
export default defineConfig({
  root,
  base: './',
  build: { outDir: '../.output/bench', emptyOutDir: true },
});
