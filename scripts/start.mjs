// `npm start`: builds the extension for both browsers and the demo storefront, serves the shop,
// and opens Chromium with the wallet loaded when there is a display; otherwise it says how to
// load the builds by hand. It keeps serving until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findBrowser, installAdvice } from './browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const port = Number(process.env.STOREFRONT_PORT ?? 5178);
const storefrontUrl = `http://localhost:${port}/`;
const chromeDir = join(root, '.output', 'chrome-mv3');
const firefoxDir = join(root, '.output', 'firefox-mv2');

/** @param {string} script */
function runNpm(script) {
  console.log(`\n> npm run ${script}`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\nnpm run ${script} failed (exit ${result.status}); fix the error above and run npm start again.`);
    process.exit(result.status ?? 1);
  }
}

async function waitForStorefront() {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(storefrontUrl)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`The storefront did not answer at ${storefrontUrl} within 15 s.`);
}

function hasDisplay() {
  if (process.env.CI) return false;
  if (process.platform === 'linux') return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

function printManualSteps() {
  console.log(`
Load the wallet by hand:
  Chrome or Chromium: open chrome://extensions, turn on Developer mode, click "Load unpacked"
    and choose ${chromeDir}
  Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…"
    and choose ${join(firefoxDir, 'manifest.json')}
Then open ${storefrontUrl}, add something to the cart and go to the checkout.`);
}

runNpm('build');
runNpm('build:storefront');

const server = spawn(process.execPath, [join(root, 'scripts', 'storefront-server.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, STOREFRONT_PORT: String(port) },
});
const stop = () => {
  server.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => {
  console.error(`The storefront server stopped (exit ${code}).`);
  process.exit(code ?? 1);
});
await waitForStorefront();

const chromium = findBrowser('chromium');
if (!hasDisplay()) {
  console.log(`\nNo display here (${process.env.CI ? 'CI is set' : 'DISPLAY and WAYLAND_DISPLAY are unset'}), so no browser is opened.`);
  console.log('For a headed run, start `npm start` in a desktop session (or over `ssh -X`).');
  printManualSteps();
} else if (!chromium) {
  console.log(`\n${installAdvice('chromium')}`);
  printManualSteps();
} else {
  // A profile of its own keeps the shopper's everyday browser untouched.
  const profile = join(root, '.output', 'start-profile');
  mkdirSync(profile, { recursive: true });
  console.log(`\nOpening Chromium with the wallet loaded (profile: ${profile}).`);
  const browser = spawn(
    chromium,
    [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${chromeDir}`,
      `--load-extension=${chromeDir}`,
      '--no-first-run',
      '--no-default-browser-check',
      // Chromium refuses to start as root with its sandbox on (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      storefrontUrl,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let errors = '';
  browser.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-2_000)));
  browser.on('exit', (code) => {
    if (code) console.error(`Chromium exited with code ${code}:\n${errors}`);
    console.log('Chromium closed; the storefront is still served. Press Ctrl+C to stop.');
  });
  printManualSteps();
}
console.log(`\nDemo storefront: ${storefrontUrl}  (Ctrl+C to stop)`);
