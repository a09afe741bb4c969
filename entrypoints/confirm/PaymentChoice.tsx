import { formatAmount, t } from '@/components/i18n';
import type { Offer } from '@/lib/protocol/checkout';
import type { WalletBalance } from '@/lib/wallet/balance-schema';
import type { WalletRecord } from '@/lib/wallet/wallet-record';

interface Props {
  offer: Offer;
  wallet: WalletRecord | null;
  balance: WalletBalance;
  busy: 'paying' | 'cancelling' | undefined;
  onPay(): void;
  onCancel(): void;
}

/** How the shopper can pay this offer from what the wallet holds, or why they cannot yet. */
export function PaymentChoice({ offer, wallet, balance, busy, onPay, onCancel }: Props) {
  const shortMinor = offer.amountMinor - balance.available.amountMinor;
  const sameCurrency = wallet?.currency === offer.currency;
  const canPay = wallet !== null && sameCurrency && shortMinor <= 0;
  return (
    <section class="payment-choice" aria-label={t('confirmPaymentMethod')}>
      {wallet === null && <p class="notice">{t('confirmNoWallet')}</p>}
      {wallet !== null && !sameCurrency && <p class="notice">{t('confirmOtherCurrency', [offer.currency, wallet.currency])}</p>}
      {wallet !== null && sameCurrency && (
        <p class="balance-line">
          <span>{t('confirmBalance')}</span>
          <span data-testid="confirm-balance">{formatAmount(balance.available)}</span>
        </p>
      )}
      {wallet !== null && sameCurrency && shortMinor > 0 && (
        <p class="notice" data-testid="confirm-short">
          {t('confirmShort', [formatAmount({ amountMinor: shortMinor, currency: offer.currency })])}
        </p>
      )}
      <div class="actions">
        <button type="button" disabled={busy !== undefined} onClick={onCancel}>
          {busy === 'cancelling' ? t('confirmCancelling') : t('confirmCancel')}
        </button>
        {canPay && (
          <button type="button" class="primary" data-testid="pay-from-balance" disabled={busy !== undefined} onClick={onPay}>
            {busy === 'paying'
              ? t('confirmPaying')
              : t('confirmPayFromBalance', [formatAmount({ amountMinor: offer.amountMinor, currency: offer.currency })])}
          </button>
        )}
      </div>
      <p class="muted">{t('confirmEscrowNote')}</p>
    </section>
  );
}
