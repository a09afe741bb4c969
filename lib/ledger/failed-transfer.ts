import * as z from 'zod/mini';
import { transferId } from './transfer';

/** A transfer id the ledger refused; a retry with the same id answers `id_already_failed`. */
export const failedTransfer = z.strictObject({
  id: transferId,
  code: z.string(),
  failedAt: z.int(),
});
export type FailedTransfer = z.infer<typeof failedTransfer>;
