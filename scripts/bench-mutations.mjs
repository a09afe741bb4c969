// What the wallet costs a live page, for `npm run bench`: a saved store page whose ticker changes its DOM
// 20,000 times after load, with and without the wallet, measured in turn. Counted is the CPU time of the main
// thread of the page's renderer, from DevTools' own counters (Performance.getMetrics ThreadTime): the page's
// work, the content script's, and the style and layout either causes. CPU time, not the tasks' wall time
// (TaskDuration), since on a shared machine a task's wall time also counts the moments it waited for a core.
/* global document */
import { interleaved } from './bench-pairs.mjs';

const MUTATIONS = 20_000;
/** Changes per tick of the ticker, one timer apart: a price board, not one synchronous loop. */
const PER_TICK = 40;
/** Each pair takes some 13 seconds: the least the budgets ask for. */
const MUTATION_PAIRS = 7;
/** After load, before counting: the wallet has loaded its detectors, offered, and looked again once the page went quiet. */
const SETTLE_MS = 2_500;
/** After the ticker stops, still counted: the wallet's look once the page is quiet again (a second and a little). */
const TAIL_MS = 1_500;

// In the page: prices that change, and cells that flash as they do, PER_TICK changes a tick (each one record for
// a MutationObserver: a text replaced, or a class set) until `mutations` are done.
const TICKER = async (/** @type {{ mutations: number, perTick: number }} */ { mutations, perTick }) => {
  const board = document.createElement('ul');
  const cells = Array.from({ length: perTick / 2 }, () => board.appendChild(document.createElement('li')));
  document.body.append(board);
  for (let done = 0; done < mutations; done += perTick) {
    for (const [index, cell] of cells.entries()) {
      cell.textContent = `${((done + index) % 997) / 10} USD`;
      cell.className = done % (2 * perTick) === 0 ? 'up' : 'down';
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
};

/**
 * Main-thread CPU milliseconds of each ticking page with the wallet (A) and without (B): a card form, where the
 * wallet offers to fill and guards its frame, and a page without one, where the content script only watches.
 * @param {{ withWallet: import('@playwright/test').Page, without: import('@playwright/test').Page }} pages
 * @param {string} base the storefront's address
 */
export async function mutationBench({ withWallet, without }, base) {
  const walletCpu = await mainThreadCpu(withWallet);
  const plainCpu = await mainThreadCpu(without);
  /**
   * @param {import('@playwright/test').Page} page
   * @param {() => Promise<number>} cpuMs
   * @param {string} path
   */
  const run = async (page, cpuMs, path) => {
    await page.goto(`${base}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const before = await cpuMs();
    await page.evaluate(TICKER, { mutations: MUTATIONS, perTick: PER_TICK });
    await page.waitForTimeout(TAIL_MS);
    return (await cpuMs()) - before;
  };
  /** @param {string} path */
  const pair = (path) =>
    interleaved(
      () => run(withWallet, walletCpu, path),
      () => run(without, plainCpu, path),
      MUTATION_PAIRS,
    );
  return {
    mutations: MUTATIONS,
    cardForm: await pair('/stores/woocommerce-checkout.html'),
    noCardForm: await pair('/stores/product-page.html'),
  };
}

/**
 * A reader of the CPU time of the page's renderer main thread, in milliseconds since the thread started.
 * @param {import('@playwright/test').Page} page
 */
async function mainThreadCpu(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    return (metrics.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  };
}
