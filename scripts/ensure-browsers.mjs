// Run before the end-to-end tests: installs missing browsers where it can (root on Debian or
// Ubuntu), otherwise says exactly what to install, instead of failing obscurely later.
import { spawnSync } from 'node:child_process';
import { BROWSERS, findBrowser, installAdvice } from './browsers.mjs';

/** @type {('chromium' | 'firefox')[]} */
const all = ['chromium', 'firefox'];
const missing = () => all.filter((which) => !findBrowser(which));

const customised = all.some((which) => process.env[BROWSERS[which].envVariable]);
if (missing().length > 0 && !customised) {
  spawnSync('bash', ['scripts/setup-browsers.sh'], { stdio: 'inherit' });
}

const stillMissing = missing();
if (stillMissing.length > 0) {
  console.error('\nThe end-to-end tests need real browsers.\n');
  for (const which of stillMissing) console.error(installAdvice(which) + '\n');
  process.exit(1);
}
for (const which of all) console.log(`${BROWSERS[which].name}: ${findBrowser(which)}`);
