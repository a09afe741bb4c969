import { DATABASE_NAME } from '../../../lib/db';
import type { RuntimeRequest, RuntimeRequestType, RuntimeResponse, RuntimeResult } from '../../../lib/protocol/runtime';
import { TOP_UP_RULES } from '../../../lib/wallet/top-ups/top-up-rules';
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

/** The background's answer to a request that must succeed. */
export async function resultOf<Type extends RuntimeRequestType>(
  page: DriverPage,
  request: Extract<RuntimeRequest, { type: Type }>,
): Promise<RuntimeResult<Type>> {
  const answer = await askBackground(page, request);
  if (!answer.ok) throw new Error(`${request.type} was refused: ${answer.error.code} ${answer.error.message}`);
  return answer.result as RuntimeResult<Type>;
}

/** What a test needs of its wallet besides being signed up (with SIGN_UP_INPUT) and unlocked. */
export interface WalletNeeds {
  /** TEST_CARD saved, when the wallet has no card yet. */
  card?: boolean;
  /** At least this much available, topped up from an e-wallet when short: a fresh wallet then holds exactly this. */
  availableMinor?: number;
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
      await resultOf(page, { type: 'cards.add', card: TEST_CARD });
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
