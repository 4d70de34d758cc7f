// End-to-end tests for <notice-search>: Debian chromium driven by playwright-core,
// www/ served by serve.mjs with the production CSP header.
//
//   cd tests/e2e && npm install && npm test
//
// Needs the wasm package in www/pkg/ (bash scripts/build-wasm.sh).
// Env: NS_WWW=<dir> serves another directory; CHROMIUM=<path> overrides /usr/bin/chromium.
// Screenshots go to artifacts/ at the repo root.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WWW = process.env.NS_WWW ?? `${ROOT}www`;
const ARTIFACTS = `${ROOT}artifacts`;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server, browser;
const pages = []; // every page opened by a test, checked for errors afterwards

before(async () => {
  assert.ok(existsSync(`${WWW}/pkg/notice_search.js`), `no wasm package in ${WWW}/pkg — run bash scripts/build-wasm.sh`);
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve({ root: WWW });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page that records console errors, page errors, failed requests and CSP violations. */
async function open(path, { width = 1280, height = 800, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', bypassCSP });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  pages.push({ page, context, problems });
  const t0 = Date.now();
  await page.goto(server.url + path);
  return { page, problems, t0 };
}

// After each test: no console errors, no CSP violations, no 404s on any page it opened.
afterEach(async () => {
  for (const { page, context, problems } of pages.splice(0)) {
    const csp = page.isClosed() ? [] : await page.evaluate(() => window.__csp);
    await context.close();
    assert.deepEqual([...problems, ...csp.map((c) => `CSP: ${c}`)], [], 'page reported errors');
  }
});

// Locators (playwright CSS selectors pierce open shadow roots).
const $ = (page) => ({
  input: page.locator('notice-search input[role=combobox]'),
  status: page.locator('notice-search [role=status]'),
  list: page.locator('notice-search [role=listbox]'),
  options: page.locator('notice-search [role=option]'),
  dialog: page.locator('notice-search [role=dialog]'),
  marks: page.locator('notice-search .reader-body mark'),
  current: page.locator('notice-search .reader-body mark.current'),
});
const ready = (page) => $(page).status.filter({ hasText: /已索引|找到|没有找到/ }).waitFor();

test('typing 一断三不断: first result highlights it; count, time, live region, URL', async () => {
  const { page, t0 } = await open('index.html');
  assert.equal(await page.title(), '公告搜索 notice-search');
  const ui = $(page);
  // Type right away: a query typed while wasm loads runs as soon as it is ready.
  await ui.input.fill('一断三不断');
  await ui.options.first().waitFor();
  const sinceNav = await page.evaluate(() => performance.now());
  console.log(`e2e: first results after ${Date.now() - t0} ms (wall clock from goto), ` +
    `${sinceNav.toFixed(0)} ms by the page's clock (navigation start → results rendered)`);

  const mark = ui.options.first().locator('[part~=snippet] mark').first();
  assert.equal(await mark.textContent(), '一断三不断');
  assert.match(await ui.status.textContent(), /找到 \d+ 条公告，用时 (< )?\d+(\.\d+)? 毫秒/);
  assert.equal(await ui.status.getAttribute('aria-live'), 'polite');
  assert.equal(await ui.input.getAttribute('aria-expanded'), 'true');
  assert.equal(await ui.input.getAttribute('aria-controls'), await ui.list.getAttribute('id'));
  // Each hit shows title, source and date.
  for (const part of ['title', 'meta']) {
    assert.ok((await ui.options.first().locator(`[part~=${part}]`).textContent()).trim().length > 0, part);
  }
  assert.equal(new URL(page.url()).searchParams.get('q'), '一断三不断', 'URL mirrors the query');
  console.log(`e2e: status "${(await ui.status.textContent()).trim()}"`);
});

test('政府网站标识码 (site boilerplate, cleaned away) shows the no-result state', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const ui = $(page);
  await ui.input.fill('政府网站标识码');
  await ui.status.filter({ hasText: '没有找到' }).waitFor();
  assert.match(await ui.status.textContent(), /没有找到包含“政府网站标识码”的公告/);
  assert.equal(await ui.options.count(), 0);
  assert.equal(await ui.list.isVisible(), false);
  assert.equal(await ui.input.getAttribute('aria-expanded'), 'false');
});

test('?q=阿拉善盟 deep link runs the search on load', async () => {
  const { page } = await open(`index.html?q=${encodeURIComponent('阿拉善盟')}`);
  const ui = $(page);
  await ui.options.first().waitFor();
  assert.equal(await ui.input.inputValue(), '阿拉善盟');
  assert.equal(await ui.options.first().locator('mark').first().textContent(), '阿拉善盟');
  assert.ok((await ui.options.count()) > 0);
});

test('keyboard: / focuses, ArrowDown+Enter opens the reader, next/prev, Esc closes then clears', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const ui = $(page);
  await page.evaluate(() => {
    window.__selected = [];
    document.addEventListener('notice-search:select', (e) => window.__selected.push(e.detail.id));
  });
  await page.locator('h1').click(); // focus outside the box
  await page.keyboard.press('/');
  assert.ok(await ui.input.evaluate((el) => el.matches(':focus')), '/ focuses the box');
  await page.keyboard.type('疫情防控');
  await ui.options.first().waitFor();

  await page.keyboard.press('ArrowDown');
  const first = ui.options.first();
  assert.equal(await ui.input.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
  assert.equal(await first.getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.equal(await ui.input.getAttribute('aria-activedescendant'), await first.getAttribute('id'));

  const title = (await first.locator('[part~=title]').textContent()).trim();
  await page.keyboard.press('Enter');
  await ui.dialog.waitFor();
  assert.equal(await ui.dialog.getAttribute('aria-modal'), 'true');
  assert.equal((await page.locator('notice-search .reader-title').textContent()).trim(), title);
  assert.equal((await page.evaluate(() => window.__selected)).length, 1, 'notice-search:select fired');
  const n = await ui.marks.count();
  assert.ok(n >= 2, `expected several marks, got ${n}`);
  for (const text of await ui.marks.allTextContents()) assert.equal(text, '疫情防控');
  const currentIndex = () => ui.marks.evaluateAll((ms) => ms.findIndex((m) => m.classList.contains('current')));
  assert.equal(await currentIndex(), 0);
  await page.locator('notice-search button.next').click();
  assert.equal(await currentIndex(), 1);
  assert.match(await page.locator('notice-search .counter').textContent(), new RegExp(`第 2 / ${n} 处`));
  await page.locator('notice-search button.prev').click();
  assert.equal(await currentIndex(), 0);
  await page.locator('notice-search button.prev').click(); // wraps to the last
  assert.equal(await currentIndex(), n - 1);
  await page.keyboard.press('n'); // keyboard: n / p
  assert.equal(await currentIndex(), 0);
  await page.keyboard.press('p');
  assert.equal(await currentIndex(), n - 1);
  assert.equal(await ui.current.count(), 1);
  // The current mark is scrolled into the reader's viewport.
  await page.waitForFunction(() => {
    const host = document.querySelector('notice-search').shadowRoot;
    const m = host.querySelector('mark.current').getBoundingClientRect();
    const b = host.querySelector('.reader-body').getBoundingClientRect();
    return m.top >= b.top && m.bottom <= b.bottom;
  });

  await page.keyboard.press('Escape');
  await ui.dialog.waitFor({ state: 'hidden' });
  assert.ok(await ui.input.evaluate((el) => el.matches(':focus')), 'focus back in the box');
  await page.keyboard.press('Escape');
  assert.equal(await ui.input.inputValue(), '');
  await ui.status.filter({ hasText: '已索引' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.has('q'), false, 'q removed from the URL');
});

test('clicking a result opens the reader; the close button closes it', async () => {
  const { page } = await open(`index.html?q=${encodeURIComponent('核酸检测')}`);
  const ui = $(page);
  await ui.options.first().click();
  await ui.dialog.waitFor();
  assert.ok((await ui.marks.count()) >= 1);
  await page.locator('notice-search button.close').click();
  await ui.dialog.waitFor({ state: 'hidden' });
});

test('IME: no search while composing, search on compositionend', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const ui = $(page);
  await ui.input.focus();
  const cdp = await page.context().newCDPSession(page);
  // A real composition session, as a pinyin IME would produce it.
  await cdp.send('Input.imeSetComposition', { text: 'a', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: '阿拉', selectionStart: 2, selectionEnd: 2 });
  await page.waitForTimeout(100);
  assert.equal(await ui.input.inputValue(), '阿拉');
  assert.equal(await ui.options.count(), 0, 'no search during composition');
  assert.match(await ui.status.textContent(), /已索引/);
  await cdp.send('Input.insertText', { text: '阿拉善盟' }); // commits: compositionend
  await ui.options.first().waitFor();
  assert.equal(await ui.options.first().locator('mark').first().textContent(), '阿拉善盟');
});

test('notice text and queries are rendered as text, never HTML', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const ui = $(page);
  await ui.input.fill('<img src=x onerror=alert(1)>');
  await ui.status.filter({ hasText: '没有找到' }).waitFor();
  assert.equal(await page.locator('notice-search img').count(), 0);
});

test('embed page: the two-line embed works in an article layout', async () => {
  const html = readFileSync(`${WWW}/embed.html`, 'utf8');
  assert.ok(html.includes('<script type="module" src="notice-search.js"></script>\n    <notice-search></notice-search>'));
  const { page } = await open('embed.html');
  await ready(page);
  const ui = $(page);
  await ui.input.fill('一断三不断');
  await ui.options.first().waitFor();
  assert.equal(await ui.options.first().locator('mark').first().textContent(), '一断三不断');
});

test('demo chips fill the box and search', async () => {
  const { page } = await open('index.html');
  await ready(page);
  await page.getByRole('button', { name: '2020', exact: true }).click();
  const ui = $(page);
  await ui.options.first().waitFor();
  assert.equal(await ui.input.inputValue(), '2020');
});

test('lang=en switches the UI strings', async () => {
  const { page } = await open('embed.html');
  await ready(page);
  await page.locator('notice-search').evaluate((el) => el.setAttribute('lang', 'en'));
  const ui = $(page);
  await ui.input.fill('阿拉善盟');
  await ui.status.filter({ hasText: /notices? found in/ }).waitFor();
});

test('accessibility: axe finds no serious or critical violations', async () => {
  // axe injects inline <style> for its own checks, which our CSP (rightly) blocks:
  // this one page runs without CSP; every other test enforces it.
  const { page } = await open(`index.html?q=${encodeURIComponent('疫情防控')}`, { bypassCSP: true });
  const ui = $(page);
  await ui.options.first().waitFor();
  await page.evaluate(axeSource);
  const check = async (label) => {
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = violations.filter((v) => ['serious', 'critical'].includes(v.impact));
    for (const v of violations) console.log(`e2e: axe ${label}: ${v.impact} ${v.id} (${v.nodes.length})`);
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), [], label);
  };
  await check('results');
  await ui.options.first().click();
  await ui.dialog.waitFor();
  await check('reader');
});

test('screenshots at 1280x800 and 375x740', async () => {
  for (const [w, h] of [[1280, 800], [375, 740]]) {
    const { page } = await open(`index.html?q=${encodeURIComponent('疫情防控')}`, { width: w, height: h });
    const ui = $(page);
    await ui.options.first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${ARTIFACTS}/index-${w}x${h}.png` });
    await page.screenshot({ path: `${ARTIFACTS}/index-${w}x${h}-full.png`, fullPage: true });
    await ui.options.nth(0).click();
    await ui.dialog.waitFor();
    await page.locator('notice-search button.next').click();
    await page.waitForTimeout(600); // smooth scroll
    await page.screenshot({ path: `${ARTIFACTS}/reader-${w}x${h}.png` });

    const embed = await open('embed.html', { width: w, height: h });
    await ready(embed.page);
    await $(embed.page).input.fill('阿拉善盟');
    await $(embed.page).options.first().waitFor();
    await embed.page.screenshot({ path: `${ARTIFACTS}/embed-${w}x${h}.png`, fullPage: true });

    const empty = await open('index.html', { width: w, height: h });
    await ready(empty.page);
    await empty.page.screenshot({ path: `${ARTIFACTS}/empty-${w}x${h}.png` });
  }
  // No horizontal scrolling at 375px.
  const { page } = await open(`index.html?q=${encodeURIComponent('疫情防控')}`, { width: 375, height: 740 });
  await $(page).options.first().waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375), 'no horizontal overflow at 375px');
});

test('source hygiene: no inline styles/scripts in pages, innerHTML only for the static template', () => {
  for (const file of ['index.html', 'embed.html']) {
    const html = readFileSync(`${WWW}/${file}`, 'utf8');
    assert.doesNotMatch(html, /\sstyle=|<style|<script(?![^>]*\ssrc=)|\son[a-z]+=/i, file);
  }
  const js = readFileSync(`${WWW}/notice-search.js`, 'utf8');
  assert.deepEqual(js.match(/\w+\.innerHTML\s*=/g), ['TEMPLATE.innerHTML ='], 'innerHTML use');
  assert.doesNotMatch(js, /insertAdjacentHTML|outerHTML\s*=|document\.write/);
});
