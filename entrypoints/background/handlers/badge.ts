import type { RuntimeHandlers } from '@/lib/protocol/router';
import type { BackgroundServices } from '../services';

/** The toolbar's badge: what the shopper has seen stops counting. */
export function badgeHandlers({ toolbar }: BackgroundServices) {
  return {
    'badge.seen': async () => {
      await toolbar.seen();
      return { seen: true as const };
    },
  } satisfies Pick<RuntimeHandlers, 'badge.seen'>;
}
