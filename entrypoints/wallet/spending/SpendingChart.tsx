import type { SpendingByMonth } from '@/lib/wallet/spending/spending-by-month';
import { PARTS, axisAmount, chartLabel, monthName, totalOf, type PartSum } from './spending-text';

const WIDTH = 600;
const HEIGHT = 236;
const LEFT = 64;
const RIGHT = 8;
const TOP = 14;
const BOTTOM = 44;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
/** A part of a bar is never thinner than this, so a small refund beside a large payment still shows. */
const MIN_PART = 3;
/** Space between the parts of a bar, so neighbouring parts never run together whatever the eye tells apart. */
const GAP = 2;

/**
 * Each part has a pattern as well as a colour (solid, hatched, dotted), so the parts differ for
 * eyes that do not tell the colours apart, and in print. The key draws its swatches with these.
 */
export const PART_FILL: Record<PartSum, string> = {
  paidMinor: 'var(--chart-paid)',
  heldMinor: 'url(#spending-held-pattern)',
  refundedMinor: 'url(#spending-refunded-pattern)',
};

export function ChartPatterns() {
  return (
    <defs>
      <pattern id="spending-held-pattern" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect class="spending-held-stripe" width="3" height="6" />
      </pattern>
      <pattern id="spending-refunded-pattern" width="6" height="6" patternUnits="userSpaceOnUse">
        <circle class="spending-refunded-dot" cx="3" cy="3" r="1.7" />
      </pattern>
    </defs>
  );
}

/** The smallest 1, 2 or 5 times a power of ten at or above `value`, so the axis counts in round steps. */
export function niceCeiling(value: number): number {
  for (let step = 1; ; step *= 10) for (const factor of [1, 2, 5]) if (factor * step >= value) return factor * step;
}

/**
 * The last twelve months as stacked bars, drawn for the eye alone: its name for screen readers
 * sums it up, and the table beside it holds every figure.
 */
export function SpendingChart({ spending }: { spending: SpendingByMonth }) {
  const { months, currency } = spending;
  const top = niceCeiling(Math.max(...months.map(totalOf)));
  const heightOf = (amountMinor: number) => (amountMinor / top) * PLOT_HEIGHT;
  const baseline = TOP + PLOT_HEIGHT;
  const slot = (WIDTH - LEFT - RIGHT) / months.length;
  const barWidth = slot * 0.62;
  return (
    <svg
      class="spending-chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={chartLabel(spending)}
      data-testid="spending-chart"
    >
      <ChartPatterns />
      {[0, top / 2, top].filter(Number.isInteger).map((tick) => (
        <g key={tick} class="spending-tick">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={baseline - heightOf(tick)} y2={baseline - heightOf(tick)} />
          <text x={LEFT - 8} y={baseline - heightOf(tick)} text-anchor="end" dominant-baseline="middle">
            {axisAmount(tick, currency)}
          </text>
        </g>
      ))}
      {months.map((month, index) => {
        const centre = LEFT + slot * index + slot / 2;
        let bottom = baseline;
        return (
          <g key={month.month}>
            {PARTS.filter(({ sum }) => month[sum] > 0).map(({ sum }) => {
              const height = Math.max(MIN_PART, heightOf(month[sum]));
              bottom -= height;
              const part = (
                <rect
                  key={sum}
                  class={`spending-part spending-part-${sum}`}
                  x={centre - barWidth / 2}
                  y={bottom}
                  width={barWidth}
                  height={height}
                  fill={PART_FILL[sum]}
                />
              );
              bottom -= GAP;
              return part;
            })}
            <text class="spending-month" x={centre} y={baseline + 16} text-anchor="middle">
              {monthName(month.month, 'short')}
            </text>
            {(index === 0 || month.month.endsWith('-01')) && (
              <text class="spending-year" x={centre} y={baseline + 32} text-anchor="middle">
                {monthName(month.month, 'year')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
