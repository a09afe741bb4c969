import { useState } from 'preact/hooks';
import { errorText } from '@/components/error-text';
import { describedBy, Field } from '@/components/Field';
import { useFocusNext } from '@/components/use-focus-next';
import { t } from '@/components/i18n';
import { checkSubmission, DOCUMENT_SIDES, documentType, MAX_FILES, type DocumentType } from '@/lib/identity/requirements';
import { MIN_LONG_SIDE, MIN_SHORT_SIDE } from '@/lib/identity/review';
import type { RuntimeClient } from '@/lib/protocol/client';
import { toBase64 } from '@/lib/vault/bytes';
import { readChosenFiles, type ChosenFiles, type FileInput } from './chosen-files';
import { MAX_MEGABYTES, problemTexts } from './problem-text';

const ACCEPT = 'image/jpeg,image/png,application/pdf';
const inputId = (input: FileInput) => `identity-${input}`;

/**
 * The documents to send for review. Every file is checked here first, by its content as the
 * background will check it, so each problem shows beside its input before anything is sent.
 */
export function IdentityForm({
  call,
  initialType,
  onSubmitted,
}: {
  call: RuntimeClient;
  initialType: DocumentType;
  onSubmitted: () => void;
}) {
  const [type, setType] = useState<DocumentType>(initialType);
  const [chosen, setChosen] = useState<ChosenFiles>({ sides: {}, extra: [] });
  const [problems, setProblems] = useState<Partial<Record<FileInput, string>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const focusNext = useFocusNext();

  const sides = DOCUMENT_SIDES[type];
  const extraHint = t('identityExtraHint', [String(MAX_FILES - sides.length), String(MAX_FILES)]);
  const choose = (input: FileInput, files: File[]) => {
    setChosen((current) =>
      input === 'extra' ? { ...current, extra: files } : { ...current, sides: { ...current.sides, [input]: files[0] } },
    );
    setProblems((current) => ({ ...current, [input]: undefined }));
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    setBusy(true);
    try {
      const { uploads, inputs } = await readChosenFiles(type, chosen);
      const checked = checkSubmission(type, uploads);
      if (!checked.ok) {
        const found = problemTexts(checked.problems, inputs, uploads);
        setProblems(found);
        const first = [...sides, 'extra' as const].find((input) => found[input]);
        if (first) focusNext(inputId(first));
        return;
      }
      setProblems({});
      const files = uploads.map(({ side, name, bytes }) => ({ side, name, bytes: toBase64(bytes) }));
      await call({ type: 'identity.submit', submission: { documentType: type, files } });
      onSubmitted();
    } catch (error) {
      setFailure(errorText(error));
      focusNext('identity-submit');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="identity-form" noValidate aria-busy={busy} aria-labelledby="identity-form-title" onSubmit={submit}>
      <h3 id="identity-form-title">{t('identityFormTitle')}</h3>
      <fieldset disabled={busy}>
        <legend>{t('identityDocumentLegend')}</legend>
        {documentType.options.map((option) => (
          <label class="identity-choice" key={option}>
            <input
              type="radio"
              name="documentType"
              value={option}
              checked={type === option}
              onChange={() => {
                setType(option);
                // The side inputs are replaced with the other document's, so what was chosen in them goes too.
                setChosen((current) => ({ ...current, sides: {} }));
                setProblems({});
              }}
            />
            {t(`identityDocument_${option}`)}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={busy} aria-describedby="identity-files-hint">
        <legend>{t('identityFilesLegend')}</legend>
        <p class="muted" id="identity-files-hint">
          {t('identityFilesHint', [MAX_MEGABYTES, String(MIN_LONG_SIDE), String(MIN_SHORT_SIDE)])}
        </p>
        {sides.map((side) => (
          <Field key={`${type}-${side}`} id={inputId(side)} label={t(`identitySide_${side}`)} error={problems[side]}>
            <input
              id={inputId(side)}
              name={inputId(side)}
              type="file"
              accept={ACCEPT}
              required
              onChange={(event) => choose(side, [...(event.currentTarget.files ?? [])])}
              {...describedBy(inputId(side), problems[side])}
            />
          </Field>
        ))}
        <Field id={inputId('extra')} label={t('identityExtraLabel')} error={problems.extra} hint={extraHint}>
          <input
            id={inputId('extra')}
            name={inputId('extra')}
            type="file"
            accept={ACCEPT}
            multiple
            onChange={(event) => choose('extra', [...(event.currentTarget.files ?? [])])}
            {...describedBy(inputId('extra'), problems.extra, extraHint)}
          />
        </Field>
      </fieldset>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" id="identity-submit" class="primary" data-testid="identity-submit" disabled={busy}>
          {busy ? t('identitySubmitting') : t('identitySubmit')}
        </button>
      </div>
    </form>
  );
}
