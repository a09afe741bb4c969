import * as z from 'zod/mini';
import { money } from '../money-schema';

export const walletBalance = z.object({ available: money, held: money });
export type WalletBalance = z.infer<typeof walletBalance>;
