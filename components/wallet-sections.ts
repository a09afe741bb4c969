/** The wallet page's sections, in the order its navigation lists them; each is also an address (`wallet.html#history`). */
export const WALLET_SECTIONS = [
  'overview',
  'orders',
  'history',
  'topup',
  'cards',
  'verification',
  'security',
  'claims',
  'backup',
  'help',
] as const;
export type WalletSection = (typeof WALLET_SECTIONS)[number];

export const isWalletSection = (value: unknown): value is WalletSection => WALLET_SECTIONS.some((section) => section === value);
