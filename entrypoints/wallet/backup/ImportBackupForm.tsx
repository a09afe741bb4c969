import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '@/components/error-text';
import { describedBy, Field } from '@/components/Field';
import { t } from '@/components/i18n';
import type { ImportCounts } from '@/lib/backup/counts';
import { MAX_BACKUP_BYTES } from '@/lib/backup/format';
import { MAX_BACKUP_MEGABYTES } from '@/lib/backup/refusals';
import type { RuntimeClient } from '@/lib/protocol/client';
import { WalletError } from '@/lib/protocol/wallet-error';

type Phase = 'idle' | 'reading' | 'importing';
type Problems = { file?: string; password?: string; form?: string };

/** Where a refusal belongs: a password problem beside the password, a problem with the file beside the file. */
function placeProblem(error: unknown): Problems {
  const text = errorText(error);
  const reason = error instanceof WalletError ? error.details.reason : undefined;
  if (reason === 'backup_wrong_password' || reason === 'backup_password_needed') return { password: text };
  if (reason?.startsWith('backup_')) return { file: text };
  return { form: text };
}

/**
 * Picks a backup file and sends its text to the background, which checks and merges it. The
 * size is checked before the file is read, so a wrong pick never loads megabytes into the page.
 * With `askPassword` (a browser with no wallet yet) the login password opens the file.
 */
export function ImportBackupForm({
  call,
  idPrefix,
  askPassword,
  actionLabel,
  onImported,
}: {
  call: RuntimeClient;
  idPrefix: string;
  askPassword: boolean;
  actionLabel: string;
  onImported: (result: { tables: ImportCounts; restored: boolean }) => void;
}) {
  const [file, setFile] = useState<File>();
  const [password, setPassword] = useState('');
  const [phase, setPhase] = useState<Phase>('idle');
  const [problems, setProblems] = useState<Problems>({});
  const fileId = `${idPrefix}-file`;
  const passwordId = `${idPrefix}-password`;
  const submitId = `${idPrefix}-submit`;
  // Focus can only move to a control once it is re-enabled, so it is asked for here and given after the render.
  const focusNext = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  const fail = (found: Problems) => {
    setProblems(found);
    focusNext.current = found.file ? fileId : found.password ? passwordId : submitId;
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (phase !== 'idle') return;
    if (!file) return fail({ file: t('backupChooseFile') });
    if (file.size > MAX_BACKUP_BYTES) return fail({ file: t('backupFileTooLarge', [String(MAX_BACKUP_MEGABYTES)]) });
    if (askPassword && password === '') return fail({ password: t('backupPasswordMissing') });
    setProblems({});
    try {
      setPhase('reading');
      const contents = await file.text();
      setPhase('importing');
      const result = await call({ type: 'backup.import', contents, ...(askPassword ? { loginPassword: password } : {}) });
      setPassword('');
      onImported(result);
    } catch (error) {
      fail(placeProblem(error));
    } finally {
      setPhase('idle');
    }
  }

  const busy = phase !== 'idle';
  const progressText = phase === 'reading' ? t('backupReading') : phase === 'importing' ? t('backupImporting') : '';
  const fileHint = t('backupFileHint', [String(MAX_BACKUP_MEGABYTES)]);
  return (
    <form class="backup-import" noValidate aria-busy={busy} onSubmit={submit}>
      <Field id={fileId} label={t('backupFileLabel')} error={problems.file} hint={fileHint}>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          required
          disabled={busy}
          data-testid={`${idPrefix}-file`}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0]);
            setProblems({});
          }}
          {...describedBy(fileId, problems.file, fileHint)}
        />
      </Field>
      {askPassword && (
        <Field id={passwordId} label={t('backupPasswordLabel')} error={problems.password} hint={t('backupPasswordHint')}>
          <input
            id={passwordId}
            type="password"
            autoComplete="current-password"
            required
            disabled={busy}
            value={password}
            data-testid={`${idPrefix}-password`}
            onInput={(event) => setPassword(event.currentTarget.value)}
            {...describedBy(passwordId, problems.password, t('backupPasswordHint'))}
          />
        </Field>
      )}
      {problems.form && (
        <p class="error" id={`${idPrefix}-error`} role="alert">
          {problems.form}
        </p>
      )}
      <div class="form-actions">
        <button
          id={submitId}
          type="submit"
          class="primary"
          disabled={busy}
          data-testid={submitId}
          aria-describedby={problems.form ? `${idPrefix}-error` : undefined}
        >
          {busy ? progressText : actionLabel}
        </button>
        {busy && <progress aria-label={progressText} />}
      </div>
      {/* Always present, so screen readers announce each step as it starts. */}
      <p class="muted" role="status">
        {progressText}
      </p>
    </form>
  );
}
