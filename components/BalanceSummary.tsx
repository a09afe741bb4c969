import type { WalletBalance } from '@/lib/wallet/balance-schema';
import { formatAmount, t } from './i18n';

/** The two figures a shopper asks first: what they can spend and what is held for orders. */
export function BalanceSummary({ balance }: { balance: WalletBalance }) {
  return (
    <dl class="balance">
      <div class="balance-row balance-available">
        <dt>{t('balanceAvailable')}</dt>
        <dd data-testid="balance-available">{formatAmount(balance.available)}</dd>
      </div>
      <div class="balance-row balance-held">
        <dt>{t('balanceHeld')}</dt>
        <dd data-testid="balance-held">{formatAmount(balance.held)}</dd>
      </div>
    </dl>
  );
}
