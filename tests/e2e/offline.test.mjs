// The service worker (www/sw.js): offline after the first visit, also for a site deployed in a
// subfolder and a page embedding the element from a subfolder of it; clean updates when a new
// build is deployed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyWww, deploy, HOSTILE_PKG, open, setup, ui, until } from './harness.mjs';
import { serve } from './serve.mjs';
import { writeManifest } from '../../scripts/sw-manifest.mjs';

setup();

/** Waits until the service worker of `version` alone is active, controls the page, and its cache
 * is the only one. */
const settled = (page, version) => until(page, async (v) => {
  const reg = await navigator.serviceWorker.getRegistration();
  const keys = (await caches.keys()).filter((k) => !k.endsWith(':pages')); // builds only
  return navigator.serviceWorker.controller && reg?.active?.state === 'activated' && !reg.waiting
    && !reg.installing && keys.length === 1 && keys[0].endsWith(`:${v}`);
}, version);

const cacheNames = (page) => page.evaluate(async () => (await caches.keys()).sort());

test('offline: after one visit the demo and the embedding example reload and search with the network off', async () => {
  const dir = copyWww();
  const { version } = writeManifest(dir);
  const site = await serve({ root: dir, prefix: '/sites/notices/' }); // deployed in a subfolder
  const { page, context } = await open(null);
  await page.goto(`${site.url}index.html`);
  const $ = ui(page);
  await $.input.fill('阿拉善盟');
  await $.options.first().waitFor();
  await settled(page, version);
  assert.deepEqual(await cacheNames(page), [`notice-search:${site.url}:${version}`]);

  await context.setOffline(true);
  await site.close(); // and nothing answers any more, whatever the emulation lets through
  const res = await page.reload();
  assert.ok(res.fromServiceWorker(), 'the page came from the service worker');
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await $.options.first().waitFor(); // ?q=阿拉善盟 from the URL, searched offline
  assert.equal(await $.options.count(), 3);
  await $.input.fill('一断三不断');
  await $.options.first().locator('mark', { hasText: '一断三不断' }).waitFor();
  await $.options.first().click();
  await $.dialog.waitFor();
  assert.ok((await $.marks.count()) >= 1, 'the reader works offline');

  // The embedding example in examples/ was never visited, yet it is there offline too.
  const embed = await page.goto(`${site.url}examples/embed.html?q=${encodeURIComponent('核酸检测')}`);
  assert.ok(embed.fromServiceWorker());
  await $.options.first().locator('mark', { hasText: '核酸检测' }).first().waitFor();
  assert.equal(await page.locator('article h1').textContent(), '在自己的页面里嵌入公告搜索');
});

test('a new build deployed: the next visit gets it, in one piece, and the old cache is deleted', async () => {
  const dir = copyWww();
  const v1 = writeManifest(dir).version;
  const site = await serve({ root: dir });
  try {
    const { page } = await open(null);
    await page.goto(`${site.url}index.html?q=${encodeURIComponent('阿拉善盟')}`);
    const $ = ui(page);
    await $.options.first().waitFor();
    await settled(page, v1);

    const v2 = deploy(dir, HOSTILE_PKG).version; // the hostile-notices build, as a visible change
    assert.notEqual(v2, v1);
    // The benchmark measures the package on the server, not the worker's copy of the old build.
    const bench = await page.context().newPage();
    await bench.goto(`${site.url}bench.html?run=1&queries=100&memory=0`);
    await bench.waitForFunction(() => document.body.dataset.state === 'done');
    assert.equal(JSON.parse(await bench.locator('#json').textContent()).facts.notices, 2);
    await bench.close();
    await page.reload();
    // This load is still the old build, whole: the new one installs meanwhile and takes over
    // once this page's engine is up.
    await $.options.first().waitFor();
    assert.equal(await $.options.count(), 3, 'the old build (default notices) on this load');
    await settled(page, v2);

    await page.goto(`${site.url}index.html?q=${encodeURIComponent('普通')}`);
    await $.options.first().waitFor();
    assert.equal(await $.options.first().locator('[part~=title]').textContent(), '普通通知', 'the new build');
    await $.input.fill('阿拉善盟');
    await $.status.filter({ hasText: '没有找到' }).waitFor();
    assert.deepEqual(await cacheNames(page), [`notice-search:${site.url}:${v2}`, `notice-search:${site.url}:pages`]);
  } finally {
    await site.close();
  }
});
