import { t } from '@/components/i18n';
import { MIN_LONG_SIDE, MIN_SHORT_SIDE, type RejectionReason } from '@/lib/identity/review';

/**
 * Why a photo was refused and what to send instead. The smallest size is given the same way round
 * as the refused photo, so someone who took a portrait photo is asked for a portrait one.
 */
export function rejectionText({ side, reason, width, height }: RejectionReason): string {
  const [minWidth, minHeight] = height > width ? [MIN_SHORT_SIDE, MIN_LONG_SIDE] : [MIN_LONG_SIDE, MIN_SHORT_SIDE];
  return t(`identityRejection_${reason}`, [
    t(`identitySideOf_${side}`),
    String(width),
    String(height),
    String(minWidth),
    String(minHeight),
  ]);
}
