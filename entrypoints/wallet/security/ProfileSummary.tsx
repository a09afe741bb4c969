import { useEffect, useState } from 'preact/hooks';
import { errorText, formatDateTime } from '@/components/error-text';
import { useLiveQuery } from '@/components/useLiveQuery';
import type { ContactRecord } from '@/lib/account/records';
import type { WalletReads } from '@/lib/reads/wallet-reads';
import { t, uiLocale } from '@/components/i18n';
import type { ProfileRecord } from '@/lib/account/profile-fields';
import type { RuntimeClient } from '@/lib/protocol/client';

type Loaded = { status: 'loading' } | { status: 'ready'; profile: ProfileRecord } | { status: 'failed'; message: string };

/** Only the last three characters of an ID number are shown: enough to tell documents apart. */
const maskedIdNumber = (number: string) => `${'•'.repeat(Math.max(0, number.length - 3))}${number.slice(-3)}`;

/**
 * The profile as the wallet keeps it (sealed; the background opens it only while unlocked), so
 * the shopper can check what they gave at sign-up. Citizenship and currency are fixed; the phone
 * changes through its own confirmed form below.
 */
export function ProfileSummary({ call, reads }: { call: RuntimeClient; reads: WalletReads }) {
  const contacts = useLiveQuery(() => reads.contacts(), [reads]);
  const latestChange = useLiveQuery(() => reads.securityEvents(1), [reads]);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    call({ type: 'account.profile' }).then(
      ({ profile }) => setLoaded({ status: 'ready', profile }),
      (error: unknown) => setLoaded({ status: 'failed', message: errorText(error) }),
    );
    // A change of email, phone or address rewrites the sealed profile and records a security event: the profile is read again then.
  }, [call, latestChange.status === 'ready' ? latestChange.value[0]?.id : undefined]);

  return (
    <section class="card" aria-labelledby="profile-title" aria-busy={loaded.status === 'loading'} data-testid="profile-summary">
      <h2 id="profile-title">{t('profileTitle')}</h2>
      {loaded.status === 'loading' && <p class="muted">{t('profileLoading')}</p>}
      {loaded.status === 'failed' && (
        <p class="error" role="alert">
          {t('profileLoadFailed', [loaded.message])}
        </p>
      )}
      {loaded.status === 'ready' && (
        <ProfileDetails profile={loaded.profile} contacts={contacts.status === 'ready' ? contacts.value : []} />
      )}
    </section>
  );
}

/** When a contact was last confirmed by its code, beside the value, so a shopper can tell it is current. */
function confirmedText(contacts: readonly ContactRecord[], channel: ContactRecord['id']): string {
  const confirmedAt = contacts.find((contact) => contact.id === channel)?.confirmedAt;
  return confirmedAt === undefined ? t('profileNotConfirmed') : t('profileConfirmedOn', [formatDateTime(confirmedAt)]);
}

function ProfileDetails({ profile, contacts }: { profile: ProfileRecord; contacts: readonly ContactRecord[] }) {
  const regions = new Intl.DisplayNames([uiLocale()], { type: 'region' });
  const birthDate = new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(profile.dateOfBirth));
  const { street, city, region, postcode, country } = profile.address;
  const rows: [string, string][] = [
    [t('profileName'), `${profile.givenName} ${profile.familyName}`],
    [t('profileBirthDate'), birthDate],
    [t('profileCitizenship'), regions.of(profile.citizenship) ?? profile.citizenship],
    [
      t('profileIdDocument'),
      `${profile.idDocument.type === 'passport' ? t('signUpIdPassport') : t('signUpIdDrivingLicence')} ${maskedIdNumber(profile.idDocument.number)}`,
    ],
    [t('profileAddress'), [street, city, region, postcode, regions.of(country) ?? country].filter(Boolean).join(', ')],
    [t('profilePhone'), `${profile.phone} · ${confirmedText(contacts, 'phone')}`],
    [t('profileEmail'), `${profile.email} · ${confirmedText(contacts, 'email')}`],
  ];
  return (
    <>
      <dl class="profile-details">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              <bdi>{value}</bdi>
            </dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t('profileFixedNote')}</p>
    </>
  );
}
