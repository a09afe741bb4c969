import type { Ref } from 'preact';
import type { VerificationRecord } from '@/lib/identity/review';
import type { WalletRecord } from '@/lib/wallet/wallet-record';
import { verificationText } from './verification-text';

/** Where verification stands, in words: what happens next and, after a rejection, what to send instead. */
export function VerificationStatus({
  latest,
  wallet,
  statusRef,
}: {
  latest: VerificationRecord | undefined;
  wallet: WalletRecord;
  statusRef: Ref<HTMLDivElement>;
}) {
  const { lead, reasons, next } = verificationText(latest, wallet);
  return (
    <div class="identity-status" data-testid="identity-status" role="status" ref={statusRef} tabIndex={-1}>
      <p>{lead}</p>
      {reasons.length > 0 && (
        <ul class="identity-reasons">
          {reasons.map((reason, index) => (
            <li key={index}>{reason}</li>
          ))}
        </ul>
      )}
      {next && <p>{next}</p>}
    </div>
  );
}
