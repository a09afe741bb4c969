/** One order per merchant origin and merchant order id; the same order can never be paid twice. */
export const orderKey = (origin: string, orderId: string) => `${origin} ${orderId}`;
/**
 * The escrow hold of an order. A partial refund before release voids the hold and holds the rest again
 * under the next generation, so each hold's id is new and every void or post happens once.
 */
export const holdId = (key: string, generation = 0) => `hold:${key}#${generation}`;
/** The id of the hold that replaces `current` after a partial refund. */
export const nextHoldId = (key: string, current: string) => holdId(key, Number(current.slice(current.lastIndexOf('#') + 1)) + 1);
