// Tiny static file server for www/ used by the e2e tests, the browser benchmark and
// scripts/demo.sh (`node serve.mjs [port] [root]`). Binds 127.0.0.1, serves correct MIME types
// (wasm must be application/wasm for streaming instantiation) and sends the same
// Content-Security-Policy the element has to work under.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeManifest } from '../../scripts/sw-manifest.mjs';

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const DEFAULT_ROOT = resolve(fileURLToPath(new URL('../../www/', import.meta.url)));

/**
 * Start the server. Resolves to { url, port, close() }.
 * port 0 = pick a random free port. prefix: the URL path www/ appears under (e.g. '/a/b/', to
 * test a deployment in a subfolder). mounts: { '/pkg/': dir } serves another folder there.
 * liveManifest: rewrite sw-manifest.js whenever it is asked for, so that the service worker
 * picks up edits to www/ (for scripts/demo.sh; a real deployment runs scripts/build-wasm.sh).
 */
export function serve({ root = DEFAULT_ROOT, port = 0, log = false, prefix = '/', mounts = {}, liveManifest = false } = {}) {
  root = resolve(root);
  const dirs = Object.entries(mounts).map(([at, dir]) => [at, resolve(dir)]);
  const server = createServer(async (req, res) => {
    const send = (status, body, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        // Cross-origin isolation: performance.now() then has 5 µs instead of 100 µs
        // resolution, so the component's "用时 … 毫秒" is meaningful for fast queries.
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request');
    }
    if (!path.startsWith(prefix)) return send(404, 'not found');
    path = `/${path.slice(prefix.length)}`;
    // A mounted folder, else root; resolved inside it only (no ../ escapes).
    const [at, base] = dirs.find(([at]) => path.startsWith(at)) ?? ['/', root];
    let file = normalize(join(base, path.slice(at.length)));
    if (file !== base && !file.startsWith(base + sep)) return send(403, 'forbidden');
    try {
      if (liveManifest && path === '/sw-manifest.js') writeManifest(root);
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      if (log) console.log(200, path);
      send(200, body, MIME[extname(file).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      if (log) console.log(404, path);
      send(404, 'not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      ok({
        port,
        url: `http://127.0.0.1:${port}${prefix}`,
        close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
      });
    });
  });
}

// Run directly: node serve.mjs [port] [root]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await serve({
    port: Number(process.argv[2] ?? 8080),
    root: process.argv[3] ?? DEFAULT_ROOT,
    log: true,
    liveManifest: true,
  });
  console.log(`serving ${process.argv[3] ?? 'www/'} at ${url} (CSP: ${CSP})`);
  console.log(`  demo ${url}index.html · embedding example ${url}examples/embed.html · benchmark ${url}bench.html?run=1`);
}
