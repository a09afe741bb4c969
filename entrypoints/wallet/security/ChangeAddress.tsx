import { useEffect, useState } from 'preact/hooks';
import {
  AddressFields,
  EMPTY_ADDRESS,
  checkAddress,
  firstAddressProblem,
  type AddressDraft,
  type AddressErrors,
} from '@/components/AddressFields';
import { PaymentPasswordInput } from '@/components/PaymentPasswordInput';
import { t } from '@/components/i18n';
import { useRequest } from '@/components/use-request';
import type { RuntimeClient } from '@/lib/protocol/client';

/** The home address, starting from the one on file; no code confirms an address, so the payment password does. */
export function ChangeAddress({ call, onChanged }: { call: RuntimeClient; onChanged: () => void }) {
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [errors, setErrors] = useState<AddressErrors>({});
  const [paymentPassword, setPaymentPassword] = useState('');
  const { busy, error, done, run } = useRequest();

  useEffect(() => {
    let mounted = true;
    void call({ type: 'account.profile' }).then(
      ({ profile }) => mounted && setAddress((current) => (Object.values(current).some(Boolean) ? current : { ...profile.address })),
      () => undefined,
    );
    return () => {
      mounted = false;
    };
  }, [call]);

  async function submit(event: Event) {
    event.preventDefault();
    const checked = checkAddress(address);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      document.getElementById(`home-address-${firstAddressProblem(checked.errors)}`)?.focus();
      return;
    }
    if (await run(() => call({ type: 'settings.address', paymentPassword, address: checked.address }))) {
      setPaymentPassword('');
      onChanged();
    }
  }

  return (
    <section class="card" aria-labelledby="change-address-title">
      <h2 id="change-address-title">{t('changeAddressTitle')}</h2>
      <form onSubmit={submit} aria-busy={busy} noValidate>
        <AddressFields
          kind="home"
          value={address}
          errors={errors}
          disabled={busy}
          onChange={(key, text) => {
            setAddress((current) => ({ ...current, [key]: text }));
            setErrors((current) => ({ ...current, [key]: undefined }));
          }}
        />
        <PaymentPasswordInput id="change-address-payment" value={paymentPassword} onInput={setPaymentPassword} error={error} />
        <button type="submit" class="primary" disabled={busy || paymentPassword.length !== 6} data-testid="change-address-submit">
          {busy ? t('savingChange') : t('changeAddressAction')}
        </button>
        {done && (
          <p class="muted" role="status" data-testid="address-changed">
            {t('addressChanged')}
          </p>
        )}
      </form>
    </section>
  );
}
