import { useRef } from 'preact/hooks';
import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import type { RuntimeClient } from '@/lib/protocol/client';
import { verificationCase } from '../letters/letter-cases';
import { SupportLetter } from '../letters/SupportLetter';
import { IdentityForm } from './IdentityForm';
import { VerificationStatus } from './VerificationStatus';
import './verification.css';

/**
 * The identity verification section: the latest submission's state, read live so the review's
 * answer shows when the background decides it, a letter to write about it, and the form while
 * there is something to send.
 */
export function Verification({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const state = useLiveQuery(() => reads.verification(), [reads]);
  const status = useRef<HTMLDivElement>(null);

  return (
    <section class="card identity-section" aria-labelledby="identity-title" aria-busy={state.status === 'loading'}>
      <h2 id="identity-title">{t('identityTitle')}</h2>
      {state.status === 'loading' && <p class="muted">{t('identityLoading')}</p>}
      {state.status === 'failed' && (
        <p class="error" role="alert">
          {t('identityLoadFailed', [state.error.message])}
        </p>
      )}
      {state.status === 'ready' && state.value.wallet && (
        <>
          <VerificationStatus latest={state.value.latest} wallet={state.value.wallet} statusRef={status} />
          {state.value.latest && (
            <SupportLetter call={call} id="identity-support" letterCase={verificationCase(state.value.latest, state.value.wallet)} />
          )}
          {!state.value.wallet.verified && state.value.latest?.state !== 'in_review' && (
            <IdentityForm
              call={call}
              initialType={state.value.latest?.documentType ?? 'passport'}
              // The form goes once the submission is in review; the status that replaces it takes focus.
              onSubmitted={() => status.current?.focus()}
            />
          )}
        </>
      )}
    </section>
  );
}
