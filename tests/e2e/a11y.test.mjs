// Accessibility: axe-core finds no violations at all (any impact) on the demo page and the
// embedding example, with results, with the reader open, and with completions, filters, the
// syntax help and did-you-mean shown, wide and narrow. These pages run without the CSP, because
// axe injects an inline <style> that the CSP blocks (which could skew its checks); every other
// test runs the same pages and states under the strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, open, ready, setup, ui } from './harness.mjs';

setup();

for (const [width, height] of [[1280, 800], [375, 740]]) {
  test(`axe: no violations on the demo page, with results and in the reader (${width}x${height})`, async () => {
    const { page } = await open('index.html', { width, height, bypassCSP: true });
    await ready(page);
    assert.deepEqual(await axe(page), [], 'empty state');
    const $ = ui(page);
    await $.input.fill('疫情防控');
    await $.options.first().waitFor();
    await page.keyboard.press('ArrowDown'); // an active option too
    assert.deepEqual(await axe(page), [], 'results');
    await page.keyboard.press('Enter');
    await $.dialog.waitFor();
    assert.deepEqual(await axe(page), [], 'reader');
    await $.close.click();
    await $.input.fill('政府网站标识码');
    await $.status.filter({ hasText: '没有找到' }).waitFor();
    assert.deepEqual(await axe(page), [], 'no results');
  });

  test(`axe: no violations with completions, filters, help, pinyin labels, warnings and did-you-mean (${width}x${height})`, async () => {
    const { page } = await open('index.html', { width, height, bypassCSP: true });
    await ready(page);
    const $ = ui(page);
    await $.input.focus();
    await page.keyboard.type('yiq');
    await page.locator('notice-search [part~=completion]').first().waitFor();
    await page.locator('notice-search [part~=matched]').first().waitFor();
    await page.locator('notice-search [part~=help-toggle]').click();
    await page.locator('notice-search [part~=help]').waitFor();
    await page.locator('notice-search [part~=refine]').waitFor();
    assert.deepEqual(await axe(page), [], 'completions, filters, help, pinyin labels');
    await page.locator('notice-search select[data-facet=sources]').selectOption({ index: 1 });
    await $.input.fill('爱国卫生运冻 after:soon');
    await page.locator('notice-search [part~=suggest]').waitFor();
    await page.locator('notice-search [part~=warnings]').waitFor();
    assert.deepEqual(await axe(page), [], 'did you mean, warnings, a filter chosen');
  });
}

test('axe: no violations on the embedding example, with results and in the reader', async () => {
  const { page } = await open(`examples/embed.html?q=${encodeURIComponent('阿拉善盟')}`, { bypassCSP: true });
  const $ = ui(page);
  await $.options.first().waitFor();
  assert.deepEqual(await axe(page), [], 'results');
  await $.options.first().click();
  await $.dialog.waitFor();
  assert.deepEqual(await axe(page), [], 'reader');
});

test('ARIA: combobox and listbox wiring, labels, modal reader with a name', async () => {
  const { page } = await open(`index.html?q=${encodeURIComponent('疫情')}`);
  const $ = ui(page);
  await $.options.first().waitFor();
  const snapshot = await page.locator('notice-search').ariaSnapshot();
  assert.match(snapshot, /combobox "搜索公告全文"/);
  assert.match(snapshot, /listbox "搜索结果"/);
  assert.match(snapshot, /option /);
  assert.equal(await $.input.getAttribute('aria-autocomplete'), 'list');
  await $.options.first().click();
  await $.dialog.waitFor();
  const title = (await $.title.textContent()).trim();
  assert.match(await page.locator('notice-search').ariaSnapshot(), new RegExp(`dialog "${title.replace(/[()《》]/g, '.')}"`));
  assert.ok(await $.body.evaluate((el) => el.matches(':focus')), 'focus moves into the reader');
});
