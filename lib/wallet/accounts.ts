import { SHOPPER_ACCOUNT_ID } from '../ledger/balances';
import type { TopUpMethod } from './top-ups/top-up-method';

/** The ledger's account ids. External accounts stand for the world outside the wallet and may go below zero. */
export const ACCOUNTS = {
  shopper: SHOPPER_ACCOUNT_ID,
  cardNetwork: 'external:card-network',
  bank: 'external:bank',
  moneyTransfer: 'external:money-transfer',
  eWallet: 'external:e-wallet',
  boleto: 'external:boleto',
  fees: 'external:fees',
  /** Where a card check's one-cent charge goes and comes back from; opened at the first check. */
  cardCheck: 'external:card-check',
} as const;

/** Where each top-up method's money comes from: one external account per method. */
export const TOP_UP_SOURCE_ACCOUNTS: Record<TopUpMethod, string> = {
  card: ACCOUNTS.cardNetwork,
  e_wallet: ACCOUNTS.eWallet,
  bank_transfer: ACCOUNTS.bank,
  money_transfer: ACCOUNTS.moneyTransfer,
  boleto: ACCOUNTS.boleto,
};

/** Each merchant origin has its own account, so refunds can never exceed what that origin was paid. */
export const merchantAccount = (origin: string) => `merchant:${origin}`;
