import { useState } from 'preact/hooks';
import { formatDateTime } from '@/components/error-text';
import { t } from '@/components/i18n';
import { useRequest } from '@/components/use-request';
import type { LetterView } from '@/lib/letters/letter-list';
import type { OpenedLetter } from '@/lib/letters/records';
import type { RuntimeClient } from '@/lib/protocol/client';
import { letterAboutText } from './letter-about-text';
import { WrittenLetter } from './WrittenLetter';

/**
 * One letter written before: what it is about and when. Its text is sealed, so "Show the letter"
 * asks the background to open it, and then offers the mail link, copying and saving again.
 */
export function LetterListItem({ call, view }: { call: RuntimeClient; view: LetterView }) {
  const { letter } = view;
  const [opened, setOpened] = useState<OpenedLetter>();
  const { busy, error, run } = useRequest();
  const id = `letter-${letter.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const toggle = () =>
    opened ? setOpened(undefined) : void run(async () => setOpened((await call({ type: 'letters.open', id: letter.id })).letter));

  return (
    <li class="letter-item" data-testid="letter-item" data-letter-id={letter.id}>
      <p class="letter-item-title" tabIndex={-1}>
        <span class="letter-about" data-testid="letter-about">
          {letterAboutText(view)}
        </span>{' '}
        <span class="muted">{t('letterWrittenOn', [formatDateTime(letter.writtenAt)])}</span>
      </p>
      <div class="form-actions">
        <button
          type="button"
          aria-expanded={opened !== undefined}
          aria-controls={opened ? `${id}-opened` : undefined}
          disabled={busy}
          onClick={toggle}
          data-testid="letter-show"
        >
          {busy ? t('letterOpening') : opened ? t('letterHide') : t('letterShow')}
        </button>
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {opened && (
        <div id={`${id}-opened`}>
          <WrittenLetter id={id} letter={opened} />
        </div>
      )}
    </li>
  );
}
