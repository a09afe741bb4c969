import * as z from 'zod/mini';

/**
 * The ways to top up, as a schema for the messages that name one. Kept apart from the rules so
 * the popup, which reads top-ups but never checks a request, does not load zod.
 */
export const topUpMethod = z.enum(['card', 'e_wallet', 'bank_transfer', 'money_transfer', 'boleto']);
export type TopUpMethod = z.infer<typeof topUpMethod>;
