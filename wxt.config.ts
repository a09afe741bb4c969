import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { defineConfig } from 'wxt';
import { PASSWORD_SCORER_FILE } from './lib/account/password-scorer';
import { ON_DEMAND_FILE } from './entrypoints/background/on-demand';
import { CARD_FILL_MODULE, CHECKOUT_MATCHES, INLINE_FRAME_PAGE, INLINE_FRAMES_MODULE } from './lib/checkout/matches';
import { iconFiles } from './lib/toolbar';
import { PRIVACY_PAGE } from './lib/help/privacy-page';
import { privacyPage } from './scripts/privacy-page.mjs';

export const GECKO_ID = 'wallet-checkout-helper@example.com';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // The sources zip Firefox's store asks for holds what builds the extension, not run artifacts.
  // The store listing's pictures are made from the built extension (store-screenshots.spec.ts, scripts/store-tile.mjs,
  // scripts/toolbar-shots.mjs), not part of it.
  zip: {
    excludeSources: [
      'test-results/**',
      'bench-results/**',
      'storefront/dist/**',
      'playwright-report/**',
      'docs/screenshots/**',
      'docs/store/screenshots/**',
      'docs/store/toolbar/**',
      'docs/store/*.png',
    ],
  },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Modules the checkout content script imports only when a page needs them, to keep that script
    // small on the many pages that need neither: the card-fill module (detectors, offer, fill) on pages
    // that look like they hold a card form, and the frames module on the first offer or card form.
    'build:publicAssets': async (_wxt, files) => {
      // The background's password scorer and on-demand handlers are classic scripts: its service worker cannot import a module on demand.
      const modules: [entry: string, dest: string, format: 'esm' | 'iife'][] = [
        ['lib/checkout/fill-offer.ts', CARD_FILL_MODULE, 'esm'],
        ['lib/inline/mount-frame.ts', INLINE_FRAMES_MODULE, 'esm'],
        ['lib/account/password-scorer-script.ts', PASSWORD_SCORER_FILE, 'iife'],
        ['entrypoints/background/on-demand-script.ts', ON_DEMAND_FILE, 'iife'],
      ];
      for (const [entry, dest, format] of modules) {
        const built = await build({
          entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
          bundle: true,
          format,
          minify: true,
          write: false,
          target: 'es2022',
          legalComments: 'none',
        });
        files.push({ relativeDest: dest, contents: built.outputFiles[0]!.text });
      }
      // The privacy policy as a page of the extension's own, so Help opens it offline.
      const policy = readFileSync(fileURLToPath(new URL('docs/privacy.md', import.meta.url)), 'utf8');
      files.push({ relativeDest: PRIVACY_PAGE, contents: privacyPage(policy) });
    },
    'vite:build:extendConfig': (entrypoints, config) => {
      // Only the background needs webextension-polyfill: Chrome's own runtime.onMessage cannot
      // answer with a promise. The content script and the extension pages only send messages, read
      // storage, open tabs and translate, which return promises natively in Chrome MV3 and Firefox,
      // so they take the browser's own object and stay within their budgets (docs/budgets.md: the content
      // script runs on every storefront page within 15 KB, the popup within 45 KB).
      if (entrypoints.every((entrypoint) => entrypoint.type !== 'background')) {
        config.resolve ??= {};
        const aliases = config.resolve.alias ?? [];
        const others = Array.isArray(aliases) ? aliases : Object.entries(aliases).map(([find, replacement]) => ({ find, replacement }));
        config.resolve.alias = [
          { find: /^wxt\/browser$/, replacement: fileURLToPath(import.meta.resolve('wxt/browser')) },
          ...others.filter((alias) => alias.find !== 'wxt/browser'),
        ];
      }
      // Extension pages share one build; vendor chunks of their own let each page load only the
      // libraries it uses (budgets in docs/budgets.md). Scripts built as single files are left alone.
      if (!entrypoints.every((entrypoint) => entrypoint.inputPath.endsWith('.html'))) return;
      config.build ??= {};
      config.build.rollupOptions ??= {};
      config.build.rollupOptions.output = {
        ...config.build.rollupOptions.output,
        manualChunks: (id: string) => /node_modules\/(zod|dexie|preact)\//.exec(id)?.[1],
      };
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // Only the on-demand modules and the wallet's frame on store pages, only for the pages the checkout
    // content script runs on; Chrome serves them under a per-session address so pages cannot use them
    // to tell that the wallet is installed.
    web_accessible_resources:
      manifestVersion === 3
        ? [{ resources: [CARD_FILL_MODULE, INLINE_FRAMES_MODULE, INLINE_FRAME_PAGE], matches: CHECKOUT_MATCHES, use_dynamic_url: true }]
        : [CARD_FILL_MODULE, INLINE_FRAMES_MODULE, INLINE_FRAME_PAGE],
    // Rendered from assets/icon.svg by modules/icons.ts; the background shows the locked variant while the wallet is locked.
    icons: iconFiles('wallet'),
    // Named for each manifest version: WXT adds the popup to MV2's browser_action before it would convert an MV3 action.
    [manifestVersion === 3 ? 'action' : 'browser_action']: { default_title: '__MSG_extName__', default_icon: iconFiles('wallet') },
    content_security_policy:
      manifestVersion === 3
        ? { extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'" }
        : "script-src 'self'; object-src 'self'; base-uri 'none'",
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions needs Firefox 140 on desktop and 142 on Android. None, as docs/privacy.md
            // says: the wallet sends nothing off the device, and hands a page only its own order's outcome, or a
            // card the shopper asked it to type there, as they could themselves.
            gecko: {
              id: GECKO_ID,
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
