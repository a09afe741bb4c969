import * as z from 'zod/mini';
import { autoLockMinutes } from '../account/records';
import { securityQuestionId } from '../account/security-questions';
import { walletRecord } from '../wallet/wallet-record';

/** The security settings as pages may see them: never the payment password's hash. */
export const securityView = z.strictObject({
  autoLockMinutes,
  paymentLockedUntil: z.optional(z.int()),
  recoveryLockedUntil: z.optional(z.int()),
});

/** Whether a wallet exists and whether it is unlocked; pages read the rest from the database. */
export const walletState = z.strictObject({
  wallet: z.nullable(walletRecord),
  locked: z.boolean(),
  security: z.optional(securityView),
  questionIds: z.optional(z.array(securityQuestionId)),
});
export type WalletState = z.infer<typeof walletState>;
