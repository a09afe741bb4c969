import { Field, describedBy } from '@/components/Field';
import { formatAmount, t, tKey } from '@/components/i18n';
import { transferCode } from '@/lib/ledger/transfer';
import type { CurrencyCode } from '@/lib/money';
import type { HistoryFilterField, HistoryFilterForm, HistoryFilterProblem } from '@/lib/wallet/history/history-filter';

type Problems = Partial<Record<HistoryFilterField, HistoryFilterProblem>>;

/** What is wrong with a field and what to type instead, with an amount written the way this currency is. */
const problemText = (problem: HistoryFilterProblem | undefined, currency: CurrencyCode) =>
  problem && tKey(`historyFilterError_${problem}`, [formatAmount({ amountMinor: 1250, currency }), currency]);

/**
 * The history's filters. Nothing is queried while typing: the filters apply together on submit,
 * so a half-typed amount or date never narrows the list under the shopper's eyes.
 */
export function HistoryFilters({
  form,
  problems,
  currency,
  onChange,
  onApply,
  onClear,
}: {
  form: HistoryFilterForm;
  problems: Problems;
  currency: CurrencyCode;
  onChange: (field: HistoryFilterField, value: string) => void;
  onApply: (currency: CurrencyCode) => void;
  onClear: () => void;
}) {
  const text = (field: HistoryFilterField, label: string, input: { type: 'date' | 'text' | 'amount'; testId: string }) => {
    const id = `history-filter-${field}`;
    const error = problemText(problems[field], currency);
    const common = {
      id,
      name: field,
      autoComplete: 'off',
      value: form[field],
      onInput: (event: { currentTarget: HTMLInputElement }) => onChange(field, event.currentTarget.value),
      'data-testid': input.testId,
      ...describedBy(id, error),
    };
    return (
      <Field id={id} label={label} error={error}>
        {input.type === 'date' ? (
          <input type="date" {...common} />
        ) : (
          <input type="text" inputMode={input.type === 'amount' ? 'decimal' : undefined} {...common} />
        )}
      </Field>
    );
  };
  const kindError = problemText(problems.kind, currency);

  return (
    <form
      class="history-filters"
      role="search"
      aria-label={t('historyFiltersLabel')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onApply(currency);
      }}
    >
      <div class="history-filter-grid">
        <Field id="history-filter-kind" label={t('historyFilterKind')} error={kindError}>
          <select
            id="history-filter-kind"
            name="kind"
            value={form.kind}
            onChange={(event) => onChange('kind', event.currentTarget.value)}
            data-testid="history-filter-kind"
            {...describedBy('history-filter-kind', kindError)}
          >
            <option value="">{t('historyFilterKindAll')}</option>
            {transferCode.options.map((code) => (
              <option value={code} key={code}>
                {tKey(`historyKind_${code}`)}
              </option>
            ))}
          </select>
        </Field>
        {text('from', t('historyFilterFrom'), { type: 'date', testId: 'history-filter-from' })}
        {text('to', t('historyFilterTo'), { type: 'date', testId: 'history-filter-to' })}
        {text('order', t('historyFilterOrder'), { type: 'text', testId: 'history-filter-order' })}
        {text('minAmount', t('historyFilterMinAmount', [currency]), { type: 'amount', testId: 'history-filter-min' })}
        {text('maxAmount', t('historyFilterMaxAmount', [currency]), { type: 'amount', testId: 'history-filter-max' })}
      </div>
      <div class="form-actions">
        <button type="submit" class="primary" data-testid="history-filter-apply">
          {t('historyFilterApply')}
        </button>
        <button type="button" onClick={onClear} data-testid="history-filter-clear">
          {t('historyFilterClear')}
        </button>
      </div>
    </form>
  );
}
