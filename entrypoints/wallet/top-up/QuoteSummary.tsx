import { formatDateTime } from '@/components/error-text';
import { formatAmount, t } from '@/components/i18n';
import type { CurrencyCode } from '@/lib/money';
import type { TopUpQuote, WalletRoom } from '@/lib/wallet/top-ups/top-up-quote';
import { refusalText } from './top-up-text';

export const REFUSAL_ID = 'top-up-refusal';

/**
 * What confirming would do, before it is done: the amount credited, the fee, the total charged and
 * when the money arrives by the wallet's clock; or why it cannot be done and what to do instead.
 */
export function QuoteSummary({
  quote,
  currency,
  room,
  chargedTo,
  simulated,
}: {
  quote: TopUpQuote;
  currency: CurrencyCode;
  room: WalletRoom;
  /** The card or the method the total is charged to. */
  chargedTo: string;
  /** A transfer the shopper would start outside the wallet; here nothing real is sent. */
  simulated: boolean;
}) {
  const amount = (amountMinor: number) => formatAmount({ amountMinor, currency });
  if (quote.refusal)
    return (
      <p class="error top-up-refusal" id={REFUSAL_ID} role="alert" data-testid="top-up-refusal">
        {refusalText(quote.refusal, room, currency)}
        {quote.refusal.reason === 'balance_cap' && room.verifiedCapMinor !== undefined && (
          <>
            {' '}
            <a href="#verification">{t('topUpGoToVerification')}</a>
          </>
        )}
      </p>
    );
  return (
    <div class="top-up-summary" data-testid="top-up-summary">
      <dl>
        <div>
          <dt>{t('topUpSummaryCredited')}</dt>
          <dd>{amount(quote.amountMinor)}</dd>
        </div>
        <div>
          <dt>{t('topUpSummaryFee')}</dt>
          <dd data-testid="top-up-summary-fee">{quote.feeMinor > 0 ? amount(quote.feeMinor) : t('topUpSummaryNoFee')}</dd>
        </div>
        <div>
          <dt>{t('topUpSummaryTotal')}</dt>
          <dd data-testid="top-up-summary-total">{amount(quote.totalChargedMinor)}</dd>
        </div>
        <div>
          <dt>{t('topUpSummaryFrom')}</dt>
          <dd>{chargedTo}</dd>
        </div>
        <div>
          <dt>{t('topUpSummaryArrives')}</dt>
          <dd data-testid="top-up-summary-arrives">
            {quote.settlesAt === undefined ? t('topUpSummaryAtOnce') : t('topUpSummaryBy', [formatDateTime(quote.settlesAt)])}
          </dd>
        </div>
      </dl>
      {simulated && <p class="muted">{t('topUpSimulatedNote')}</p>}
    </div>
  );
}
