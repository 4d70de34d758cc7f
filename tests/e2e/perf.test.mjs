// Start-up time (navigation to the first results of a typed query), screenshots at 1280x800 and
// 375x740 (artifacts/: results, reader, completions and filters, syntax help, did-you-mean,
// embed), the 375 px layout, and the benchmark page running under the CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, close, open, ready, server, setup, ui } from './harness.mjs';

setup();

/**
 * In the page: types `q` the moment the search box is visible (as a user would, minus human
 * typing time) and records, on the page's clock (0 = navigation start), when the box appeared,
 * when the engine was ready, when the results were in the DOM and when the next frame began.
 */
function timeFirstResults(q) {
  const t = (window.__timing = {});
  const tick = () => {
    const root = document.querySelector('notice-search')?.shadowRoot;
    const box = root?.querySelector('[part~=container]');
    if (!box?.checkVisibility()) return requestAnimationFrame(tick);
    const input = root.querySelector('input');
    t.boxVisible = performance.now();
    input.focus();
    input.value = q;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: q }));
  };
  requestAnimationFrame(tick);
  addEventListener('notice-search:search', (e) => {
    if (e.detail.total === 0 || t.results) return;
    t.results = performance.now();
    t.searchMs = e.detail.ms;
    t.engineReady = performance.getEntriesByName('notice-search:ready')[0]?.startTime;
    t.css = performance.getEntriesByName(new URL('notice-search.css', location.href).href)[0]?.responseEnd;
    t.wasm = performance.getEntriesByName(new URL('pkg/notice_search_bg.wasm', location.href).href)[0]?.responseEnd;
    requestAnimationFrame(() => { t.frame = performance.now(); });
  }, true);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

test('navigation to the first results of a typed query (default notices): measured and printed', async () => {
  const runs = [];
  for (let i = 0; i < 11; i++) {
    const { page } = await open(null);
    await page.addInitScript(timeFirstResults, '一断三不断');
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => window.__timing.frame);
    const t = await page.evaluate(() => window.__timing);
    assert.equal(await ui(page).options.first().locator('mark').first().textContent(), '一断三不断');
    runs.push(t);
    const f = (x) => x?.toFixed(0).padStart(4);
    console.log(`first results, run ${i + 1}${i === 0 ? ' (first page of a new browser)' : ''}: ` +
      `css loaded ${f(t.css)}, wasm loaded ${f(t.wasm)}, engine ready ${f(t.engineReady)}, box visible ${f(t.boxVisible)} ms, ` +
      `results in the DOM ${f(t.results)} ms (search ${t.searchMs.toFixed(2)} ms), next frame ${f(t.frame)} ms`);
    // One visit at a time, as a user makes it: a page left open keeps working in the
    // background (its service worker installs the offline copy) and would slow the next run.
    await close(page);
  }
  const warm = runs.slice(1);
  console.log(`first results: median of runs 2-${runs.length} ${median(warm.map((t) => t.results)).toFixed(0)} ms to the DOM, ` +
    `${median(warm.map((t) => t.frame)).toFixed(0)} ms to the next frame (target <= 300 ms); ` +
    `max ${Math.max(...warm.map((t) => t.frame)).toFixed(0)} ms; run 1 ${runs[0].frame.toFixed(0)} ms ` +
    `(load average ${loadavg()[0].toFixed(2)} on this machine's cores)`);
  // A timing goal is reported, not asserted (the machine is shared); this only catches a hang.
  assert.ok(runs.every((t) => t.frame < 10000));
});

test('screenshots at 1280x800 and 375x740 (artifacts/), no horizontal scrolling at 375 px', async () => {
  const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const noOverflow = async (page, what) => assert.ok(
    await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    `${what}: no horizontal scrolling`);
  for (const [w, h] of [[1280, 800], [375, 740]]) {
    const size = `${w}x${h}`;
    const empty = await open('index.html', { width: w, height: h });
    await ready(empty.page);
    await empty.page.evaluate(() => document.fonts.ready);
    await shot(empty.page, `empty-${size}`);

    const { page } = await open(`index.html?q=${encodeURIComponent('疫情防控')}`, { width: w, height: h });
    const $ = ui(page);
    await $.options.first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await shot(page, `index-${size}`);
    await page.screenshot({ path: join(ARTIFACTS, `index-${size}-full.png`), fullPage: true });
    await noOverflow(page, `results ${size}`);
    await $.options.nth(0).click();
    await $.dialog.waitFor();
    await $.next.click();
    await page.waitForTimeout(700); // smooth scrolling to the match
    await shot(page, `reader-${size}`);
    await noOverflow(page, `reader ${size}`);
    const box = await $.dialog.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= w, 'the reader fits the width');

    // Completions, pinyin labels, filters and sort; the syntax help; did-you-mean.
    const typed = await open('index.html', { width: w, height: h });
    await ready(typed.page);
    const el = (part) => typed.page.locator(`notice-search [part~=${part}]`);
    await ui(typed.page).input.focus();
    await typed.page.keyboard.type('yiq');
    await el('completion').first().waitFor();
    await el('refine').waitFor();
    await typed.page.evaluate(() => document.fonts.ready);
    await shot(typed.page, `query-${size}`);
    await noOverflow(typed.page, `completions and filters ${size}`);
    for (const control of await typed.page.locator('notice-search [part~=refine] select:visible, notice-search [part~=completion]:visible').all()) {
      const box = await control.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= w, `a filter or completion fits the width at ${size}`);
    }
    await el('help-toggle').click();
    await el('help').waitFor();
    await typed.page.screenshot({ path: join(ARTIFACTS, `help-${size}-full.png`), fullPage: true });
    await noOverflow(typed.page, `help ${size}`);
    await ui(typed.page).input.fill('爱国卫生运冻');
    await el('suggest').waitFor();
    await shot(typed.page, `suggestion-${size}`);

    const embed = await open(`examples/embed.html?q=${encodeURIComponent('阿拉善盟')}`, { width: w, height: h });
    await ui(embed.page).options.first().waitFor();
    await embed.page.evaluate(() => document.fonts.ready);
    await embed.page.screenshot({ path: join(ARTIFACTS, `embed-${size}.png`), fullPage: true });
    await noOverflow(embed.page, `embed ${size}`);
  }
  // At 375 px the search box and results span the width, with room to spare.
  const { page } = await open(`index.html?q=${encodeURIComponent('疫情防控')}`, { width: 375, height: 740 });
  const $ = ui(page);
  await $.options.first().waitFor();
  const input = await $.input.boundingBox();
  assert.ok(input.width >= 300, `search box ${input.width}px wide at 375px`);
  const title = await $.options.first().locator('[part~=title]').boundingBox();
  assert.ok(title.x + title.width <= 375);
});

test('benchmark page runs under the CSP, reports percentiles, and wasm memory stays flat', async () => {
  // 20,000 searches after the warm-up and timing passes: wasm memory must not grow at all
  // (bench-browser.sh runs 100,000 on a large corpus).
  const { page } = await open('bench.html?run=1&queries=300&memory=20000');
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), null, { timeout: 120000 });
  const result = JSON.parse(await page.locator('#json').textContent());
  assert.equal(result.error, undefined);
  assert.equal(result.facts.notices, 5);
  assert.equal(result.facts.noticesSampled, 5, 'queries come from every notice');
  assert.equal(result.facts.queries, 300);
  const m = result.measures['search(q, {limit: 10})'];
  assert.ok(m.p50 <= m.p95 && m.p95 <= m.p99 && m.p99 <= m.max);
  assert.equal(result.facts.loopSearches, 20000);
  assert.equal(result.facts.memoryGrowth, 0, `wasm memory grew by ${result.facts.memoryGrowth} B over 20,000 searches`);
  assert.equal(await page.locator('#rows tr').count(), 4);
  await page.screenshot({ path: join(ARTIFACTS, 'bench-1280x800.png'), fullPage: true });
});
