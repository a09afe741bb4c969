import { DATABASE_NAME } from '../../../lib/db';
import { expect } from '@playwright/test';
import type { RuntimeRequest, RuntimeRequestType, RuntimeResponse, RuntimeResult } from '../../../lib/protocol/runtime';
import { TOP_UP_RULES } from '../../../lib/wallet/top-ups/top-up-rules';
import { png } from '../../unit/support/images';
import { SIGN_UP_INPUT, TEST_CARD } from '../../wallet-input/sign-up-input';
import { poll, type DriverPage, type WalletDriver } from './driver';

/**
 * An extension page that never opens the database itself, so tests can look at IndexedDB as the
 * background left it. The confirm window without an approval only shows an error.
 */
export async function openExtensionOrigin(wallet: WalletDriver): Promise<DriverPage> {
  const page = await wallet.newPage();
  await page.goto(wallet.extensionUrl('/confirm.html'));
  await page.waitFor('main');
  return page;
}

/** The wallet database's object stores, or undefined while it does not exist. */
export function storesOf(page: DriverPage): Promise<string[] | undefined> {
  return page.evaluate(async (name) => {
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === name)) return undefined;
    return new Promise<string[]>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => {
        resolve([...request.result.objectStoreNames].sort());
        request.result.close();
      };
      request.onerror = () => reject(request.error);
    });
  }, DATABASE_NAME);
}

/**
 * Asks the background from an extension page, as the wallet's own pages do, and returns its
 * answer. Tests use it for steps whose pages come in later issues (sign-up, top-up forms).
 */
export function askBackground(page: DriverPage, message: RuntimeRequest): Promise<RuntimeResponse> {
  return page.evaluate((message) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<RuntimeResponse> } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    return (scope.browser ?? scope.chrome).runtime.sendMessage(message);
  }, message);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/**
 * Verifies the wallet's identity in sped-up wallet time, as a shopper who sent their passport
 * would be after the review: limits of $5,000, and purchases accepted without a payment check.
 * The clock runs at its normal speed again afterwards.
 */
export async function verifyIdentity(page: DriverPage): Promise<void> {
  expect(
    await askBackground(page, {
      type: 'identity.submit',
      submission: {
        documentType: 'passport',
        files: [
          { side: 'photo_page', name: 'photo-page.png', bytes: base64(png(1200, 800)) },
          { side: 'cover', name: 'cover.png', bytes: base64(png(1200, 800)) },
        ],
      },
    }),
  ).toMatchObject({ ok: true });
  expect(await askBackground(page, { type: 'clock.setSpeedup', speedup: 100_000 })).toMatchObject({ ok: true });
  await expect
    .poll(async () => JSON.stringify(await askBackground(page, { type: 'wallet.state' })), { timeout: 30_000 })
    .toContain('"verified":true');
  expect(await askBackground(page, { type: 'clock.setSpeedup', speedup: 1 })).toMatchObject({ ok: true });
}

/** The background's answer to a request that must succeed. */
export async function resultOf<Type extends RuntimeRequestType>(
  page: DriverPage,
  request: Extract<RuntimeRequest, { type: Type }>,
): Promise<RuntimeResult<Type>> {
  const answer = await askBackground(page, request);
  if (!answer.ok) throw new Error(`${request.type} was refused: ${answer.error.code} ${answer.error.message}`);
  return answer.result as RuntimeResult<Type>;
}

/** Confirms the email and the phone with the codes the simulated inbox holds, as the shopper types them. */
export async function confirmContacts(page: DriverPage): Promise<void> {
  const codes = await page.evaluate(
    (name) =>
      new Promise<{ channel: 'email' | 'phone'; code?: string }[]>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('inbox').objectStore('inbox').getAll();
          all.onsuccess = () => {
            resolve(all.result as { channel: 'email' | 'phone'; code: string }[]);
            request.result.close();
          };
        };
      }),
    DATABASE_NAME,
  );
  for (const channel of ['email', 'phone'] as const) {
    // Codes only: the inbox also keeps notices of changes, which carry none.
    const { code } = codes.filter((message) => message.channel === channel && message.code !== undefined).at(-1)!;
    await resultOf(page, { type: 'contacts.confirm', channel, code: code! });
  }
}

/** What a test needs of its wallet besides being signed up (with SIGN_UP_INPUT) and unlocked. */
export interface WalletNeeds {
  /** TEST_CARD saved, when the wallet has no card yet. */
  card?: boolean;
  /** At least this much available, topped up from an e-wallet when short: a fresh wallet then holds exactly this. */
  availableMinor?: number;
  /** Identity verified, so purchases go straight into escrow rather than a payment check. */
  verified?: boolean;
}

/**
 * Brings a wallet to what a test needs through the background, as the wallet's own pages would ask:
 * only what is missing is done, so any number of tests can ask it of one wallet, in any order.
 */
export async function prepareWallet(wallet: WalletDriver, needs: WalletNeeds): Promise<void> {
  const page = await openExtensionOrigin(wallet);
  try {
    await poll(() => storesOf(page), 'the wallet database');
    const state = await resultOf(page, { type: 'wallet.state' });
    if (state.wallet === null) await resultOf(page, { type: 'account.signUp', form: SIGN_UP_INPUT });
    else if (state.locked) await resultOf(page, { type: 'account.unlock', loginPassword: SIGN_UP_INPUT.loginPassword });
    if (needs.card && (await resultOf(page, { type: 'cards.list' })).cards.length === 0)
      await resultOf(page, { type: 'cards.add', card: TEST_CARD, paymentPassword: SIGN_UP_INPUT.paymentPassword });
    if (needs.verified && !JSON.stringify(state).includes('"verified":true')) await verifyIdentity(page);
    if (needs.availableMinor !== undefined) {
      const missing = needs.availableMinor - (await resultOf(page, { type: 'wallet.balance' })).available.amountMinor;
      if (missing > 0)
        await resultOf(page, {
          type: 'topUps.create',
          id: `needs-${crypto.randomUUID()}`,
          method: 'e_wallet',
          // SIGN_UP_INPUT's wallet is in US dollars, the currency the rules are stated in.
          amountMinor: Math.max(missing, TOP_UP_RULES.e_wallet.minUsdMinor),
        });
    }
  } finally {
    await page.close();
  }
}
