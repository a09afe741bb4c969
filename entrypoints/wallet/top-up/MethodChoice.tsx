import { t } from '@/components/i18n';
import { topUpTerms, type TopUpWallet } from '@/lib/wallet/top-ups/top-up-quote';
import { topUpMethod, type TopUpMethod } from '@/lib/wallet/top-ups/top-up-method';
import { methodName, termLines } from './top-up-text';

/** The five ways to add money, each with its rules in plain words beside it, so the choice is made knowing them. */
export function MethodChoice({
  wallet,
  value,
  disabled,
  onChange,
}: {
  wallet: TopUpWallet;
  value: TopUpMethod;
  disabled: boolean;
  onChange: (method: TopUpMethod) => void;
}) {
  return (
    <fieldset class="top-up-methods" disabled={disabled}>
      <legend>{t('topUpMethodLegend')}</legend>
      <ul class="top-up-method-list">
        {topUpMethod.options.map((method) => (
          <li key={method} class={method === value ? 'top-up-method top-up-method-chosen' : 'top-up-method'}>
            <label class="top-up-method-label">
              <input
                type="radio"
                name="topUpMethod"
                value={method}
                checked={method === value}
                onChange={() => onChange(method)}
                aria-describedby={`top-up-terms-${method}`}
                data-testid={`top-up-method-${method}`}
              />
              <span>{methodName(method)}</span>
            </label>
            <ul class="top-up-terms muted" id={`top-up-terms-${method}`} data-testid={`top-up-terms-${method}`}>
              {termLines(topUpTerms(method, wallet), wallet.currency).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
