// Writes DIR/sw-manifest.js for the service worker (www/sw.js): the files to cache for offline
// use and a version that changes whenever any of them changes. scripts/build-wasm.sh runs it for
// www/; run it yourself for a copy of www/ you deploy with another package.
// Usage: node scripts/sw-manifest.mjs [DIR]   (default: www)
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Not cached: the worker and its manifest (the browser fetches those itself), the benchmark,
// and what a browser never loads (TypeScript declarations, package metadata, docs).
const SKIP = [/^sw(-manifest)?\.js$/, /^bench\./, /\.d\.ts$/, /(^|\/)package\.json$/, /\.md$/, /^docs\//];
const TYPES = /\.(html|js|css|svg|png|ico|wasm|json|webmanifest)$/;

function walk(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path, root);
    return [relative(root, path).split(sep).join('/')];
  });
}

/** Writes the manifest into dir; returns it. */
export function writeManifest(dir) {
  const files = walk(resolve(dir)).filter((f) => TYPES.test(f) && !SKIP.some((re) => re.test(f))).sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(dir, f))).update('\0');
  const manifest = { version: hash.digest('hex').slice(0, 16), files: ['./', ...files] };
  writeFileSync(join(dir, 'sw-manifest.js'),
    `// Written by scripts/sw-manifest.mjs: what www/sw.js caches. Do not edit.\n` +
    `self.NS_MANIFEST = ${JSON.stringify(manifest, null, 1)};\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'www';
  const m = writeManifest(dir);
  console.log(`${dir}/sw-manifest.js: version ${m.version}, ${m.files.length} files`);
}
