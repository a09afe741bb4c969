import type { WalletDatabase } from '../../db';
import type { CurrencyCode } from '../../money';
import { ACCOUNTS } from '../accounts';
import type { WalletContext } from '../context';
import type { HistoryRow } from '../history/history-row';
import { readHistoryRows } from '../history/history-row-lookup';
import { fromLedgerFailure } from '../ledger-refusal';
import type { CardRecord } from '../records';
import type { Refusal } from '../result';

/** The articles' one cent: the smallest amount of the wallet's currency (one yen in a yen wallet). */
export const CARD_CHECK_MINOR = 1;

/** One charge and one refund per card, so checking a card twice replays its check and charges nothing more. */
export const cardCheckTransferIds = (cardId: string) => [`card-check:${cardId}`, `card-check-refund:${cardId}`] as const;

/**
 * Charges a card its check and refunds it in one linked ledger step, inside the caller's
 * transaction, and gives back the card marked as checked. The cent goes from the card to the
 * wallet's check account and straight back; the balance is never touched.
 */
export async function chargeCardCheck(context: WalletContext, card: CardRecord, currency: CurrencyCode): Promise<CardRecord | Refusal> {
  const { ledger, clock } = context;
  const opened = await ledger.createAccounts([{ id: ACCOUNTS.cardCheck, currency, debitsMustNotExceedCredits: false }]);
  if (!opened.ok) throw new Error(`Opening the card check's account failed: ${opened.failure.message}`);
  const [chargeId, refundId] = cardCheckTransferIds(card.id);
  const cent = { amountMinor: CARD_CHECK_MINOR, currency } as const;
  const submitted = await ledger.submit([
    {
      kind: 'single',
      id: chargeId,
      debitAccountId: ACCOUNTS.cardNetwork,
      creditAccountId: ACCOUNTS.cardCheck,
      code: 'card_check',
      ...cent,
    },
    {
      kind: 'single',
      id: refundId,
      debitAccountId: ACCOUNTS.cardCheck,
      creditAccountId: ACCOUNTS.cardNetwork,
      code: 'card_check_refund',
      ...cent,
    },
  ]);
  if (!submitted.ok) return fromLedgerFailure(submitted.failure, 'The card check');
  return { ...card, checkedAt: clock.now() };
}

/** The card's own statement: its check's charge and refund, newest first, as the history shows them. */
export async function cardCheckRows(db: WalletDatabase, cardId: string): Promise<HistoryRow[]> {
  const transfers = (await db.transfers.bulkGet([...cardCheckTransferIds(cardId)])).filter((transfer) => transfer !== undefined);
  return readHistoryRows(db, transfers.reverse());
}
