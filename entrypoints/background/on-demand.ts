import type { RuntimeHandlers } from '@/lib/protocol/router';
import type { BackgroundServices } from './services';

/**
 * The handlers the worker runs on demand, built into a classic script of their own (`on-demand-script.ts`,
 * `wxt.config.ts`): every wake of the service worker parses all the background carries, and these requests
 * are rare beside a checkout, a balance or a history page, while their code (sign-up and its phone numbering
 * plans, recovery, contacts, security settings, identity documents, backups, letters, claims) weighs as much as the rest.
 */
export const ON_DEMAND_FILE = 'account-handlers.js';
export const ON_DEMAND_GLOBAL = 'walletAccountHandlers';

export const ON_DEMAND_REQUESTS = [
  'account.signUp',
  'account.unlock',
  'account.lock',
  'account.recover',
  'account.reactivate',
  'account.confirmReactivation',
  'account.profile',
  'contacts.resend',
  'contacts.confirm',
  'settings.loginPassword',
  'settings.paymentPassword',
  'settings.resetPaymentPassword',
  'settings.phone',
  'settings.email',
  'settings.address',
  'settings.preferences',
  'identity.submit',
  'backup.export',
  'backup.import',
  'claims.open',
  'letters.write',
  'letters.open',
] as const;

export type OnDemandHandlers = Pick<RuntimeHandlers, (typeof ON_DEMAND_REQUESTS)[number]>;

/** What the script leaves under `ON_DEMAND_GLOBAL`: the handlers, given the worker's services. */
export type OnDemandFactory = (services: BackgroundServices) => OnDemandHandlers;

/** Takes the factory the script left, or throws when it left none. */
export function onDemandFactory(): OnDemandFactory {
  const factory = (globalThis as Record<string, unknown>)[ON_DEMAND_GLOBAL];
  if (typeof factory !== 'function') throw new Error(`${ON_DEMAND_FILE} left no handlers`);
  return factory as OnDemandFactory;
}

/** The router's entries for these requests: each runs the script the first time one is asked for, then its handler. */
export function onDemandHandlers(load: () => Promise<OnDemandHandlers>): OnDemandHandlers {
  const entries = ON_DEMAND_REQUESTS.map((type) => [type, async (request: never, sender: never) => (await load())[type](request, sender)]);
  return Object.fromEntries(entries) as OnDemandHandlers;
}
