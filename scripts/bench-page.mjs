// The benchmark page (bench/): the extension's schema and code in a plain web page, built and served on loopback
// for the bench to run in real browsers.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';

/** Builds the benchmark page. @param {string} root the project folder */
export function buildBenchPage(root) {
  const built = spawnSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('Building the benchmark page failed');
}

/** Serves the built benchmark page on loopback. @param {string} root the project folder */
export async function serveBenchPage(root) {
  const dir = join(root, '.output', 'bench');
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = join(dir, new URL(request.url ?? '/', 'http://localhost').pathname.replace(/^\/$/, '/index.html'));
    if (!path.startsWith(dir) || !existsSync(path)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[/** @type {keyof typeof types} */ (extname(path))] ?? 'application/octet-stream' });
    createReadStream(path).pipe(response);
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', () => listening(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, port };
}
