// A build from tests/e2e/hostile-notices (HTML and scripts in the title, source, url and text of
// a notice): everything shows literally, nothing runs, no CSP violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyWww, HOSTILE_PKG, open, setup, ui } from './harness.mjs';
import { serve } from './serve.mjs';

setup();

const TITLE = '注意<img src=x onerror=alert(1)>标题<script>alert(2)</script>';
const SOURCE = '<b onmouseover=alert(3)>恶意来源</b>';

test('hostile notices: HTML in title, source, url and text is shown as text and never runs', async () => {
  const site = await serve({ root: copyWww(HOSTILE_PKG) });
  try {
    const { page } = await open(null);
    await page.addInitScript(() => {
      window.__ran = [];
      for (const f of ['alert', 'confirm', 'prompt']) window[f] = (...a) => window.__ran.push(`${f}(${a})`);
    });
    await page.goto(`${site.url}index.html?q=onerror`);
    const $ = ui(page);
    const first = $.options.first();
    await first.waitFor();
    assert.equal(await first.locator('[part~=title]').textContent(), TITLE);
    assert.equal(await first.locator('.source').textContent(), SOURCE);
    assert.match(await first.locator('[part~=snippet]').textContent(), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await first.locator('[part~=snippet] mark').textContent(), 'onerror');
    await first.locator('[part~=title]').hover(); // would fire an injected onmouseover

    await $.input.fill('script');
    await first.locator('mark', { hasText: 'script' }).first().waitFor();
    assert.match(await first.locator('[part~=snippet]').textContent(), /<script>alert\(2\)/);

    await first.click();
    await $.dialog.waitFor();
    assert.equal(await $.title.textContent(), TITLE);
    assert.match(await $.meta.textContent(), /<b onmouseover=alert\(3\)>恶意来源<\/b>/);
    assert.equal(await $.meta.locator('a').count(), 0, 'a javascript: url is not linked');
    const body = await $.body.textContent();
    for (const s of ['<img src=x onerror=alert(1)>', '<script>alert(2)', '</script>', '<a href="javascript:alert(5)">', '<svg onload=alert(6)', '&lt;b&gt;实体&lt;/b&gt;']) {
      assert.ok(body.includes(s), `reader shows ${s} literally`);
    }
    // The only elements are the element's own: no img, script, b, a, or second svg from the data.
    const tags = await page.evaluate(() => {
      const root = document.querySelector('notice-search').shadowRoot;
      const count = (sel) => root.querySelectorAll(sel).length + document.querySelectorAll(sel).length;
      return {
        img: count('img'), b: count('b'), iframe: count('iframe'), svg: root.querySelectorAll('svg').length,
        a: root.querySelectorAll('a').length, inlineScripts: document.querySelectorAll('script:not([src])').length,
        bodyElements: [...root.querySelector('[part~=reader-body]').querySelectorAll('*')].map((e) => e.tagName).filter((t) => t !== 'MARK'),
      };
    });
    assert.deepEqual(tags, { img: 0, b: 0, iframe: 0, svg: 1, a: 0, inlineScripts: 0, bodyElements: [] });
    await page.waitForTimeout(300);
    assert.deepEqual(await page.evaluate(() => window.__ran), [], 'no injected code ran');
  } finally {
    await site.close();
  }
});
