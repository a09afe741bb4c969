import { openLetter, writeLetter } from '@/lib/letters/letters';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { unwrap } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';

/** Support letters: sealed and opened with the vault key, so both need the wallet unlocked. */
export function letterHandlers({ context, unlocked }: BackgroundServices) {
  return {
    'letters.write': ({ id, about, letter }) => unlocked(async (key) => unwrap(await writeLetter(context, key, { id, about, letter }))),
    'letters.open': ({ id }) => unlocked(async (key) => unwrap(await openLetter(context.db, key, id))),
  } satisfies Pick<RuntimeHandlers, 'letters.write' | 'letters.open'>;
}
