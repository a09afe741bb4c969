// Checks the store packages `npm run zip` made, as `npm test` runs it: the Chrome, Firefox and
// sources zips exist and hold a manifest; both builds ask only for the permissions the README
// justifies, keep the strict CSP, carry no remote or generated code, and hold every icon their
// manifest names for the extension and its toolbar button.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

const zips = ['chrome', 'firefox', 'sources'].map((kind) => join(output, `wallet-checkout-helper-${version}-${kind}.zip`));
for (const zip of zips) {
  /** @type {Buffer} */
  let bytes;
  try {
    bytes = readFileSync(zip);
  } catch {
    problems.push(`${zip} is missing: run npm run zip`);
    continue;
  }
  const isZip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const holdsManifest = bytes.includes(Buffer.from(zip.endsWith('sources.zip') ? 'package.json' : 'manifest.json'));
  if (!isZip || !holdsManifest) problems.push(`${zip} is not a package`);
}

if (problems.length > 0) {
  console.error(`Package check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Packages: ${zips.map((zip) => zip.slice(output.length + 1)).join(', ')}; permissions ${PERMISSIONS.join(' and ')} only; strict CSP; no remote or generated code; every icon in place.`,
);
