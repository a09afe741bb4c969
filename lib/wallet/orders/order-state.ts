import type { OrderRecord } from '../records';

/** Whether the order's pending transfer still holds its money: while its payment is in check, and once accepted until it closes. */
export const holdsMoney = (order: OrderRecord): boolean => order.state === 'checking' || order.state === 'held';
