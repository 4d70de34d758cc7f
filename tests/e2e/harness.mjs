// Shared set-up of the end-to-end tests: Debian chromium driven by playwright-core, www/ served
// on 127.0.0.1 by serve.mjs with the strict Content-Security-Policy header, and a check after
// every test that no page it opened logged a console error, threw, failed a request or violated
// the CSP.
import { after, afterEach, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { writeManifest } from '../../scripts/sw-manifest.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WWW = process.env.NS_WWW ?? join(ROOT, 'www');
export const ARTIFACTS = join(ROOT, 'artifacts');
/** The package built from tests/e2e/hostile-notices (scripts/e2e.sh builds it). */
export const HOSTILE_PKG = process.env.NS_HOSTILE_PKG ?? join(ROOT, 'target/pkg-hostile');
export const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export let server; // serves WWW at server.url
export let browser;
const tracked = []; // every page opened by the current test
const temps = [];

/** Registers the before/after hooks of a test file; call once at its top. */
export function setup() {
  before(async () => {
    assert.ok(existsSync(join(WWW, 'pkg/notice_search.js')), `no wasm package in ${WWW}/pkg: run bash scripts/build-wasm.sh`);
    writeManifest(WWW); // the service worker's file list must match what is served
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serve({ root: WWW });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  // No console errors, page errors, failed or 4xx requests, CSP violations on any page.
  afterEach(async () => {
    for (const opened of tracked.splice(0)) await closeChecked(opened);
  });
}

/** Closes the context of a page that `open` or `track` recorded and asserts it reported no problems. */
async function closeChecked({ page, context, problems, allow }) {
  const csp = page.isClosed() ? [] : await page.evaluate(() => window.__csp ?? []).catch(() => []);
  await context.close();
  const all = [...problems, ...csp.map((c) => `CSP violation: ${c}`)].filter((p) => !allow.some((re) => re.test(p)));
  assert.deepEqual(all, [], 'the page reported problems');
}

/** Checks and closes `page` now rather than after the test (a test that opens pages one by one). */
export async function close(page) {
  const i = tracked.findIndex((t) => t.page === page);
  assert.ok(i >= 0, 'close: a page that open() or track() recorded');
  await closeChecked(tracked.splice(i, 1)[0]);
}

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
}

/**
 * A page in a fresh context (no cache, no service worker) that records problems; goes to `path`
 * under `base` (default: the shared server) unless path is null.
 * allow: regexps of problems this test expects. bypassCSP: only for axe, which injects an inline
 * <style> that the CSP (rightly) blocks.
 */
export async function open(path, { width = 1280, height = 800, base, allow = [], context, bypassCSP = false } = {}) {
  context ??= await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', bypassCSP });
  const page = await context.newPage();
  const problems = await track(page, context, allow);
  if (path != null) await page.goto((base ?? server.url) + path);
  return { page, context, problems };
}

/** Records what goes wrong on `page`; checked after the test. */
export async function track(page, context, allow = []) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.type()} ${d.message()}`); d.dismiss().catch(() => {}); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`), true);
  });
  tracked.push({ page, context, problems, allow });
  return problems;
}

/** Locators inside the element (playwright's CSS selectors pierce open shadow roots). */
export function ui(page, host = 'notice-search') {
  return {
    host: page.locator(host),
    input: page.locator(`${host} input[role=combobox]`),
    status: page.locator(`${host} [part~=status] .msg`),
    live: page.locator(`${host} [role=status]`),
    list: page.locator(`${host} [role=listbox]`),
    options: page.locator(`${host} [role=option]`),
    dialog: page.locator(`${host} dialog`),
    title: page.locator(`${host} [part~=reader-title]`),
    meta: page.locator(`${host} [part~=reader-meta]`),
    body: page.locator(`${host} [part~=reader-body]`),
    marks: page.locator(`${host} [part~=reader-body] mark`),
    current: page.locator(`${host} [part~=reader-body] mark.current`),
    next: page.locator(`${host} button[part~=next]`),
    prev: page.locator(`${host} button[part~=prev]`),
    close: page.locator(`${host} button[part~=close]`),
    counter: page.locator(`${host} .counter`),
    more: page.locator(`${host} button[part~=more]`),
  };
}

/** Waits until the engine has loaded (the status shows the index size or a result). */
export const ready = (page) => ui(page).status.filter({ hasText: /已索引|找到|没有找到|indexed|found|No notice/ }).waitFor();

/** A copy of www/ with the package in pkgDir and its service-worker manifest (removed at the end). */
export function copyWww(pkgDir = join(WWW, 'pkg')) {
  assert.ok(existsSync(join(pkgDir, 'notice_search_bg.wasm')), `no wasm package in ${pkgDir}: run bash scripts/e2e.sh`);
  const dir = mkdtempSync(join(tmpdir(), 'notice-search-www-'));
  temps.push(dir);
  cpSync(WWW, dir, { recursive: true, filter: (src) => !src.startsWith(join(WWW, 'pkg')) });
  cpSync(pkgDir, join(dir, 'pkg'), { recursive: true });
  writeManifest(dir);
  return dir;
}

/** Replaces the package of a copy made by copyWww (a new build being deployed). */
export function deploy(dir, pkgDir) {
  rmSync(join(dir, 'pkg'), { recursive: true, force: true });
  cpSync(pkgDir, join(dir, 'pkg'), { recursive: true });
  return writeManifest(dir);
}

/**
 * Polls fn(arg) in the page until it resolves truthy (page.waitForFunction does not await a
 * promise: an async predicate would pass at once).
 */
export async function until(page, fn, arg, { timeout = 30000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** axe-core violations (all impacts) on the page as it is now. */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * What a pinyin IME sends while `letters` are typed into `input` (a locator) and `committed` is
 * chosen: compositionstart, per letter compositionupdate + input (isComposing), then the
 * committed text and compositionend. `keys` are pressed (keydown, isComposing) just before the
 * commit. Resolves to how many completions the element showed after each letter.
 */
export function typeWithIme(input, letters, committed, keys = []) {
  return input.evaluate(async (el, { letters, committed, keys }) => {
    const fire = (type, init) => el.dispatchEvent(type.startsWith('composition')
      ? new CompositionEvent(type, { bubbles: true, composed: true, ...init })
      : new InputEvent(type, { bubbles: true, composed: true, ...init }));
    const shown = () => el.getRootNode().querySelectorAll('[part~=completion]').length;
    el.focus();
    fire('compositionstart', { data: '' });
    const completions = [];
    let typed = '';
    for (const ch of letters) {
      typed += ch;
      fire('compositionupdate', { data: typed });
      el.value = typed;
      fire('input', { inputType: 'insertCompositionText', data: typed, isComposing: true });
      await new Promise((r) => setTimeout(r, 5));
      completions.push(shown());
    }
    for (const key of keys) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key, isComposing: true, bubbles: true, composed: true, cancelable: true }));
    }
    fire('compositionupdate', { data: committed });
    el.value = committed;
    fire('input', { inputType: 'insertCompositionText', data: committed, isComposing: true });
    fire('compositionend', { data: committed });
    return completions;
  }, { letters, committed, keys });
}
