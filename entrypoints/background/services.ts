import type { PaymentAuthorisation } from '@/lib/account/payment-auth';
import type { Strength } from '@/lib/account/password-scorer';
import type { ApprovalFlow } from '@/lib/approvals/approval-flow';
import type { ClockAnchor, DemoClock } from '@/lib/clock';
import type { WalletContext } from '@/lib/wallet/context';
import type { Toolbar } from './toolbar';
import type { VaultSession } from './vault-session';

/** What the message handlers are given: the wallet, the vault session, the confirm windows, the jobs' alarm, the toolbar button, and the password scorer run on first use. */
export interface BackgroundServices {
  context: WalletContext;
  session: VaultSession;
  approvals: ApprovalFlow;
  time: { clock: DemoClock; setSpeedup(speedup: number): Promise<ClockAnchor> };
  /**
   * After `work`, which may have added or removed timed work (settlements, releases) or changed what waits
   * for the shopper (an order shipped, a refund made): re-arms the jobs' alarm and recounts the toolbar's badge.
   */
  afterChange<T>(work: Promise<T>): Promise<T>;
  toolbar: Toolbar;
  /** The vault key and the payment password's authorisation: what revealing a card or a security change needs. Throws when locked or wrong. */
  authorised(paymentPassword: string): Promise<{ key: CryptoKey; authorisation: PaymentAuthorisation }>;
  /** The login password scorer, run from the extension's files on first use; throws when it cannot be. Every login password set goes through it. */
  passwordScorer(): Promise<Strength>;
  /** Runs `work` with the wallet unlocked: paying, topping up and acting on orders need it. */
  unlocked<T>(work: (key: CryptoKey) => Promise<T>): Promise<T>;
}
