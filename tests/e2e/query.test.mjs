// What the engine's query intelligence looks like in <notice-search>, over the default notices:
// traditional characters, pinyin and synonym labels, did-you-mean, source/year filters and
// sort, completions (keyboard, mouse, IME), warnings and the query-syntax help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, ready, setup, typeWithIme, ui } from './harness.mjs';

setup();

/** Locators of the parts this file checks, besides those of ui(). */
function parts(page, host = 'notice-search') {
  return {
    ...ui(page, host),
    completions: page.locator(`${host} [part~=completions]`),
    completion: page.locator(`${host} button[part~=completion]`),
    suggestion: page.locator(`${host} [part~=suggestion]`),
    suggest: page.locator(`${host} button[part~=suggest]`),
    refine: page.locator(`${host} [part~=refine]`),
    source: page.locator(`${host} select[data-facet=sources]`),
    year: page.locator(`${host} select[data-facet=years]`),
    sort: page.locator(`${host} select[part~=sort]`),
    matched: page.locator(`${host} [role=option] [part~=matched]`),
    warnings: page.locator(`${host} [part~=warnings]`),
    helpToggle: page.locator(`${host} button[part~=help-toggle]`),
    help: page.locator(`${host} [part~=help]`),
  };
}

/** The shown hits as the element's last result has them: [{ id, source, date, matched }]. */
const shown = (page) => page.evaluate(() => document.querySelector('notice-search').result.hits
  .map(({ id, source, date, matched }) => ({ id, source, date, matched })));

/** Waits until the status line says `n` notices were found. */
const found = (page, n) => ui(page).status.filter({ hasText: new RegExp(`^找到 ${n} 条公告`) }).waitFor();

test('traditional characters (確診病例, 愛國衛生運動) find the simplified notices; the marks show the text as written', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = parts(page);
  await $.input.fill('确诊病例');
  await $.options.first().waitFor();
  const simplified = await shown(page);
  assert.ok(simplified.length >= 2);
  await $.input.fill('確診病例');
  await $.options.first().locator('mark').first().waitFor();
  assert.deepEqual(await shown(page), simplified, 'the same notices, in the same order');
  assert.equal(await $.options.first().locator('mark').first().textContent(), '确诊病例');
  assert.equal(await $.matched.count(), 0, 'a variant is a direct match: no label');

  await $.input.fill('愛國衛生運動');
  await found(page, 1);
  const first = $.options.first();
  assert.match(await first.locator('[part~=title]').textContent(), /疫情防控工作部署/);
  assert.equal(await first.locator('.source').textContent(), '阿拉善盟政务服务局');
  assert.equal(await first.locator('mark').first().textContent(), '爱国卫生运动');
});

test('pinyin (yiqing) and synonyms (新冠) find notices; only hits found that way carry a label, in the page language', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = parts(page);
  await $.input.fill('yiqing');
  await $.options.first().waitFor();
  const hits = await shown(page);
  assert.ok(hits.length >= 3 && hits.every((h) => h.matched === 'pinyin'), JSON.stringify(hits));
  assert.equal(await $.matched.count(), hits.length);
  assert.deepEqual(new Set(await $.matched.allTextContents()), new Set(['拼音匹配']));
  assert.equal(await $.options.first().locator('mark').first().textContent(), '疫情');

  // 新冠: one notice has the word itself, the others only 新型冠状病毒 (a synonym).
  await $.input.fill('新冠');
  await $.options.first().locator('mark', { hasText: '新冠' }).first().waitFor();
  const mixed = await shown(page);
  const labels = await $.options.evaluateAll((os) => os.map((o) => o.querySelector('[part~=matched]')?.textContent ?? null));
  assert.deepEqual(labels, mixed.map((h) => (h.matched === 'synonym' ? '近义词匹配' : null)));
  assert.equal(mixed[0].matched, 'text', 'the direct match ranks first');
  assert.ok(mixed.some((h) => h.matched === 'synonym'));

  await $.host.evaluate((el) => el.setAttribute('lang', 'en'));
  await $.status.filter({ hasText: 'found' }).waitFor();
  assert.deepEqual(new Set(await $.matched.allTextContents()), new Set(['synonym match']));
  assert.equal(await $.matched.first().getAttribute('lang'), 'en');
});

test('a typo (爱国卫生运冻) finds nothing and offers "did you mean"; clicking it runs the suggestion', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = parts(page);
  await $.input.fill('爱国卫生运冻');
  await $.status.filter({ hasText: '没有找到' }).waitFor();
  await $.suggestion.waitFor();
  assert.equal(await $.suggest.textContent(), '爱国卫生运动');
  assert.match(await $.suggestion.textContent(), /您是不是要找：爱国卫生运动（1 条公告）/);
  await $.live.filter({ hasText: '您是不是要找“爱国卫生运动”' }).waitFor();
  await $.suggest.click();
  await found(page, 1);
  assert.equal(await $.input.inputValue(), '爱国卫生运动');
  assert.equal(await $.options.first().locator('mark').first().textContent(), '爱国卫生运动');
  assert.equal(await $.suggestion.isVisible(), false);
  assert.equal(new URL(page.url()).searchParams.get('q'), '爱国卫生运动');
  assert.ok(await $.input.evaluate((el) => el.matches(':focus')), 'focus is back in the box');
});

test('facets: choosing a source or a year narrows the results; counts stay; emptying the box clears the filters', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = parts(page);
  await page.evaluate(() => {
    window.__searches = [];
    document.addEventListener('notice-search:search', (e) => window.__searches.push(e.detail));
  });
  await $.input.fill('疫情');
  await found(page, 5);
  await $.refine.waitFor();
  const all = await shown(page);
  const sources = (await $.source.locator('option').allTextContents()).slice(1);
  const facet = await page.evaluate(() => document.querySelector('notice-search').result.facets);
  assert.deepEqual(sources, facet.sources.map((f) => `${f.value}（${f.count}）`));
  assert.ok(sources.includes('内蒙古日报（1）'), sources.join());

  await $.source.selectOption('内蒙古日报');
  await found(page, 1);
  assert.deepEqual((await shown(page)).map((h) => h.source), ['内蒙古日报']);
  assert.equal((await $.source.locator('option').allTextContents()).length, sources.length + 1, 'every source stays selectable');
  let last = await page.evaluate(() => window.__searches.at(-1));
  assert.deepEqual(last.filters, { sources: ['内蒙古日报'], years: [] });
  assert.deepEqual(await $.host.evaluate((el) => el.filters), { sources: ['内蒙古日报'], years: [] });

  // The filter stays while the query is refined; a query it hides shows the filtered no-result state.
  await $.input.fill('疫情 核酸');
  await found(page, 1);
  await $.input.fill('一断三不断');
  await $.status.filter({ hasText: '在所选来源或年份中没有找到' }).waitFor();
  assert.equal(await $.source.inputValue(), '内蒙古日报', 'the chosen source can still be undone');
  assert.match(await $.source.locator('option:checked').textContent(), /内蒙古日报（0）/);
  await $.source.selectOption('');
  await found(page, 1);

  await $.input.fill('疫情');
  await found(page, 5);
  const dated = all.filter((h) => h.date);
  await $.year.selectOption(dated[0].date.slice(0, 4));
  await found(page, dated.length);
  assert.ok((await shown(page)).every((h) => h.date.startsWith(dated[0].date.slice(0, 4))));
  last = await page.evaluate(() => window.__searches.at(-1));
  assert.deepEqual(last.filters.years, [dated[0].date.slice(0, 4)]);

  await $.input.fill('');
  await $.status.filter({ hasText: '已索引' }).waitFor();
  assert.deepEqual(await $.host.evaluate((el) => el.filters), { sources: [], years: [] });
  await $.input.fill('疫情');
  await found(page, 5);
});

test('sort: by date puts dated notices first, newest first, the rest by relevance; the sort attribute reflects it', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = parts(page);
  await $.input.fill('疫情');
  await found(page, 5);
  const relevance = await shown(page);
  assert.ok(relevance.some((h) => h.date) && relevance.some((h) => !h.date), 'the notices mix dated and undated ones');
  assert.equal(relevance[0].date, '', 'by relevance an undated notice comes first');
  assert.equal(await $.sort.inputValue(), 'relevance');

  await $.sort.focus();
  await page.keyboard.press('ArrowDown'); // the next order, from the keyboard
  await $.options.first().locator('time').waitFor();
  assert.ok(await $.sort.evaluate((el) => el.matches(':focus')), 'focus stays on the control');
  const byDate = await shown(page);
  const dates = byDate.map((h) => h.date);
  const firstUndated = dates.indexOf('');
  assert.ok(dates.slice(0, firstUndated).every((d) => d), 'dated first');
  assert.ok(dates.slice(firstUndated).every((d) => !d), 'undated last');
  assert.deepEqual(dates.slice(0, firstUndated), [...dates.slice(0, firstUndated)].sort().reverse(), 'newest first');
  assert.deepEqual(byDate.slice(firstUndated).map((h) => h.id), relevance.filter((h) => !h.date).map((h) => h.id));
  assert.equal(await $.host.getAttribute('sort'), 'date');

  await $.host.evaluate((el) => { el.sort = 'relevance'; });
  await page.waitForFunction(() => document.querySelector('notice-search').result.hits[0].date === '');
  assert.deepEqual(await shown(page), relevance);
  assert.equal(await $.sort.inputValue(), 'relevance');
});

test('completions: shown while typing, Tab takes the first (then moves on), a click takes any, Esc hides them', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = parts(page);
  await $.input.focus();
  await page.keyboard.type('疫');
  await $.completion.first().waitFor();
  const offered = await page.evaluate(async () => {
    const { loadEngine } = await import('./notice-search.js');
    return (await loadEngine()).complete('疫', 5);
  });
  assert.deepEqual((await $.completion.allTextContents()).map((t) => t.replace(/Tab$/, '')), offered.map((c) => c.text));
  assert.match(await $.input.getAttribute('aria-describedby'), /completion-hint/);

  await page.keyboard.press('Tab');
  assert.equal(await $.input.inputValue(), offered[0].query);
  await $.options.first().locator('mark', { hasText: offered[0].text }).first().waitFor();
  assert.equal(await $.completions.isVisible(), false, 'taken: no completions until the next keystroke');
  assert.ok(await $.input.evaluate((el) => el.matches(':focus')));
  assert.equal(new URL(page.url()).searchParams.get('q'), offered[0].query);
  await page.keyboard.press('Tab'); // no trap: this Tab leaves the box
  assert.equal(await $.input.evaluate((el) => el.matches(':focus')), false);

  // Pinyin letters complete to characters; a click takes a completion other than the first.
  await $.input.focus();
  await $.input.fill('');
  await page.keyboard.type('hesuan');
  await $.completion.filter({ hasText: '核酸检测' }).click();
  assert.equal(await $.input.inputValue(), '核酸检测');
  await $.options.first().locator('mark', { hasText: '核酸检测' }).first().waitFor();

  // Esc hides the completions first, then clears the box.
  await page.keyboard.type(' 疫');
  await $.completion.first().waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await $.completions.isVisible(), false);
  assert.equal(await $.input.inputValue(), '核酸检测 疫');
  await page.keyboard.press('Tab'); // nothing to take: focus moves on, the text stays
  assert.equal(await $.input.inputValue(), '核酸检测 疫');

  // completions="off"
  await $.host.evaluate((el) => el.setAttribute('completions', 'off'));
  await $.input.focus();
  await page.keyboard.type('情');
  await $.status.filter({ hasText: '找到' }).waitFor();
  await page.waitForTimeout(100);
  assert.equal(await $.completion.count(), 0);
});

test('completions and IME: none while a composition is open; the committed text gets them', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = parts(page);
  // Tab while composing belongs to the IME.
  const counts = await typeWithIme($.input, 'yiqing', '疫情', ['Tab']);
  assert.deepEqual(counts, [0, 0, 0, 0, 0, 0], 'no completions while composing');
  assert.equal(await $.input.inputValue(), '疫情');
  await $.completion.first().waitFor();
  assert.match(await $.completion.first().textContent(), /^疫情/);
  await page.keyboard.press('Tab');
  assert.notEqual(await $.input.inputValue(), '疫情');
  assert.match(await $.input.inputValue(), /^疫情./);
});

test('warnings of the query are shown, small, in their own list; the syntax help opens and closes, in zh-CN and en', async () => {
  const { page } = await open('index.html');
  await ready(page);
  const $ = parts(page);
  await $.input.fill('疫情 after:soon');
  await $.warnings.waitFor();
  assert.match(await $.warnings.textContent(), /after:soon is not a date/);
  assert.equal(await $.options.count(), 5, 'the rest of the query still searches');
  await $.input.fill('疫情');
  await found(page, 5);
  assert.equal(await $.warnings.isVisible(), false);

  assert.equal(await $.helpToggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await $.help.isVisible(), false);
  await $.helpToggle.click();
  await $.help.waitFor();
  assert.equal(await $.helpToggle.getAttribute('aria-expanded'), 'true');
  const text = await $.help.textContent();
  for (const s of ['搜索语法', '"疫情 防控"', '-阿拉善', 'OR', 'source:阿拉善盟', 'after:2020-02-01 before:2020-12-31', 'yiqing']) {
    assert.ok(text.includes(s), `help mentions ${s}`);
  }
  await $.host.evaluate((el) => el.setAttribute('lang', 'en'));
  assert.match(await $.help.textContent(), /Query syntax[^]*the exact phrase/);
  assert.equal(await $.helpToggle.locator('.help-label').textContent(), 'Syntax');
  await $.helpToggle.press('Enter');
  assert.equal(await $.help.isVisible(), false);
  assert.equal(await $.helpToggle.getAttribute('aria-expanded'), 'false');
});

test('facets="off": no filter or sort controls, no facets counted; the sort attribute still applies', async () => {
  const { page } = await open('examples/embed.html');
  await ready(page);
  const $ = parts(page);
  await $.host.evaluate((el) => { el.setAttribute('facets', 'off'); el.setAttribute('sort', 'date'); });
  await $.input.fill('疫情');
  await $.options.first().locator('time').waitFor();
  assert.equal(await $.refine.isVisible(), false);
  assert.equal(await page.evaluate(() => document.querySelector('notice-search').result.facets), undefined);
  await $.host.evaluate((el) => el.removeAttribute('facets'));
  await $.refine.waitFor();
  assert.equal(await $.sort.inputValue(), 'date');
});
