// Loads a built package in Node (V8, the engine of Chromium) and reports start-up time, wasm
// memory after start-up and in-wasm search latency over random substrings of the notices.
// Usage: node scripts/wasm-stats.mjs PKG_DIR NOTICES_DIR RAW_TEXT_BYTES
import fs from 'node:fs';
import path from 'node:path';

const [pkg, dir, rawBytes] = process.argv.slice(2);
const mod = await import(path.resolve(pkg, 'notice_search.js'));
const bytes = fs.readFileSync(path.resolve(pkg, 'notice_search_bg.wasm'));
let t = performance.now();
const exports = await mod.default({ module_or_path: bytes });
const tInit = performance.now() - t;
t = performance.now();
mod.warm();
const tWarm = performance.now() - t;
const mem = exports.memory.buffer.byteLength;
console.log(`wasm start-up     instantiate ${tInit.toFixed(1)} ms, index load + suffix arrays ${tWarm.toFixed(1)} ms`);
console.log(`wasm memory       ${mem} bytes after start-up = ${(mem / Number(rawBytes)).toFixed(2)}x the raw text`);

// Random substrings of 1-8 characters without white space, seeded.
let seed = 42;
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => Array.from(fs.readFileSync(path.join(dir, f), 'utf8')));
const queries = [];
while (queries.length < 5000) {
  const t = texts[rnd(texts.length)];
  if (!t.length) continue;
  const s = rnd(t.length);
  const q = t.slice(s, s + 1 + rnd(8)).join('');
  if (!/\s/.test(q)) queries.push(q);
}
for (const q of queries) mod.search(q, { limit: 10 });
const times = queries.map((q) => { const t = performance.now(); mod.search(q, { limit: 10 }); return performance.now() - t; });
times.sort((a, b) => a - b);
const p = (x) => times[Math.min(times.length - 1, Math.ceil(times.length * x) - 1)].toFixed(4);
console.log(`wasm search top 10 (incl. JS objects) p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms over ${times.length} queries`);
