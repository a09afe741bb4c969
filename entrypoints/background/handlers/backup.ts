import { exportBackup } from '@/lib/backup/export';
import { importBackup } from '@/lib/backup/import';
import type { RuntimeHandlers } from '@/lib/protocol/router';
import { DEFAULT_AUTO_LOCK_MINUTES } from '@/lib/account/records';
import { unwrap } from '@/lib/wallet/unwrap';
import type { BackgroundServices } from '../services';

/**
 * Backup and restore. Exporting needs the unlocked key (the payload is encrypted under it);
 * importing into this wallet needs it too, while a restore on a fresh install opens the file
 * with the login password and leaves the restored wallet unlocked, as signing up does.
 * The jobs' alarm is re-armed after, since a backup may bring back work still to do.
 */
export function backupHandlers({ context, session, afterChange }: BackgroundServices) {
  return {
    'backup.export': async () => unwrap(await exportBackup(context, await session.require())),
    'backup.import': async ({ contents, loginPassword }) => {
      const sessionKey = await session.current();
      const { tables, restored, dataKey } = unwrap(
        await importBackup(context, { contents, ...(loginPassword ? { loginPassword } : {}), ...(sessionKey ? { sessionKey } : {}) }),
      );
      if (restored) {
        const security = await context.db.security.get('security');
        await session.unlock(dataKey, security?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES);
      }
      return afterChange(Promise.resolve({ tables, restored }));
    },
  } satisfies Pick<RuntimeHandlers, 'backup.export' | 'backup.import'>;
}
