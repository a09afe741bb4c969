import { NoAnswerError } from '@/lib/protocol/no-answer';
import { WalletError } from '@/lib/protocol/wallet-error';
import { t, tKey, uiLocale } from './i18n';

/** A date and time in the UI language, for "locked until …" and "expires at …". */
export const formatDateTime = (epochMs: number): string =>
  new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);

/**
 * What to tell the shopper about a failed request, in the UI language: each refusal's reason has
 * a message (`reason_<reason>`), with the time a lock ends or the tries left filled in. The
 * background's English message is the fallback for reasons without one.
 */
export function errorText(error: unknown): string {
  if (error instanceof WalletError) {
    const { reason, lockedUntil, triesLeft } = error.details;
    const localised = reason
      ? tKey(`reason_${reason}`, [lockedUntil !== undefined ? formatDateTime(lockedUntil) : String(triesLeft ?? '')])
      : '';
    return localised || error.message;
  }
  if (error instanceof NoAnswerError) return t('errorNoAnswer');
  return t('errorUnexpected', [error instanceof Error ? error.message : String(error)]);
}
