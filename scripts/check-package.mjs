// Checks the store packages `npm run zip` made, as `npm test` runs it: the Chrome, Firefox and
// sources zips exist and hold a manifest; both builds ask only for the permissions the README
// justifies, and docs/store/permissions.md explains everything they ask for; they keep the strict
// CSP, carry no remote or generated code, and hold every icon their manifest names for the
// extension and its toolbar button; the zips hold those icons and every language, and no tests.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unexplained } from './manifest-permissions.mjs';

const root = join(import.meta.dirname, '..');
const output = join(root, '.output');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const STRICT_CSP = "script-src 'self'; object-src 'self'; base-uri 'none'";
const PERMISSIONS = ['alarms', 'storage'];
/** Ways code could come from elsewhere or be made at run time; none may appear in a bundle. */
const REMOTE_CODE = [
  /<script[^>]+src=["']?https?:/i,
  /importScripts\(/,
  /import\(\s*["'`]https?:/,
  /\bfrom\s*["'`]https?:/,
  /\beval\(/,
  /new Function\(/,
];

/** @type {string[]} */
const problems = [];
/** @param {string} dir @returns {string[]} */
const files = (dir) =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

/** @type {[string, number][]} */
const BUILDS = [
  ['chrome-mv3', 3],
  ['firefox-mv2', 2],
];
for (const [build, manifestVersion] of BUILDS) {
  const manifest = JSON.parse(readFileSync(join(output, build, 'manifest.json'), 'utf8'));
  if (manifest.manifest_version !== manifestVersion) problems.push(`${build}: manifest_version ${manifest.manifest_version}`);
  const permissions = [...(manifest.permissions ?? [])].sort();
  if (JSON.stringify(permissions) !== JSON.stringify(PERMISSIONS)) problems.push(`${build}: permissions ${permissions.join(', ')}`);
  if (manifest.host_permissions?.length || manifest.optional_permissions?.length) problems.push(`${build}: asks for more permissions`);
  for (const entry of unexplained(manifest)) problems.push(`${build}: docs/store/permissions.md does not explain ${entry}`);
  const toolbarIcons = (manifestVersion === 3 ? manifest.action : manifest.browser_action)?.default_icon;
  if (!manifest.icons || !toolbarIcons) problems.push(`${build}: the extension or its toolbar button has no icons`);
  for (const icon of [...Object.values(manifest.icons ?? {}), ...Object.values(toolbarIcons ?? {})])
    if (!existsSync(join(output, build, icon))) problems.push(`${build}: ${icon} is missing`);
  const csp = manifestVersion === 3 ? manifest.content_security_policy?.extension_pages : manifest.content_security_policy;
  if (csp !== STRICT_CSP) problems.push(`${build}: CSP is ${JSON.stringify(csp)}`);
  for (const file of files(join(output, build)).filter((name) => /\.(js|html)$/.test(name))) {
    const source = readFileSync(file, 'utf8');
    for (const pattern of REMOTE_CODE) if (pattern.test(source)) problems.push(`${file}: ${pattern}`);
  }
}

/**
 * The names of a zip's files, from its central directory.
 * @param {Buffer} bytes
 * @returns {string[] | undefined} undefined when the bytes are not a zip
 */
function zipEntries(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) return undefined;
  const names = [];
  let at = bytes.readUInt32LE(end + 16);
  for (let count = bytes.readUInt16LE(end + 10); count > 0; count--) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return names;
}

const LOCALES = readdirSync(join(root, 'public', '_locales'));
/** Files a store package has no use for: tests, their fixtures and source maps. */
const NOT_SHIPPED = /(^|\/)(tests?|__tests__|fixtures)\/|\.(test|spec)\.[cm]?[jt]sx?$|\.map$/;
/** What a store needs in each zip; the sources zip is what AMO's reviewers build the Firefox package from. */
const PACKAGES = /** @type {const} */ ([
  ['chrome', 'chrome-mv3'],
  ['firefox', 'firefox-mv2'],
  ['sources', undefined],
]).map(([kind, build]) => ({ zip: join(output, `wallet-checkout-helper-${version}-${kind}.zip`), build }));
const zips = PACKAGES.map(({ zip }) => zip);
for (const { zip, build } of PACKAGES) {
  /** @type {Buffer} */
  let bytes;
  try {
    bytes = readFileSync(zip);
  } catch {
    problems.push(`${zip} is missing: run npm run zip`);
    continue;
  }
  const entries = zipEntries(bytes);
  if (!entries) {
    problems.push(`${zip} is not a zip`);
    continue;
  }
  /** @type {string[]} */
  let needed;
  if (build) {
    const manifest = JSON.parse(readFileSync(join(output, build, 'manifest.json'), 'utf8'));
    const toolbarIcons = (manifest.action ?? manifest.browser_action)?.default_icon ?? {};
    needed = [
      'manifest.json',
      ...LOCALES.map((locale) => `_locales/${locale}/messages.json`),
      ...new Set([...Object.values(manifest.icons ?? {}), ...Object.values(toolbarIcons)]),
    ];
    for (const entry of entries.filter((name) => NOT_SHIPPED.test(name))) problems.push(`${zip}: ships ${entry}`);
  } else {
    needed = ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md'];
    for (const entry of entries.filter((name) => /^(node_modules|\.output)\//.test(name))) problems.push(`${zip}: holds ${entry}`);
  }
  for (const name of needed.filter((name) => !entries.includes(name))) problems.push(`${zip}: lacks ${name}`);
}

if (problems.length > 0) {
  console.error(`Package check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Packages: ${zips.map((zip) => zip.slice(output.length + 1)).join(', ')}; permissions ${PERMISSIONS.join(' and ')} only, each explained for the stores; strict CSP; no remote or generated code; every icon and language in the zips, and no tests.`,
);
