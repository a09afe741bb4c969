import type { RuntimeHandlers } from '@/lib/protocol/router';
import { openClaim } from '@/lib/wallet/claims/claims';
import { unwrap } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';

/** A buyer-protection claim opened from the wallet page: rare beside a checkout, so run on demand. */
export function claimHandlers({ context, unlocked, afterChange }: BackgroundServices) {
  return {
    'claims.open': (request) => unlocked(() => afterChange(openClaim(context, request).then(unwrap))),
  } satisfies Pick<RuntimeHandlers, 'claims.open'>;
}
