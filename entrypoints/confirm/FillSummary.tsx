import { formatAmount, t, tKey } from '@/components/i18n';
import { CURRENCY_EXPONENTS, type CurrencyCode } from '@/lib/money';
import type { ApprovalView } from '@/lib/protocol/runtime';
import { OriginLines } from './OriginLines';

type FillApproval = Extract<ApprovalView, { kind: 'fill' }>;

const isCurrency = (code: string): code is CurrencyCode => code in CURRENCY_EXPONENTS;

/** Which site asks for a card and which of its fields would be filled; the total as the page shows it, to compare. */
export function FillSummary({ approval }: { approval: FillApproval }) {
  const { total } = approval;
  return (
    <section class="card merchant">
      <OriginLines origin={approval.origin} />
      <p class="muted">{t('fillExplanation')}</p>
      <p class="muted" data-testid="fill-fields">
        {t('fillFields', [approval.fields.map((field) => tKey(`fillField_${field}`)).join(', ')])}
      </p>
      {total && isCurrency(total.currency) && (
        <p data-testid="fill-total">{t('fillPageTotal', [formatAmount({ amountMinor: total.amountMinor, currency: total.currency })])}</p>
      )}
    </section>
  );
}
