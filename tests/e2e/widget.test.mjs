// The <notice-search> element on the demo page and the embedding example, over the default
// notices: results, keyboard, reader, deep links, IME, events, JS API, languages, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, ready, server, setup, typeWithIme, ui, WWW } from './harness.mjs';

setup();

/** Collects the element's events of these types into window.__events[type], from now on. */
function record(types) {
  window.__events ??= {};
  for (const t of types) {
    window.__events[t] = [];
    document.addEventListener(`notice-search:${t}`, (e) => {
      const { hit, hits, stats, ...o } = e.detail;
      if (hits) o.hits = hits.length;
      if (hit) o.hit = hit.id;
      if (stats) o.notices = stats.notices;
      window.__events[t].push(o);
    });
  }
}
const recordEvents = (page, ...types) => page.evaluate(record, types);
const events = (page, type) => page.evaluate((t) => window.__events[t], type);

test('typing 一断三不断 shows the notice first with the match highlighted; count, time, live region, URL', async () => {
  const { page } = await open('index.html');
  assert.equal(await page.title(), '公告搜索 notice-search');
  const $ = ui(page);
  await $.input.fill('一断三不断'); // typed while the engine may still load: runs once it is ready
  await $.options.first().waitFor();
  const first = $.options.first();
  assert.match(await first.locator('[part~=title]').textContent(), /疫情防控/);
  assert.equal(await first.locator('[part~=meta] .source').textContent(), '阿拉善盟政务服务局');
  const snippet = first.locator('[part~=snippet]');
  assert.equal(await snippet.locator('mark').first().textContent(), '一断三不断');
  assert.match(await snippet.textContent(), /一断三不断/);
  assert.match(await $.status.textContent(), /^找到 1 条公告，用时 (< )?\d+(\.\d+)? 毫秒$/);
  assert.equal(await $.input.getAttribute('aria-expanded'), 'true');
  assert.equal(await $.input.getAttribute('aria-controls'), await $.list.getAttribute('id'));
  // The live region announces the count once typing pauses.
  assert.equal(await $.live.getAttribute('aria-live'), 'polite');
  await $.live.filter({ hasText: '找到 1 条公告' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), '一断三不断', 'the URL mirrors the query');
});

test('a query found nowhere (政府网站标识码, portal chrome cleaned away) shows the no-result state', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = ui(page);
  await $.input.fill('政府网站标识码');
  await $.status.filter({ hasText: '没有找到' }).waitFor();
  assert.match(await $.status.textContent(), /没有找到包含“政府网站标识码”的公告/);
  assert.equal(await $.options.count(), 0);
  assert.equal(await $.list.isVisible(), false);
  assert.equal(await $.input.getAttribute('aria-expanded'), 'false');
  await $.live.filter({ hasText: '没有找到' }).waitFor();
});

test('empty and loading states: the index size before typing, after clearing', async () => {
  const { page } = await open('index.html');
  const $ = ui(page);
  await $.status.filter({ hasText: /已索引 5 条公告，共 [\d,]+ 字/ }).waitFor();
  assert.equal(await $.host.locator('[part~=container]').getAttribute('data-state'), 'empty');
  await $.input.fill('阿拉善盟');
  await $.options.first().waitFor();
  await $.input.fill('');
  await $.status.filter({ hasText: '已索引' }).waitFor();
  assert.equal(await $.options.count(), 0);
});

test('?q=阿拉善盟 deep link runs the search on load; typing updates ?q=', async () => {
  const { page } = await open(`index.html?q=${encodeURIComponent('阿拉善盟')}`);
  const $ = ui(page);
  await $.options.first().waitFor();
  assert.equal(await $.input.inputValue(), '阿拉善盟');
  assert.equal(await $.options.first().locator('mark').first().textContent(), '阿拉善盟');
  assert.equal(await $.options.count(), 3);
  const entries = await page.evaluate(() => history.length);
  await $.input.fill('核酸检测');
  await $.options.first().locator('mark', { hasText: '核酸检测' }).first().waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), '核酸检测');
  assert.equal(await page.evaluate(() => history.length), entries, 'replaceState: typing adds no history entries');
});

test('keyboard: / focuses, arrows move, Enter opens the reader, n/p and buttons move between matches, Esc closes then clears', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = ui(page);
  await recordEvents(page, 'select');
  await page.locator('h1').click(); // focus outside the box
  await page.keyboard.press('/');
  assert.ok(await $.input.evaluate((el) => el.matches(':focus')), '/ focuses the box');
  await page.keyboard.type('疫情防控');
  await $.options.nth(2).waitFor();
  const count = await $.options.count();
  const id = (i) => $.options.nth(i).getAttribute('id');

  await page.keyboard.press('ArrowDown');
  assert.equal(await $.input.getAttribute('aria-activedescendant'), await id(0));
  assert.equal(await $.options.first().getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowDown');
  assert.equal(await $.input.getAttribute('aria-activedescendant'), await id(1));
  assert.equal(await $.options.first().getAttribute('aria-selected'), 'false');
  await page.keyboard.press('End');
  assert.equal(await $.input.getAttribute('aria-activedescendant'), await id(count - 1));
  await page.keyboard.press('ArrowDown'); // wraps
  assert.equal(await $.input.getAttribute('aria-activedescendant'), await id(0));
  await page.keyboard.press('ArrowUp'); // wraps back
  await page.keyboard.press('Home');
  assert.equal(await $.input.getAttribute('aria-activedescendant'), await id(0));
  await page.keyboard.press('ArrowDown');
  const title = (await $.options.nth(1).locator('[part~=title]').textContent()).trim();

  await page.keyboard.press('Enter');
  await $.dialog.waitFor();
  assert.equal(await $.dialog.getAttribute('aria-modal'), 'true');
  assert.equal((await $.title.textContent()).trim(), title);
  const selected = await events(page, 'select');
  assert.equal(selected.length, 1, 'notice-search:select fired once');
  assert.equal(selected[0].query, '疫情防控');
  const n = await $.marks.count();
  assert.ok(n >= 2, `expected several matches, got ${n}`);
  for (const text of await $.marks.allTextContents()) assert.equal(text, '疫情防控');
  assert.match(await $.meta.textContent(), new RegExp(`${n} 处匹配`));
  const current = () => $.marks.evaluateAll((ms) => ms.findIndex((m) => m.classList.contains('current')));
  assert.equal(await current(), 0);
  assert.equal(await $.counter.textContent(), `第 1 / ${n} 处`);
  await $.next.click();
  assert.equal(await current(), 1);
  assert.equal(await $.counter.textContent(), `第 2 / ${n} 处`);
  await $.prev.click();
  assert.equal(await current(), 0);
  await $.prev.click(); // wraps to the last
  assert.equal(await current(), n - 1);
  await page.keyboard.press('n');
  assert.equal(await current(), 0);
  await page.keyboard.press('p');
  assert.equal(await current(), n - 1);
  assert.equal(await $.current.count(), 1);
  assert.equal(await $.current.getAttribute('aria-current'), 'true');
  // The current match is scrolled into the reader's viewport.
  await page.waitForFunction(() => {
    const root = document.querySelector('notice-search').shadowRoot;
    const m = root.querySelector('mark.current').getBoundingClientRect();
    const b = root.querySelector('[part~=reader-body]').getBoundingClientRect();
    return m.top >= b.top && m.bottom <= b.bottom;
  });

  await page.keyboard.press('Escape');
  await $.dialog.waitFor({ state: 'hidden' });
  assert.ok(await $.input.evaluate((el) => el.matches(':focus')), 'focus is back in the box');
  await page.keyboard.press('Escape');
  assert.equal(await $.input.inputValue(), '');
  await $.status.filter({ hasText: '已索引' }).waitFor();
  assert.equal(new URL(page.url()).searchParams.has('q'), false, 'q left the URL');
});

test('clicking a result opens the reader; the close button and the backdrop close it', async () => {
  const { page } = await open(`index.html?q=${encodeURIComponent('核酸检测')}`);
  const $ = ui(page);
  await $.options.first().click();
  await $.dialog.waitFor();
  assert.ok((await $.marks.count()) >= 1);
  await $.close.click();
  await $.dialog.waitFor({ state: 'hidden' });
  await $.options.first().click();
  await $.dialog.waitFor();
  await page.mouse.click(5, 5); // the backdrop, outside the panel
  await $.dialog.waitFor({ state: 'hidden' });
});

test('IME: composition events do not search per keystroke; the committed text searches once', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = ui(page);
  await recordEvents(page, 'search');
  // What a pinyin IME sends while "alashanmeng" is typed and 阿拉善盟 is chosen.
  await typeWithIme($.input, 'alashanmeng', '阿拉善盟');
  await $.options.first().waitFor();
  const searches = await events(page, 'search');
  assert.deepEqual(searches.map((s) => s.query), ['阿拉善盟'], 'exactly one search, for the committed text');
  assert.equal(await $.options.first().locator('mark').first().textContent(), '阿拉善盟');

  // Enter that commits a composition (keyCode 229) does not open a result.
  await $.input.evaluate((input) => input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, composed: true })));
  assert.equal(await $.dialog.isVisible(), false);
});

test('IME through Chromium (CDP Input.imeSetComposition): no search while composing', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = ui(page);
  await recordEvents(page, 'search');
  await $.input.focus();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'a', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'al', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: '阿拉', selectionStart: 2, selectionEnd: 2 });
  await page.waitForTimeout(100);
  assert.equal(await $.input.inputValue(), '阿拉');
  assert.deepEqual(await events(page, 'search'), [], 'no search during composition');
  await cdp.send('Input.insertText', { text: '阿拉善盟' }); // commits: compositionend
  await $.options.first().waitFor();
  assert.deepEqual((await events(page, 'search')).map((s) => s.query), ['阿拉善盟']);
});

test('queries are rendered as text, never HTML', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = ui(page);
  await $.input.fill('<img src=x onerror=alert(1)>');
  await $.status.filter({ hasText: '没有找到' }).waitFor();
  assert.match(await $.status.textContent(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator('notice-search img').count(), 0);
});

test('embedding example in a subfolder: the two-line embed works and the page themes it', async () => {
  const html = readFileSync(join(WWW, 'examples/embed.html'), 'utf8');
  assert.match(html, /<script type="module" src="\.\.\/notice-search\.js"><\/script>\n\s*<notice-search><\/notice-search>/);
  const { page } = await open('examples/embed.html');
  await ready(page);
  const $ = ui(page);
  await $.input.fill('一断三不断');
  await $.options.first().waitFor();
  assert.equal(await $.options.first().locator('mark').first().textContent(), '一断三不断');
  // The page's custom properties and ::part() rules reach into the shadow DOM.
  assert.equal(await $.options.first().locator('[part~=title]').evaluate((el) => getComputedStyle(el).color), 'rgb(140, 47, 27)');
  assert.equal(await $.input.evaluate((el) => getComputedStyle(el).borderTopWidth), '2px');
  // ... and the element's styles do not leak out into the page.
  assert.equal(await page.locator('article h1').evaluate((el) => getComputedStyle(el).color), 'rgb(34, 34, 34)');
});

test('demo chips fill the box and search', async () => {
  const { page } = await open('index.html');
  await ready(page);
  await page.getByRole('button', { name: '2020', exact: true }).click();
  const $ = ui(page);
  await $.options.first().waitFor();
  assert.equal(await $.input.inputValue(), '2020');
  assert.equal(await $.options.first().locator('mark').first().textContent(), '2020');
});

test('lang: en strings from the attribute or the page, zh-CN by default; placeholder and limit attributes', async () => {
  const { page } = await open('examples/embed.html');
  await ready(page);
  const $ = ui(page);
  assert.equal(await $.input.getAttribute('placeholder'), '搜索公告，如：疫情防控');
  await $.host.evaluate((el) => el.setAttribute('lang', 'en'));
  assert.equal(await $.input.getAttribute('aria-label'), 'Search notices');
  await $.input.fill('疫情');
  await $.status.filter({ hasText: /^\d+ notices found in (< )?[\d.]+ ms$/ }).waitFor();
  await $.host.evaluate((el) => { el.setAttribute('limit', '2'); el.setAttribute('placeholder', 'Type here'); });
  await $.more.waitFor();
  assert.equal(await $.options.count(), 2);
  assert.equal(await $.input.getAttribute('placeholder'), 'Type here');
  await $.more.click();
  assert.equal(await $.options.count(), 4, '"show more" appends the next page');
  // Without its own lang, the element follows the nearest lang of the page.
  await page.evaluate(() => {
    document.querySelector('notice-search').removeAttribute('lang');
    document.querySelector('article').setAttribute('lang', 'en');
    const el = document.createElement('notice-search');
    el.id = 'second';
    el.setAttribute('offline', 'off');
    el.setAttribute('query-param', ''); // not tied to ?q= (which holds the first one's query)
    document.querySelector('article').append(el);
  });
  const second = ui(page, '#second');
  await second.status.filter({ hasText: 'notices (' }).waitFor();
  assert.equal(await second.input.getAttribute('placeholder'), 'Search notices, e.g. 疫情防控');
  await second.input.fill('阿拉善盟');
  await second.options.first().waitFor();
  assert.equal(new URL(page.url()).searchParams.get('q'), '疫情', 'query-param="" leaves the URL alone');
});

test('JS API: ready, search(), result, openNotice(), closeNotice(); events ready/search/select (cancelable)', async () => {
  const { page } = await open(null);
  await page.addInitScript(record, ['ready', 'search', 'select']);
  await page.goto(`${server.url}index.html`);
  const out = await page.evaluate(async () => {
    const el = document.querySelector('notice-search');
    await el.ready;
    const res = await el.search('阿拉善盟');
    const opened = await el.openNotice(res.hits[0].id);
    const dialogOpen = el.shadowRoot.querySelector('dialog').open;
    el.closeNotice();
    const unknown = await el.openNotice('no-such-notice');
    const { loadEngine } = await import('./notice-search.js');
    const engine = await loadEngine();
    return {
      total: res.total, same: el.result === res, value: el.value, opened, dialogOpen, unknown,
      closed: !el.shadowRoot.querySelector('dialog').open,
      direct: engine.search('阿拉善盟', { limit: 1 }).total,
    };
  });
  assert.equal(out.total, 3);
  assert.ok(out.same);
  assert.equal(out.value, '阿拉善盟');
  assert.equal(out.opened, true);
  assert.ok(out.dialogOpen);
  assert.ok(out.closed);
  assert.equal(out.unknown, false);
  assert.equal(out.direct, 3, 'loadEngine() gives the wasm API for a UI of your own');
  assert.deepEqual(await page.evaluate(() => window.__events.ready), [{ notices: 5 }]);
  const $ = ui(page);
  await $.status.filter({ hasText: '找不到这条公告' }).waitFor();
  // A select listener that calls preventDefault() keeps the reader closed.
  await $.input.fill('疫情');
  await page.evaluate(() => document.addEventListener('notice-search:select', (e) => e.preventDefault()));
  await $.options.first().click();
  await page.waitForTimeout(100);
  assert.equal(await $.dialog.isVisible(), false);
  const selects = await page.evaluate(() => window.__events.select);
  assert.equal(selects.length, 1);
  assert.equal(typeof selects[0].id, 'string');
  const searches = await page.evaluate(() => window.__events.search);
  assert.ok(searches.some((s) => s.query === '阿拉善盟' && s.total === 3 && s.hits === 3 && s.ms >= 0));
});

test('an engine that cannot load shows the error state and fires notice-search:error', async () => {
  const { page, context } = await open(null, { allow: [/notice_search_bg\.wasm/, /Failed to load resource/] });
  await context.route('**/notice_search_bg.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('notice-search:error', (e) => window.__errors.push(e.detail.message));
  });
  await page.goto(`${server.url}index.html`);
  const $ = ui(page);
  await $.status.filter({ hasText: '索引加载失败' }).waitFor();
  assert.equal(await $.host.locator('[part~=container]').getAttribute('data-state'), 'error');
  await $.live.filter({ hasText: '索引加载失败' }).waitFor();
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /404/);
  assert.equal(await page.evaluate(() => document.querySelector('notice-search').ready.then(() => 'ok', () => 'rejected')), 'rejected');
});

test('source hygiene: no inline scripts or styles in the pages; innerHTML only for the static template', () => {
  for (const file of ['index.html', 'examples/embed.html', 'bench.html']) {
    const html = readFileSync(join(WWW, file), 'utf8');
    assert.doesNotMatch(html, /\sstyle=|<style|<script(?![^>]*\ssrc=)|\son[a-z]+=/i, file);
  }
  const scripts = readdirSync(WWW).filter((f) => f.endsWith('.js') && f !== 'sw-manifest.js');
  assert.ok(scripts.includes('notice-search-dom.js') && scripts.includes('app.js'), scripts.join());
  for (const file of scripts) {
    const js = readFileSync(join(WWW, file), 'utf8');
    const html = js.match(/\w+\.innerHTML\s*=/g) ?? [];
    assert.deepEqual(html, file === 'notice-search.js' ? ['TEMPLATE.innerHTML ='] : [], `${file}: innerHTML`);
    assert.doesNotMatch(js, /insertAdjacentHTML|outerHTML\s*=|document\.write|\beval\(|new Function/, file);
  }
});
