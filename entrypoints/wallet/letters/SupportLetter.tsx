import { useRef, useState } from 'preact/hooks';
import { t } from '@/components/i18n';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { LetterCase } from './letter-cases';
import { LetterWriter } from './LetterWriter';
import './letters.css';

/**
 * "Write to support" under an order, a claim or a verification: a button that opens the letter
 * form in place, with the case filled in. Closing it (Escape or Close) gives focus back to the button.
 */
export function SupportLetter({ call, id, letterCase }: { call: RuntimeClient; id: string; letterCase: LetterCase }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div class="support-letter">
      <div class="form-actions">
        <button
          type="button"
          ref={button}
          aria-expanded={open}
          aria-controls={open ? `${id}-letter` : undefined}
          onClick={() => (open ? close() : setOpen(true))}
          data-testid="letter-open"
        >
          {t('letterWriteOpen')}
        </button>
      </div>
      {open && (
        <div id={`${id}-letter`} class="inline-prompt">
          <p id={`${id}-title`} class="inline-prompt-title">
            {t('letterFormTitle')}
          </p>
          <LetterWriter call={call} id={id} letterCase={letterCase} labelledBy={`${id}-title`} onClose={close} />
        </div>
      )}
    </div>
  );
}
