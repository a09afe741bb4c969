import { t } from '@/components/i18n';

/** The site asking, as the browser reported it: the line a shopper checks before approving anything. */
export function OriginLines({ origin }: { origin: string }) {
  return (
    <>
      <p class="label">{t('confirmOrigin')}</p>
      <p class="origin" data-testid="confirm-origin">
        {origin}
      </p>
      <p class="muted">{t('confirmOriginHint')}</p>
    </>
  );
}
