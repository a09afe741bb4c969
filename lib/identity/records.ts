import * as z from 'zod/mini';
import { sealed } from '../vault/records';
import { documentSide } from './requirements';

/** One uploaded file: its bytes sealed under the vault key, never stored in clear. */
export const documentRow = z.strictObject({
  id: z.string(),
  verificationId: z.string(),
  side: documentSide,
  sealedBytes: sealed,
});
export type DocumentRow = z.infer<typeof documentRow>;
