import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { OpenedLetter } from '@/lib/letters/records';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { LetterCase } from './letter-cases';
import { LetterForm } from './LetterForm';
import { WrittenLetter } from './WrittenLetter';

/**
 * Writing one letter: the form, then the letter it made with the ways to send it. Once written,
 * focus goes to the title that says so; "Close" (inline, under a record) or "Write another" (in
 * Help) ends it.
 */
export function LetterWriter({
  call,
  id,
  letterCase,
  labelledBy,
  onClose,
}: {
  call: RuntimeClient;
  id: string;
  letterCase: LetterCase;
  /** The title the form goes by: the section's in Help, the prompt's under a record. */
  labelledBy: string;
  /** Given where the writer opens under a record: it closes there; in Help it starts over instead. */
  onClose?: () => void;
}) {
  const [written, setWritten] = useState<OpenedLetter>();
  // A form the shopper opened (under a record, or with "Write another") takes focus; Help's first one waits for them.
  const [opened, setOpened] = useState(onClose !== undefined);
  const title = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (written) title.current?.focus();
  }, [written]);
  const writeAnother = () => {
    setOpened(true);
    setWritten(undefined);
  };

  if (!written)
    return (
      <LetterForm
        call={call}
        id={id}
        letterCase={letterCase}
        labelledBy={labelledBy}
        onWritten={setWritten}
        onClose={onClose}
        focusOnOpen={opened}
      />
    );
  return (
    <section class="letter-ready" aria-labelledby={`${id}-ready`} data-testid="letter-ready">
      <p id={`${id}-ready`} ref={title} tabIndex={-1} class="inline-prompt-title">
        {t('letterReadyTitle')}
      </p>
      <p class="muted">{t('letterKept')}</p>
      <WrittenLetter id={id} letter={written} />
      <div class="form-actions">
        {onClose ? (
          <button type="button" onClick={onClose} data-testid="letter-close">
            {t('letterClose')}
          </button>
        ) : (
          <button type="button" onClick={writeAnother} data-testid="letter-another">
            {t('letterWriteAnother')}
          </button>
        )}
      </div>
    </section>
  );
}
