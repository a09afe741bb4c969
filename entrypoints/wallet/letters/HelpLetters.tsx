import { t } from '@/components/i18n';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { RuntimeClient } from '@/lib/protocol/client';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import { walletCase } from './letter-cases';
import { LetterList } from './LetterList';
import { LetterWriter } from './LetterWriter';
import './letters.css';

/**
 * Help's "Write to support": the letter form for a question about the wallet itself, and every
 * letter written so far, wherever it was written from.
 */
export function HelpLetters({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const wallet = useLiveQuery(() => reads.wallet(), [reads]);
  return (
    <section class="card letters-section" aria-labelledby="letters-title" aria-busy={wallet.status === 'loading'} data-testid="letters">
      <h2 id="letters-title">{t('letterFormTitle')}</h2>
      <p class="muted">{t('letterHelpIntro')}</p>
      {wallet.status === 'failed' && (
        <p class="error" role="alert">
          {t('lettersLoadFailed', [wallet.error.message])}
        </p>
      )}
      {wallet.status === 'ready' && wallet.value && (
        <LetterWriter call={call} id="help-letter" letterCase={walletCase(wallet.value)} labelledBy="letters-title" />
      )}
      <LetterList call={call} reads={reads} />
    </section>
  );
}
