/** The ledger's account ids. External accounts stand for the world outside the wallet and may go below zero. */
export const ACCOUNTS = {
  shopper: 'shopper',
  cardNetwork: 'external:card-network',
  bank: 'external:bank',
  moneyTransfer: 'external:money-transfer',
  eWallet: 'external:e-wallet',
  boleto: 'external:boleto',
  fees: 'external:fees',
} as const;

/** Each merchant origin has its own account, so refunds can never exceed what that origin was paid. */
export const merchantAccount = (origin: string) => `merchant:${origin}`;
