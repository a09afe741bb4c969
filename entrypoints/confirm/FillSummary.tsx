import { formatAmount, t } from '@/components/i18n';
import { CURRENCY_EXPONENTS, type CurrencyCode } from '@/lib/money';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { OriginLines } from './OriginLines';

type FillApproval = Extract<ApprovalView, { kind: 'fill' }>;

const isCurrency = (code: string): code is CurrencyCode => code in CURRENCY_EXPONENTS;

/** Which site asks for a card, and the total as the page shows it to compare, for the window's header. */
export function FillSummary({ approval }: { approval: FillApproval }) {
  const { total } = approval;
  return (
    <section class="card merchant">
      <OriginLines origin={approval.origin} />
      {total && isCurrency(total.currency) && (
        <p data-testid="fill-total">{t('fillPageTotal', [formatAmount({ amountMinor: total.amountMinor, currency: total.currency })])}</p>
      )}
    </section>
  );
}
