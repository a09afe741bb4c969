// Figures that survive a noisy machine, for `npm run bench`: two things measured in alternation (A, B, A, B…)
// within one run, so whatever else the machine is doing falls on both alike, and reported as the median of the
// per-pair ratios with their min–max.

/** Pairs per ratio: at least seven, as docs/budgets.md asks. */
export const PAIRS = 9;

/** @param {number[]} values */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Measures `a` then `b`, `pairs` times over; each call returns milliseconds.
 * @param {() => Promise<number>} a
 * @param {() => Promise<number>} b
 */
export async function interleaved(a, b, pairs = PAIRS) {
  /** @type {number[]} */
  const aMs = [];
  /** @type {number[]} */
  const bMs = [];
  for (let pair = 0; pair < pairs; pair++) {
    aMs.push(await a());
    bMs.push(await b());
  }
  return { aMs, bMs };
}

/**
 * The ratio of A to B from interleaved pairs: the median of each pair's own ratio, with the spread of those ratios.
 * It is "unstable" when the spread is wider than the effect it reports (the distance of the median from 1): the run
 * cannot then tell the effect from noise.
 * @param {string} name what was measured against what
 * @param {{ aMs: number[], bMs: number[] }} measured
 * @param {string} target where docs/budgets.md wants it
 */
export function pairedRatio(name, { aMs, bMs }, target) {
  const ratios = aMs.map((a, index) => a / (bMs[index] ?? Number.NaN));
  const value = median(ratios);
  const min = Math.min(...ratios);
  const max = Math.max(...ratios);
  return {
    ratio: name,
    value,
    min,
    max,
    pairs: ratios.length,
    unstable: max - min > Math.abs(value - 1),
    aMedianMs: median(aMs),
    bMedianMs: median(bMs),
    target,
  };
}

/** @typedef {ReturnType<typeof pairedRatio>} PairedRatio */

/** One row of the printed table. @param {PairedRatio} figure */
export function ratioRow(figure) {
  return {
    ratio: figure.ratio,
    'A ms': figure.aMedianMs.toFixed(2),
    'B ms': figure.bMedianMs.toFixed(2),
    'A / B': `${figure.value.toFixed(2)}×`,
    'min–max': `${figure.min.toFixed(2)}–${figure.max.toFixed(2)} (${figure.pairs} pairs)`,
    stable: figure.unstable ? 'unstable: spread wider than the effect' : 'yes',
    target: figure.target,
  };
}
