import { formatDateTime } from '@/components/error-text';
import { t, tKey } from '@/components/i18n';
import { isCodeMessage } from '@/lib/account/records';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { WalletReads } from '@/lib/reads/wallet-reads';

/**
 * The simulated channel: where a real wallet would send an SMS or an email, this one writes to
 * this panel, and says so, so nobody waits for a message that never comes.
 */
export function Inbox({ reads }: { reads: WalletReads }) {
  const messages = useLiveQuery(() => reads.inbox(20));
  return (
    <aside class="card inbox" aria-labelledby="inbox-title" data-testid="inbox">
      <h2 id="inbox-title">{t('inboxTitle')}</h2>
      <p class="inbox-simulated">{t('inboxSimulated')}</p>
      {messages.status === 'ready' && messages.value.length === 0 && <p class="muted">{t('inboxEmpty')}</p>}
      <ol class="inbox-list" aria-live="polite">
        {messages.status === 'ready' &&
          messages.value.map((message) => (
            <li key={message.id} data-testid={`inbox-message-${message.channel}`}>
              <p class="muted">
                {message.channel === 'phone' ? t('inboxSms', [message.to]) : t('inboxEmail', [message.to])} ·{' '}
                {formatDateTime(message.sentAt)}
              </p>
              {isCodeMessage(message) ? (
                <p>
                  {t('inboxCodeText', [formatDateTime(message.expiresAt)])}{' '}
                  <strong class="inbox-code" data-testid="inbox-code">
                    {message.code}
                  </strong>
                </p>
              ) : (
                <p data-testid="inbox-notice">{tKey(`inboxNotice_${message.notice}`)}</p>
              )}
            </li>
          ))}
      </ol>
    </aside>
  );
}
