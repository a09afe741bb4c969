import { describe, expect, it } from 'vitest';
import { accountStatus } from '@/lib/wallet/account-status';

describe('Account status', () => {
  it('names the limit that follows from verification, in the wallet’s currency', () => {
    expect(accountStatus({ currency: 'USD', verified: false })).toEqual({
      verified: false,
      limit: { amountMinor: 50_000, currency: 'USD' },
    });
    expect(accountStatus({ currency: 'USD', verified: true })).toEqual({
      verified: true,
      limit: { amountMinor: 500_000, currency: 'USD' },
    });
    expect(accountStatus({ currency: 'EUR', verified: false }).limit.currency).toBe('EUR');
  });
});
