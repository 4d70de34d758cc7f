// Runs www/bench.html in headless Chromium against a wasm package and prints its figures.
//   node bench-run.mjs [--pkg DIR] [--queries N] [--limit N] [--memory N] [--seed N] [--json FILE]
// DIR defaults to www/pkg; scripts/bench-browser.sh wraps this (set-up included).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { FLAGS, ROOT } from './harness.mjs';

const { values: a } = parseArgs({
  options: {
    pkg: { type: 'string', default: join(ROOT, 'www/pkg') },
    queries: { type: 'string', default: '10000' },
    limit: { type: 'string', default: '10' },
    memory: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    json: { type: 'string' },
  },
});

const server = await serve({ root: join(ROOT, 'www'), mounts: { '/pkg/': resolve(a.pkg) } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const q = new URLSearchParams({ run: '1', queries: a.queries, limit: a.limit, memory: a.memory, seed: a.seed });
  await page.goto(`${server.url}bench.html?${q}`);
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 30 * 60 * 1000, polling: 500 });
  const result = JSON.parse(await page.locator('#json').textContent());
  if (result.error || problems.length) throw new Error(`benchmark failed: ${result.error ?? ''} ${problems.join('; ')}`);
  if (a.json) writeFileSync(a.json, JSON.stringify(result, null, 1));
  const { facts: f, measures } = result;
  const ms = (x) => x.toFixed(4).padStart(8);
  console.log(`package ${resolve(a.pkg)}: ${f.notices} notices, ${f.chars} characters; ${f.queries} random queries ` +
    `(1-8 chars, seed ${a.seed}) drawn from ${f.noticesSampled} notices; mean ${f.meanHits.toFixed(2)} hits`);
  console.log(`timer: ${f.crossOriginIsolated ? 'cross-origin isolated' : 'NOT isolated'}, resolution ${(f.timerResolutionMs * 1000).toFixed(1)} µs; ` +
    `start-up: instantiate ${f.instantiateMs.toFixed(1)} ms, warm() ${f.warmMs.toFixed(1)} ms`);
  console.log(`${'ms per call'.padEnd(48)}      p50      p95      p99      max     mean  >1ms`);
  for (const [name, m] of Object.entries(measures)) {
    console.log(`${name.padEnd(48)} ${ms(m.p50)} ${ms(m.p95)} ${ms(m.p99)} ${ms(m.max)} ${ms(m.mean)} ${String(m.over1ms).padStart(5)}`);
  }
  console.log(`wasm memory: after init ${f.memoryAfterInit} B, after warm() ${f.memoryAfterWarm} B, after warm-up ${f.memoryAfterWarmup} B; ` +
    `before ${f.loopSearches} searches ${f.memoryBeforeLoop} B, after ${f.memoryAfterLoop} B (growth ${f.memoryGrowth} B, ${f.loopMs.toFixed(0)} ms)`);
} finally {
  await browser.close();
  await server.close();
}
