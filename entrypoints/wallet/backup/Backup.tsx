import { useRef, useState } from 'preact/hooks';
import { t, tKey, uiLocale } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { ImportCounts } from '@/lib/backup/counts';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';
import { ExportBackup } from './ExportBackup';
import { ImportBackupForm } from './ImportBackupForm';
import { ImportSummary } from './ImportSummary';
import './backup.css';

/** The kinds of record a shopper recognises, counted live so the section says what a backup would hold now. */
const SHOWN = ['transfers', 'orders', 'refunds', 'topUps', 'cards', 'documents', 'letters'] as const;

/**
 * Backup and restore inside an unlocked wallet: download the whole wallet as a file encrypted
 * with its own key, and import one of its own backups, which only ever adds what is missing.
 */
export function Backup({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const counts = useLiveQuery(() => reads.recordCounts(SHOWN), [reads]);
  const [imported, setImported] = useState<ImportCounts>();
  const summary = useRef<HTMLDivElement>(null);
  const number = new Intl.NumberFormat(uiLocale());

  return (
    <section class="card backup-section" aria-labelledby="backup-title" aria-busy={counts.status === 'loading'}>
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <p>{t('backupIntro')}</p>
      <p class="muted">{t('backupEncrypted')}</p>
      {counts.status === 'ready' && (
        <dl class="backup-contents" aria-label={t('backupHoldsLabel')}>
          {SHOWN.map((name) => (
            <div key={name}>
              <dt>{tKey(`backupKind_${name}`)}</dt>
              <dd data-testid={`backup-holds-${name}`}>{number.format(counts.value[name])}</dd>
            </div>
          ))}
        </dl>
      )}
      {counts.status === 'failed' && (
        <p class="error" role="alert">
          {t('backupLoadFailed', [counts.error.message])}
        </p>
      )}
      <ExportBackup call={call} />
      <h3>{t('backupImportTitle')}</h3>
      <p class="muted">{t('backupImportIntro')}</p>
      <ImportBackupForm
        call={call}
        idPrefix="backup-import"
        askPassword={false}
        actionLabel={t('backupImportAction')}
        onImported={(result) => {
          setImported(result.tables);
          // The summary replaces nothing on screen, so focus goes to it for screen readers and keyboards alike.
          requestAnimationFrame(() => summary.current?.focus());
        }}
      />
      {imported && (
        <div ref={summary} tabIndex={-1}>
          <ImportSummary tables={imported} />
        </div>
      )}
    </section>
  );
}
