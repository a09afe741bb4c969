import { accountHandlers } from './handlers/account';
import { backupHandlers } from './handlers/backup';
import { claimHandlers } from './handlers/claims';
import { letterHandlers } from './handlers/letters';
import { ON_DEMAND_GLOBAL, type OnDemandFactory } from './on-demand';

// Built as a classic script (`wxt.config.ts`): the worker runs it the first time one of these requests comes.
export const accountScriptHandlers: OnDemandFactory = (services) => ({
  ...accountHandlers(services),
  ...backupHandlers(services),
  ...claimHandlers(services),
  ...letterHandlers(services),
});
(globalThis as Record<string, unknown>)[ON_DEMAND_GLOBAL] = accountScriptHandlers;
