import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import { ImportBackupForm } from './ImportBackupForm';
import './backup.css';

/**
 * "Restore from a backup" on a browser with no wallet yet, in place of the sign-up form: the
 * login password the wallet had when the backup was made opens the file, and the restored
 * wallet opens unlocked.
 */
export function RestoreBackup({ call, onDone, onCancel }: { call: RuntimeClient; onDone: () => void; onCancel: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The form replaced the sign-up form under the shopper's focus; the heading says where they are now.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section class="backup-restore" aria-labelledby="restore-title" data-testid="restore-backup">
      <h1 id="restore-title" ref={heading} tabIndex={-1}>
        {t('backupRestoreTitle')}
      </h1>
      <p>{t('backupRestoreIntro')}</p>
      <p class="muted">{t('backupRestoreKeep')}</p>
      <ImportBackupForm call={call} idPrefix="restore-backup" askPassword actionLabel={t('backupRestoreAction')} onImported={onDone} />
      <div class="form-actions">
        <button type="button" data-testid="restore-backup-cancel" onClick={onCancel}>
          {t('backupRestoreBack')}
        </button>
      </div>
    </section>
  );
}
