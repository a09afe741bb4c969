import { useEffect, useRef } from 'preact/hooks';
import { AccountStatusLine } from '@/components/AccountStatusLine';
import { t } from '@/components/i18n';
import type { WalletRecord } from '@/lib/wallet/wallet-record';

/**
 * Right after sign-up, as the real wallet asks: verify now to raise the limit, or go to the
 * wallet and verify later. Either way the status line says where the account stands.
 */
export function SignedUpChoice({ wallet, onChoose }: { wallet: WalletRecord; onChoose: (section: 'verification' | 'overview') => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="card signed-up" aria-labelledby="signed-up-title" data-testid="signed-up-choice">
      <h2 id="signed-up-title" ref={heading} tabIndex={-1}>
        {t('signedUpTitle')}
      </h2>
      <AccountStatusLine wallet={wallet} onOpenVerification={() => onChoose('verification')} />
      <p class="muted">{t('signedUpExplanation')}</p>
      <div class="form-actions">
        <button type="button" class="primary" onClick={() => onChoose('verification')} data-testid="signed-up-verify">
          {t('signedUpVerifyNow')}
        </button>
        <button type="button" onClick={() => onChoose('overview')} data-testid="signed-up-go-to-wallet">
          {t('signedUpGoToWallet')}
        </button>
      </div>
    </section>
  );
}
