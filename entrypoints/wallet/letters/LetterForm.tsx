import { useEffect, useRef, useState } from 'preact/hooks';
import { describedBy, Field } from '@/components/Field';
import { useFocusNext } from '@/components/use-focus-next';
import { t, uiLocale } from '@/components/i18n';
import { useRequest } from '@/components/use-request';
import { sameContent } from '@/lib/canonical-json';
import { composeLetter } from '@/lib/letters/compose';
import { LETTER_DRAFT_MAX, letterDraft, type LetterDraftField } from '@/lib/letters/letter-draft';
import type { LetterContent, OpenedLetter } from '@/lib/letters/records';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { LetterCase } from './letter-cases';

/** The schema words its issues as message keys, each naming the field's limit as `$1`. */
type MessageKey = Parameters<typeof t>[0];
type Values = Record<LetterDraftField, string>;

const count = (value: number) => new Intl.NumberFormat(uiLocale()).format(value);
/** In the order the fields appear, so the first one with a problem is the one to focus. */
const FIELDS: readonly LetterDraftField[] = ['to', 'subject', 'message', 'name'];

/**
 * The "Write to support" form for one case: the address (the shop's if the wallet knows it), a
 * subject, the shopper's own words and their name, with the facts the letter adds listed beside.
 * Each problem shows beside its field; the letter is composed here, in the UI language, and the
 * background keeps it sealed.
 */
export function LetterForm({
  call,
  id,
  letterCase,
  labelledBy,
  onWritten,
  onClose,
  focusOnOpen = false,
}: {
  call: RuntimeClient;
  id: string;
  letterCase: LetterCase;
  labelledBy: string;
  onWritten: (letter: OpenedLetter) => void;
  onClose?: () => void;
  /** Opened by the shopper's own click, the form takes focus; shown as part of a page, it waits for them. */
  focusOnOpen?: boolean;
}) {
  const [values, setValues] = useState<Values>({ to: letterCase.to, subject: letterCase.subject, message: '', name: '' });
  const [problems, setProblems] = useState<Partial<Record<LetterDraftField, string>>>({});
  const { busy, error, run } = useRequest();
  // The same letter sent again (after an answer that never came) keeps its id, so the wallet keeps it once.
  const sent = useRef<{ id: string; letter: LetterContent } | undefined>(undefined);
  const focusNext = useFocusNext(focusOnOpen ? `${id}-to` : undefined);

  // The name is only a convenience: while the profile is not read (or cannot be), the shopper types it.
  useEffect(() => {
    let mounted = true;
    call({ type: 'account.profile' }).then(
      ({ profile }) =>
        mounted && setValues((current) => (current.name ? current : { ...current, name: `${profile.givenName} ${profile.familyName}` })),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [call]);

  const edit = (field: LetterDraftField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => ({ ...current, [field]: undefined }));
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = letterDraft.safeParse(values);
    if (!parsed.success) {
      const found: Partial<Record<LetterDraftField, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as LetterDraftField;
        found[field] ??= t(issue.message as MessageKey, [count(LETTER_DRAFT_MAX[field])]);
      }
      setProblems(found);
      focusNext(`${id}-${FIELDS.find((field) => found[field])}`);
      return;
    }
    setProblems({});
    const letter = composeLetter(parsed.data, letterCase.facts, letterCase.words);
    if (!sent.current || !sameContent(sent.current.letter, letter)) sent.current = { id: crypto.randomUUID(), letter };
    const letterId = sent.current.id;
    const written = await run(async () => {
      const answer = await call({ type: 'letters.write', id: letterId, about: letterCase.about, letter });
      onWritten(answer.letter);
    });
    if (!written) focusNext(`${id}-submit`);
  }

  const messageHint = t('letterMessageHint', [count(LETTER_DRAFT_MAX.message)]);
  const nameHint = t('letterNameHint');
  const field = (name: LetterDraftField) => ({
    id: `${id}-${name}`,
    name,
    value: values[name],
    maxLength: LETTER_DRAFT_MAX[name],
    'data-testid': `letter-${name}`,
  });
  return (
    <form
      class="letter-form"
      aria-labelledby={labelledBy}
      aria-busy={busy}
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => event.key === 'Escape' && !busy && onClose?.()}
      data-testid="letter-form"
    >
      <p class="letter-no-desk" data-testid="letter-no-desk">
        {t('letterNoDesk')}
      </p>
      <fieldset disabled={busy}>
        <Field id={`${id}-to`} label={t('letterToLabel')} hint={letterCase.recipientNote} error={problems.to}>
          <input
            {...field('to')}
            type="email"
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => edit('to', event.currentTarget.value)}
            {...describedBy(`${id}-to`, problems.to, letterCase.recipientNote)}
          />
        </Field>
        <Field id={`${id}-subject`} label={t('letterSubjectLabel')} error={problems.subject}>
          <input
            {...field('subject')}
            required
            onInput={(event) => edit('subject', event.currentTarget.value)}
            {...describedBy(`${id}-subject`, problems.subject)}
          />
        </Field>
        <Field id={`${id}-message`} label={t('letterMessageLabel')} hint={messageHint} error={problems.message}>
          <textarea
            {...field('message')}
            rows={5}
            required
            onInput={(event) => edit('message', event.currentTarget.value)}
            {...describedBy(`${id}-message`, problems.message, messageHint)}
          />
        </Field>
        <Field id={`${id}-name`} label={t('letterNameLabel')} hint={nameHint} error={problems.name}>
          <input
            {...field('name')}
            autocomplete="name"
            onInput={(event) => edit('name', event.currentTarget.value)}
            {...describedBy(`${id}-name`, problems.name, nameHint)}
          />
        </Field>
      </fieldset>
      <p class="letter-facts-title">{t('letterFactsTitle')}</p>
      <dl class="letter-facts" data-testid="letter-facts">
        {letterCase.facts.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {error && (
        <p class="error" role="alert" id={`${id}-error`} data-testid="letter-error">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button
          type="submit"
          class="primary"
          id={`${id}-submit`}
          disabled={busy}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="letter-submit"
        >
          {busy ? t('letterWriting') : t('letterWrite')}
        </button>
        {onClose && (
          <button type="button" disabled={busy} onClick={onClose} data-testid="letter-close">
            {t('letterClose')}
          </button>
        )}
      </div>
    </form>
  );
}
