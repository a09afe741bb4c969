import { formatAmount, t, tKey } from './i18n';
import type { Counterparty, HistoryRow } from '@/lib/wallet/history/history-row';

/** The row's status in words: a held purchase is in escrow, a held top-up is still on its way. */
export function statusText(row: Pick<HistoryRow, 'kind' | 'status'>): string {
  if (row.status === 'pending') return row.kind === 'purchase' ? t('historyStatusEscrow') : t('historyStatusPending');
  return tKey(`historyStatus_${row.status}`);
}

/** The amount signed for the shopper, the sign placed as the UI language writes it. */
export const signedAmountText = (row: Pick<HistoryRow, 'amountMinor' | 'currency' | 'direction'>): string =>
  tKey(row.direction === 'in' ? 'historyAmountIn' : 'historyAmountOut', [formatAmount(row)]);

/** Who the money went to or came from; a top-up method is named in the UI language. */
export function counterpartyText(counterparty: Counterparty): { name: string; detail?: string } {
  switch (counterparty.kind) {
    case 'merchant':
      // The name is what the shop called itself; the origin, as the browser reported it, is the fact.
      return counterparty.name === undefined ? { name: counterparty.origin } : { name: counterparty.name, detail: counterparty.origin };
    case 'method':
      return { name: tKey(`historyMethod_${counterparty.method}`) };
    case 'account':
      return { name: counterparty.accountId };
  }
}
