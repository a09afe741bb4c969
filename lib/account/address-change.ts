import type { PaymentAuthorisation } from './payment-auth';
import { enteredPostalAddress, type PostalAddress } from './profile-fields';
import { readProfile, writeProfile } from './profile-store';
import { recordSecurityEvent } from './security-events';
import type { WalletContext } from '../wallet/context';
import { refuse, type WalletResult } from '../wallet/result';
import { sealJson } from '../vault/crypto';

/**
 * Changes the home address in the sealed profile, after the payment password: no code confirms an
 * address, so the password is the proof it is the shopper. Cards keep their own billing address.
 */
export async function changeAddress(
  context: WalletContext,
  dataKey: CryptoKey,
  typed: unknown,
  _authorisation: PaymentAuthorisation,
): Promise<WalletResult<{ address: PostalAddress }>> {
  const parsed = enteredPostalAddress.safeParse(typed);
  if (!parsed.success)
    return refuse(
      'INVALID_REQUEST',
      'address_incomplete',
      `The address is not complete: check ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}.`,
    );
  const { db, clock } = context;
  const profile = await readProfile(db, dataKey);
  const sealed = await sealJson(dataKey, { ...profile, address: parsed.data });
  return db.transaction('rw', db.profile, db.securityEvents, async () => {
    await writeProfile(db, sealed);
    await recordSecurityEvent(db, 'address_changed', clock.now());
    return { ok: true as const, address: parsed.data };
  });
}
