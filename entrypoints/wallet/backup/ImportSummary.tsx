import { t, tKey, uiLocale } from '@/components/i18n';
import type { ImportCounts, MergeCounts } from '@/lib/backup/counts';
import { TABLE_NAMES } from '@/lib/backup/tables';

const COLUMNS: { key: keyof MergeCounts; label: () => string }[] = [
  { key: 'added', label: () => t('backupSummaryAdded') },
  { key: 'updated', label: () => t('backupSummaryUpdated') },
  { key: 'skipped', label: () => t('backupSummarySkipped') },
  { key: 'kept', label: () => t('backupSummaryKept') },
];

/** What an import did, kind by kind, in the shopper's words; kinds the backup had none of are left out. */
export function ImportSummary({ tables }: { tables: ImportCounts }) {
  const rows = TABLE_NAMES.filter((name) => COLUMNS.some(({ key }) => tables[name][key] > 0));
  const number = new Intl.NumberFormat(uiLocale());
  const nothingNew = TABLE_NAMES.every((name) => tables[name].added === 0 && tables[name].updated === 0);
  return (
    <div class="backup-summary" data-testid="backup-summary">
      <p>{nothingNew ? t('backupSummaryNothingNew') : t('backupSummaryDone')}</p>
      <table>
        <caption>{t('backupSummaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backupSummaryKind')}</th>
            {COLUMNS.map(({ key, label }) => (
              <th scope="col" key={key}>
                {label()}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((name) => (
            <tr key={name} data-testid={`backup-summary-${name}`}>
              <th scope="row">{tKey(`backupKind_${name}`)}</th>
              {COLUMNS.map(({ key }) => (
                <td key={key}>{number.format(tables[name][key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
