import { useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import { saveFile } from '@/components/save-file';
import { letterFileName, letterText } from '@/lib/letters/compose';
import { mailtoUrl } from '@/lib/letters/mailto';
import type { OpenedLetter } from '@/lib/letters/records';

type Outcome = { kind: 'copied' } | { kind: 'saved'; fileName: string } | { kind: 'copyFailed' };

/**
 * A letter ready to go: its whole text, and the three ways out of the wallet, since the wallet
 * sends nothing itself. The mail link opens the shopper's own mail program; copying and saving
 * give the same text, for a shop's contact form or a mail program the link does not reach.
 */
export function WrittenLetter({ id, letter }: { id: string; letter: OpenedLetter }) {
  const [outcome, setOutcome] = useState<Outcome>();
  const text = letterText(letter.letter, { to: t('letterHeadingTo'), subject: t('letterHeadingSubject') });
  const link = mailtoUrl(letter.letter, t('letterMailtoShortened'));

  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setOutcome({ kind: 'copied' }),
      () => setOutcome({ kind: 'copyFailed' }),
    );
  const save = () => {
    const fileName = letterFileName(letter.writtenAt);
    saveFile(fileName, [text], 'text/plain;charset=utf-8');
    setOutcome({ kind: 'saved', fileName });
  };

  return (
    <div class="written-letter" data-testid="written-letter">
      {!letter.letter.to && <p class="muted">{t('letterNoAddress')}</p>}
      {!link.complete && (
        <p class="muted" data-testid="letter-shortened">
          {t('letterLinkShortened')}
        </p>
      )}
      <div class="field">
        <label for={`${id}-text`}>{t('letterTextLabel')}</label>
        <textarea id={`${id}-text`} class="letter-text" readOnly rows={12} value={text} data-testid="letter-text" />
      </div>
      <div class="form-actions">
        <a class="button primary" href={link.url} data-testid="letter-mailto">
          {t('letterOpenMail')}
        </a>
        <button type="button" onClick={() => void copy()} data-testid="letter-copy">
          {t('letterCopy')}
        </button>
        <button type="button" onClick={save} data-testid="letter-save">
          {t('letterSave')}
        </button>
      </div>
      <p class="muted letter-status" role="status" data-testid="letter-status">
        {outcome?.kind === 'copied' && t('letterCopied')}
        {outcome?.kind === 'saved' && t('letterSaved', [outcome.fileName])}
      </p>
      {outcome?.kind === 'copyFailed' && (
        <p class="error" role="alert" data-testid="letter-copy-failed">
          {t('letterCopyFailed')}
        </p>
      )}
    </div>
  );
}
