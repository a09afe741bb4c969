import { formatAmount, t } from './i18n';
import { accountStatus } from '@/lib/wallet/account-status';
import type { WalletRecord } from '@/lib/wallet/wallet-record';

/**
 * "Not verified · limit $500" or "Verified · limit $5,000", in the wallet's currency, with the way
 * to verification: a link on the wallet page, a button in the popup, which opens the page there.
 */
export function AccountStatusLine({ wallet, onOpenVerification }: { wallet: WalletRecord; onOpenVerification?: () => void }) {
  const { verified, limit } = accountStatus(wallet);
  const linkText = t(verified ? 'accountStatusDetails' : 'accountStatusVerify');
  return (
    <p class={`account-status${verified ? ' account-status-verified' : ''}`} data-testid="account-status">
      <span>{t(verified ? 'accountStatusVerified' : 'accountStatusNotVerified', [formatAmount(limit)])}</span>{' '}
      {onOpenVerification ? (
        <button type="button" class="link-button" onClick={onOpenVerification}>
          {linkText}
        </button>
      ) : (
        <a href="#verification">{linkText}</a>
      )}
    </p>
  );
}
