import { useState } from 'preact/hooks';
import { t, uiLocale } from '@/components/i18n';
import { backupFileName } from '@/lib/backup/format';
import type { RuntimeClient } from '@/lib/protocol/client';
import { useRequest } from '@/components/use-request';
import { saveFile } from '@/components/save-file';
import { fileSize } from './file-size';

/** Downloads the whole wallet as one encrypted file; the background reads and encrypts it, this page only saves it. */
export function ExportBackup({ call }: { call: RuntimeClient }) {
  const { busy, error, run } = useRequest();
  const [saved, setSaved] = useState<string>();

  async function download() {
    setSaved(undefined);
    await run(async () => {
      const { contents, createdAt } = await call({ type: 'backup.export' });
      const name = backupFileName(createdAt);
      saveFile(name, [contents], 'application/json');
      setSaved(t('backupExported', [name, fileSize(contents.length, uiLocale())]));
    });
  }

  return (
    <div class="backup-export" aria-busy={busy}>
      <h3>{t('backupExportTitle')}</h3>
      <div class="form-actions">
        <button
          type="button"
          class="primary"
          data-testid="backup-export"
          disabled={busy}
          aria-describedby={error ? 'backup-export-error' : undefined}
          onClick={() => void download()}
        >
          {busy ? t('backupExporting') : t('backupExportAction')}
        </button>
        {busy && <progress aria-label={t('backupExporting')} />}
      </div>
      {error && (
        <p class="error" id="backup-export-error" role="alert" data-testid="backup-export-error">
          {error}
        </p>
      )}
      <p class="muted" role="status" data-testid="backup-export-status">
        {saved ?? ''}
      </p>
    </div>
  );
}
