import parseWithBundledPlans from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { bundledPhonePlans } from '@/lib/account/bundled-phone-plans';
import { lazyPhonePlans, PHONE_PLANS_FILE } from '@/lib/account/phone-plans';
import { phoneNumber } from '@/lib/account/profile';

/** The plans as the background reads them: the file the build writes, fetched and parsed. */
const fromFile = () => new Response(JSON.stringify(bundledPhonePlans)).json();

/** What the wallet made of a number when every bundle carried the plans: E.164, or refused. */
function bundledAnswer(typed: string): string | undefined {
  const parsed = parseWithBundledPlans(typed.trim(), { extract: false });
  return parsed?.isValid() && !parsed.ext ? parsed.number : undefined;
}

describe('Phone numbering plans loaded on first use', () => {
  it.each([
    '+44 7400 123456',
    '+1 (213) 373-4253',
    '+1 416 555 0134',
    '+1 222 333 3333',
    '+7 912 345-67-89',
    '+7 701 234 5678',
    '+86 138 0013 8000',
    '+81 90-1234-5678',
    '+49 1512 3456789',
    '+33 6 12 34 56 78',
    '+55 11 91234-5678',
    '+91 98765 43210',
    '+234 802 123 4567',
    '+61 412 345 678',
    '+44 1481 256789',
    '+44 7400 1234',
    '+44 7400 1234567890',
    '07400 123456',
    '+1 213 373 4253 ext. 12',
    '+999 123 456 789',
    'none',
    '+',
  ])('reads %s as the bundled plans did', async (typed) => {
    const plans = await lazyPhonePlans(fromFile)();
    const parsed = phoneNumber(plans).safeParse(typed);
    expect(parsed.success ? parsed.data : undefined).toBe(bundledAnswer(typed));
  });

  it('loads the plans once and keeps them', async () => {
    let loads = 0;
    const plans = lazyPhonePlans(() => {
      loads += 1;
      return fromFile();
    });
    expect(await plans()).toBe(await plans());
    expect(loads).toBe(1);
  });

  it.each([
    ['a missing file', () => Promise.reject(new Error(`${PHONE_PLANS_FILE}: HTTP 404`)), 'HTTP 404'],
    ['a file that is not plans', () => Promise.resolve({ countries: 'none' }), 'not a valid metadata'],
    ['a truncated file', () => new Response('{"countries":').json(), 'JSON'],
  ])('says what failed on %s, and tries again on the next request', async (_, load, cause) => {
    let attempts = 0;
    const plans = lazyPhonePlans(() => (++attempts === 1 ? load() : fromFile()));
    const failure = await plans().catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(`The phone numbering plans (${PHONE_PLANS_FILE}) could not be loaded`);
    expect(String((failure as Error).cause)).toContain(cause);
    expect(await plans()).toEqual(bundledPhonePlans);
  });
});
