// Photographs the wallet's button on Chromium's and Firefox's own toolbars (docs/store/toolbar/), from the store zips.
// Headless browsers draw no toolbar, so tests/e2e/toolbar-shots.spec.ts runs here with the browsers in windows on a
// virtual X display (Xvfb), where ImageMagick photographs the screen. Usage: npm run store:toolbar
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** What the pictures need besides the browsers, with the Debian package that brings each. */
const TOOLS = { 'xvfb-run': 'xvfb', xauth: 'xauth', import: 'imagemagick', convert: 'imagemagick', unzip: 'unzip' };

/** @param {string} command */
const onPath = (command) => (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, command)));
const missing = Object.entries(TOOLS).filter(([command]) => !onPath(command));
if (missing.length > 0) {
  const packages = [...new Set(missing.map(([, debianPackage]) => debianPackage))];
  console.error(
    [
      `The toolbar pictures need ${missing.map(([command]) => command).join(', ')}, not found on PATH.`,
      `  On Debian or Ubuntu, as root: apt-get update && apt-get install -y ${packages.join(' ')}`,
    ].join('\n'),
  );
  process.exit(1);
}

/** @type {[string, ...string[]][]} */
const STEPS = [
  [process.execPath, 'scripts/ensure-browsers.mjs'],
  // The pictures are of what the stores get: the zips, built afresh.
  ['npm', 'run', 'zip'],
  // The badge counts payments made at the demo shop.
  ['npm', 'run', 'build:storefront'],
  // One worker, so one browser window at a time: each picture is taken of the whole screen.
  ['xvfb-run', '--auto-servernum', '--server-args=-screen 0 1280x1024x24', 'npx', 'playwright', 'test', 'toolbar-shots', '--workers=1'],
];
for (const [command, ...args] of STEPS) {
  const { status } = spawnSync(command, args, {
    cwd: join(import.meta.dirname, '..'),
    stdio: 'inherit',
    env: { ...process.env, TOOLBAR_SHOTS: '1' },
  });
  if (status !== 0) process.exit(status ?? 1);
}
console.log('Pictures in docs/store/toolbar/: open each before committing it.');
