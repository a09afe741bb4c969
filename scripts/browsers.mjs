// Finds the real browsers the extension runs in. Test tools' own browser downloads do not work
// on every machine (and cannot load extensions in branded Chrome), so installed ones are used.
import { existsSync } from 'node:fs';

/** @typedef {{ name: string, envVariable: string, candidates: string[], debianPackage: string }} BrowserSpec */

/** Headless Chromium for tests and benchmarks: no GPU, and nothing of its own on the network that could skew a run. */
export const QUIET_CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @type {Record<'chromium' | 'firefox', BrowserSpec>} */
export const BROWSERS = {
  chromium: {
    name: 'Chromium',
    envVariable: 'CHROMIUM_PATH',
    candidates: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    ],
    debianPackage: 'chromium',
  },
  firefox: {
    name: 'Firefox',
    envVariable: 'FIREFOX_PATH',
    candidates: [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/snap/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
      'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
    ],
    debianPackage: 'firefox-esr',
  },
};

/**
 * The browser's executable: the environment variable when set (and then it must exist), else
 * the first installed candidate.
 * @param {'chromium' | 'firefox'} which
 * @returns {string | undefined}
 */
export function findBrowser(which) {
  const spec = BROWSERS[which];
  const fromEnv = process.env[spec.envVariable];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return spec.candidates.find((candidate) => existsSync(candidate));
}

/**
 * What to tell someone whose browser is missing.
 * @param {'chromium' | 'firefox'} which
 */
export function installAdvice(which) {
  const spec = BROWSERS[which];
  const fromEnv = process.env[spec.envVariable];
  const problem = fromEnv
    ? `${spec.envVariable}=${fromEnv} does not exist`
    : `${spec.name} was not found (looked in ${spec.candidates.join(', ')})`;
  return [
    problem + '.',
    `  On Debian or Ubuntu, as root: apt-get update && apt-get install -y ${spec.debianPackage}`,
    `  (or run: sudo bash scripts/setup-browsers.sh)`,
    `  Elsewhere, install ${spec.name} and point ${spec.envVariable} at its executable.`,
    which === 'chromium' ? '  Branded Google Chrome ignores --load-extension since version 137, so tests need Chromium.' : '',
  ]
    .filter(Boolean)
    .join('\n');
}
