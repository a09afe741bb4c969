import { useEffect, useState } from 'preact/hooks';
import { errorText } from './order-words';
import { recordStatus, walletOrders } from './orders';
import { walletRequest, whenWalletAnnounced } from '../../lib/protocol/shop-client';

export type WalletPresence = 'checking' | 'present' | 'absent';

/**
 * On load, asks the wallet where each wallet order stands and stores the answers: the shop never
 * guesses a state. Without a wallet it asks nothing, so the page does not wait on timeouts.
 */
export function useWalletSync(): { presence: WalletPresence; failures: Readonly<Record<string, string>> } {
  const [presence, setPresence] = useState<WalletPresence>('checking');
  const [failures, setFailures] = useState<Record<string, string>>({});
  useEffect(() => {
    void whenWalletAnnounced().then((present) => {
      setPresence(present ? 'present' : 'absent');
      if (!present) return;
      for (const { id } of walletOrders()) {
        void walletRequest('status', { orderId: id }).then(
          (status) => recordStatus(id, status),
          (error: unknown) => setFailures((current) => ({ ...current, [id]: errorText(error) })),
        );
      }
    });
  }, []);
  return { presence, failures };
}
