import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.output/',
      '.wxt/',
      'node_modules/',
      'storefront/dist/',
      'test-results/',
      'playwright-report/',
      // A bundle built from lib/protocol/shop-client.ts and zod, which are linted where they come from.
      'docs/examples/wallet-checkout-client.js',
      // Real sites' and platforms' pages and scripts, kept exactly as they were saved or built.
      'tests/fixtures/checkout/real/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        // WXT auto-imports these into entry points.
        defineBackground: 'readonly',
        defineContentScript: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    // Pages read through the named queries of lib/reads (one read path); only the background opens the tables itself.
    files: ['entrypoints/**', 'components/**'],
    ignores: ['entrypoints/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@/lib/db', message: 'Read through @/lib/reads/wallet-reads: pages never query the tables directly.' }] },
      ],
    },
  },
  {
    // Preact reaches `innerHTML` only through this prop; the README's Permissions section answers web-ext lint's warning with it.
    files: ['**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Set text, never markup: merchant text must not become HTML.',
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: globals.node },
    rules: { 'no-console': 'off' },
  },
);
