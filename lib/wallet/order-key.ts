/** One order per merchant origin and merchant order id; the same order can never be paid twice. */
export const orderKey = (origin: string, orderId: string) => `${origin} ${orderId}`;
export const holdId = (key: string, generation = 0) => `hold:${key}#${generation}`;
