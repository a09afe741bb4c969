// Serves the built demo storefront (storefront/dist) on localhost, with no dependencies.
// Usage: node scripts/storefront-server.mjs   (STOREFRONT_PORT, default 5178; STOREFRONT_HOST, default 127.0.0.1)
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const distDir = fileURLToPath(new URL('../storefront/dist', import.meta.url));
// The saved store pages the checkout detectors are tested on, served under /stores/ to try card fill on.
const storesDir = fileURLToPath(new URL('../tests/fixtures/checkout', import.meta.url));
const host = process.env.STOREFRONT_HOST || '127.0.0.1';
const port = Number(process.env.STOREFRONT_PORT || 5178);

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`STOREFRONT_PORT must be a port number, not "${process.env.STOREFRONT_PORT}".`);
  process.exit(1);
}
if (!existsSync(join(distDir, 'index.html'))) {
  console.error(`No storefront build in ${distDir}. Run \`npm run build:storefront\` first.`);
  process.exit(1);
}

/**
 * The files each saved real page loads from an address of its own site (a platform's script), by page path:
 * served to that page only, as its corpus entry maps them.
 * @type {Map<string, Record<string, string>>}
 */
const realPageFiles = new Map(
  Object.entries(
    /** @type {Record<string, { files?: Record<string, string> }>} */ (
      JSON.parse(readFileSync(join(storesDir, 'real', 'expected.json'), 'utf8'))
    ),
  ).flatMap(([page, { files }]) => (files ? [[`/stores/real/${page}`, files]] : [])),
);

/**
 * The saved file a real page's own request maps to, for a request whose Referer is that page.
 * @param {string} requestUrl
 * @param {string | undefined} referer
 * @returns {string | undefined}
 */
function realPageFile(requestUrl, referer) {
  if (!referer) return undefined;
  let from;
  try {
    from = new URL(referer).pathname;
  } catch {
    return undefined;
  }
  const mapped = realPageFiles.get(from)?.[requestUrl.split(/[?#]/, 1)[0] ?? ''];
  return mapped ? join(storesDir, 'real', mapped) : undefined;
}

/**
 * Maps a request path to a file inside distDir (or storesDir under /stores/); undefined when it would
 * leave that folder or cannot be decoded.
 * @param {string} requestUrl
 * @returns {string | undefined}
 */
function fileFor(requestUrl) {
  const rawPath = requestUrl.split(/[?#]/, 1)[0] ?? '/';
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  // Checked after decoding, so "%2e%2e%2f" and backslashes are caught as well as a plain "../".
  if (path.includes('\0') || path.split(/[/\\]/).includes('..')) return undefined;
  const [root, inRoot] = path.startsWith('/stores/') ? [storesDir, path.slice('/stores'.length)] : [distDir, path];
  const file = resolve(root, `.${inRoot.endsWith('/') ? `${inRoot}index.html` : inRoot}`);
  return file.startsWith(root + sep) ? file : undefined;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
function sendText(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`${text}\n`);
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendText(res, 405, 'Method not allowed');
    return;
  }
  const file = realPageFile(req.url ?? '/', req.headers.referer) ?? fileFor(req.url ?? '/');
  if (!file) {
    sendText(res, 403, 'Forbidden');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    sendText(res, 404, 'Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    // Always the latest build: a rebuilt storefront must never be masked by a cached copy.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
});

server.on('error', (error) => {
  console.error(`Demo storefront could not listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Demo storefront: http://localhost:${actualPort}/`);
});

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Browsers hold keep-alive connections open, which would otherwise delay close indefinitely.
    server.closeAllConnections();
  });
}
