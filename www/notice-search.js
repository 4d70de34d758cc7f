// <notice-search>: a search box and reader for the notice-search WebAssembly index. All
// searching, ranking, snippet cutting and highlighting happens in Rust; this file only renders
// what the wasm API returns. Types: notice-search.d.ts.
//
// Embed with two lines:
//   <script type="module" src="notice-search.js"></script>
//   <notice-search></notice-search>
//
// Attributes: placeholder, limit (1-100, default 10), lang ("zh-CN" default, "en"; inherited
// from the page when absent), query-param (URL parameter mirrored, default "q"; "" = none),
// offline ("auto" default: register sw.js for offline use; "off").
// Events (bubble, composed): notice-search:ready {stats}, notice-search:search {query, total,
// hits, warnings, ms}, notice-search:select {id, hit, query} (cancelable: the reader stays
// closed), notice-search:error {message}.
// Theming: the --ns-* custom properties and ::part() names listed in notice-search.css.
//
// Security: notice text is only ever inserted as text nodes (textContent); the element works under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'

const BASE = new URL('./', import.meta.url);
const PKG_JS = new URL('pkg/notice_search.js', BASE);
const PKG_WASM = new URL('pkg/notice_search_bg.wasm', BASE);
const CSS_URL = new URL('notice-search.css', BASE);
const SW_URL = new URL('sw.js', BASE);

// ---- the engine: one wasm instance per page, shared by every <notice-search> ----

let engine = null;

/**
 * Loads the wasm engine (once) and resolves to its module: { search, getNotice, stats, warm }.
 * The JS glue and the .wasm are fetched in parallel; the index is decoded before resolving.
 */
export function loadEngine() {
  // User Timing marks show where start-up time goes (DevTools, or the e2e timing test).
  const mark = (what) => performance.mark(`notice-search:${what}`);
  engine ??= Promise.all([import(PKG_JS.href), fetch(PKG_WASM)])
    .then(async ([mod, wasm]) => {
      mark('fetched');
      await mod.default({ module_or_path: wasm });
      mark('instantiated');
      mod.warm(); // decode the embedded index now, not on the first keystroke
      // V8 compiles wasm functions on their first call: a throwaway search compiles the search
      // path now (tens of ms on a slow phone) instead of during the user's first query.
      mod.search('的 a 1', { limit: 1 });
      mod.search('的', { limit: 1 });
      mark('ready');
      return mod;
    })
    .catch((err) => {
      engine = null; // a later call retries
      throw err;
    });
  return engine;
}

// Start downloading as soon as this module runs, before any element is upgraded.
loadEngine().catch(() => {}); // each element reports the failure itself

// ---- offline: the service worker next to this file ----

let offline = null;

/**
 * Registers sw.js for this file's folder, if the page lies in it (else sw.js could not serve it).
 * Resolves to the registration, or null.
 */
function registerOffline() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !location.href.startsWith(BASE.href)) {
    return Promise.resolve(null);
  }
  offline ??= navigator.serviceWorker
    .register(SW_URL, { scope: BASE.href, updateViaCache: 'none' })
    .catch((err) => {
      console.warn(`notice-search: no offline support (${err.message})`);
      return null;
    });
  return offline;
}

/**
 * A new build's worker waits until this page has loaded its engine (so the page never mixes two
 * builds' files), then takes over; the next page load uses the new build.
 */
const watched = new WeakSet();
function activateUpdates(reg) {
  if (!reg || watched.has(reg)) return;
  watched.add(reg);
  const activate = () => reg.waiting?.postMessage('notice-search:activate');
  activate();
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => { if (worker.state === 'installed') activate(); });
  });
}

// ---- UI strings; values may be functions of what they describe ----

const STRINGS = {
  'zh-CN': {
    label: '搜索公告全文',
    placeholder: '搜索公告，如：疫情防控',
    loading: '正在加载索引…',
    ready: (s, n) => `已索引 ${n(s.notices)} 条公告，共 ${n(s.chars)} 字。输入关键词即可搜索，按 / 键聚焦搜索框。`,
    found: (total, n) => `找到 ${n(total)} 条公告`,
    took: (ms) => `，用时 ${ms} 毫秒`,
    none: (q) => `没有找到包含“${q}”的公告。请换个关键词试试。`,
    error: (m) => `搜索出错：${m}`,
    initError: (m) => `索引加载失败：${m}`,
    results: '搜索结果',
    more: (n) => `显示更多（还有 ${n} 条）`,
    close: '关闭',
    prev: '上一处',
    next: '下一处',
    counter: (i, n) => `第 ${i} / ${n} 处`,
    noMatch: '正文中没有匹配',
    matches: (n) => `${n} 处匹配`,
    original: '查看原文',
    notFound: '找不到这条公告',
    source: '来源',
    date: '日期',
  },
  en: {
    label: 'Search notices',
    placeholder: 'Search notices, e.g. 疫情防控',
    loading: 'Loading the index…',
    ready: (s, n) => `${n(s.notices)} notices (${n(s.chars)} characters) indexed. Type to search; press / to focus the box.`,
    found: (total, n) => `${n(total)} ${total === 1 ? 'notice' : 'notices'} found`,
    took: (ms) => ` in ${ms} ms`,
    none: (q) => `No notice contains “${q}”. Try another query.`,
    error: (m) => `Search failed: ${m}`,
    initError: (m) => `Could not load the index: ${m}`,
    results: 'Search results',
    more: (n) => `Show more (${n} left)`,
    close: 'Close',
    prev: 'Previous',
    next: 'Next',
    counter: (i, n) => `${i} of ${n}`,
    noMatch: 'No match in the text',
    matches: (n) => `${n} ${n === 1 ? 'match' : 'matches'}`,
    original: 'Original',
    notFound: 'Notice not found',
    source: 'Source',
    date: 'Date',
  },
};

/** The strings for a BCP 47 tag: English for en*, Chinese otherwise. */
const stringsFor = (lang) => (/^en\b/i.test(lang) ? STRINGS.en : STRINGS['zh-CN']);

// Static skeleton only: no data ever goes through innerHTML.
const TEMPLATE = document.createElement('template');
TEMPLATE.innerHTML = `
<div class="ns" part="container" data-state="loading" hidden>
  <div class="bar" part="bar">
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="11" cy="11" r="7"></circle><path d="m20 20-4-4"></path></svg>
    <input id="q" class="input" part="input" type="search" role="combobox"
      aria-autocomplete="list" aria-controls="results" aria-expanded="false"
      autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search">
    <kbd class="key" aria-hidden="true">/</kbd>
  </div>
  <div class="status" part="status">
    <span class="spinner" aria-hidden="true"></span><span class="msg"></span>
  </div>
  <div class="live" role="status" aria-live="polite" aria-atomic="true"></div>
  <ul class="warnings" part="warnings" hidden></ul>
  <ul id="results" class="results" part="results" role="listbox" lang="zh-CN" hidden></ul>
  <button type="button" class="more" part="more" hidden></button>
  <dialog class="reader" part="reader" aria-modal="true" aria-labelledby="reader-title">
    <header class="reader-head">
      <h2 id="reader-title" class="reader-title" part="reader-title" lang="zh-CN"></h2>
      <button type="button" class="close" part="close"><span aria-hidden="true">×</span></button>
    </header>
    <p class="reader-meta" part="reader-meta" lang="zh-CN"></p>
    <div class="reader-nav" part="reader-nav">
      <button type="button" class="prev" part="prev" aria-keyshortcuts="p"></button>
      <span class="counter" aria-live="polite"></span>
      <button type="button" class="next" part="next" aria-keyshortcuts="n"></button>
    </div>
    <div class="reader-body" part="reader-body" tabindex="0" role="document" aria-labelledby="reader-title" lang="zh-CN"></div>
  </dialog>
</div>`;

/** document.createElement with attributes and text/element children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : v);
  }
  el.append(...children.filter((c) => c != null && c !== ''));
  return el;
}

/** Highlighted text: [{text, hit}] -> text nodes and <mark>s. */
function segmentsToNodes(segments) {
  return segments.map((s) => (s.hit ? h('mark', { part: 'mark' }, s.text) : document.createTextNode(s.text)));
}

/** Only http(s) links from the data become hrefs. */
function safeUrl(url) {
  try {
    const u = new URL(url, document.baseURI);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A date the engine gives as YYYY-MM-DD also goes into <time datetime>. */
const isoDate = (d) => (/^\d{4}-\d\d-\d\d$/.test(d) ? d : null);

/** Milliseconds as shown: performance.now() is coarsened (5 µs isolated, 100 µs otherwise). */
function formatMs(ms) {
  if (ms > 0) return ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
  return `< ${globalThis.crossOriginIsolated ? '0.01' : '0.1'}`;
}

const LIVE_DELAY_MS = 500; // announce counts once typing pauses, not on every keystroke

export class NoticeSearch extends HTMLElement {
  static observedAttributes = ['placeholder', 'limit', 'lang'];

  #ui; // shadow-DOM elements by role
  #mod = null; // the wasm module once loaded
  #ready; // Promise<this>, settled when the engine is loaded
  #query = null; // the query the shown results belong to
  #result = null; // the last SearchResult
  #hits = []; // hits shown, in listbox order
  #active = -1; // index of the aria-activedescendant option
  #composing = false;
  #marks = [];
  #mark = -1;
  #liveTimer = 0;
  #settle; // { resolve, reject } of #ready
  #onDocKey = (e) => this.#docKeydown(e);

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    const link = h('link', { rel: 'stylesheet', href: CSS_URL.href });
    root.append(link, TEMPLATE.content.cloneNode(true));
    const $ = (sel) => root.querySelector(sel);
    this.#ui = {
      box: $('.ns'), input: $('.input'), status: $('.status'), msg: $('.msg'), live: $('.live'),
      warnings: $('.warnings'), list: $('.results'), more: $('.more'),
      reader: $('.reader'), title: $('.reader-title'), meta: $('.reader-meta'),
      body: $('.reader-body'), prev: $('.prev'), next: $('.next'),
      counter: $('.counter'), close: $('.close'),
    };
    // No flash of unstyled content: the container is hidden until notice-search.css applies
    // (the sheet itself shows it); the attribute goes once the sheet has loaded, or failed to.
    const show = () => { this.#ui.box.hidden = false; };
    link.addEventListener('load', show, { once: true });
    link.addEventListener('error', show, { once: true });
    this.#ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
    this.#ready.catch(() => {}); // reported through the UI and notice-search:error
    this.#wire();
  }

  #wire() {
    const { input, list, more, reader, prev, next, close } = this.#ui;
    // IME: never search half-composed text (pinyin letters); compositionend searches.
    input.addEventListener('compositionstart', () => { this.#composing = true; });
    input.addEventListener('compositionend', () => {
      this.#composing = false;
      this.#userQuery();
    });
    input.addEventListener('input', (e) => {
      if (e.isComposing || this.#composing) return;
      this.#userQuery();
    });
    input.addEventListener('keydown', (e) => this.#inputKeydown(e));
    list.addEventListener('click', (e) => {
      const li = e.target.closest('[role=option]');
      if (li) this.#open(Number(li.dataset.index));
    });
    list.addEventListener('mousedown', (e) => e.preventDefault()); // focus stays in the box
    more.addEventListener('click', () => this.#runSearch(this.#query, true));
    prev.addEventListener('click', () => this.#goto(this.#mark - 1));
    next.addEventListener('click', () => this.#goto(this.#mark + 1));
    close.addEventListener('click', () => reader.close());
    reader.addEventListener('close', () => input.focus());
    // In the reader: n / p jump to the next / previous match; Esc closes (native <dialog>).
    reader.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (e.key === 'n') this.#goto(this.#mark + 1);
      else if (e.key === 'p') this.#goto(this.#mark - 1);
    });
    reader.addEventListener('click', (e) => { if (e.target === reader) reader.close(); }); // backdrop
  }

  connectedCallback() {
    this.#applyStrings();
    document.addEventListener('keydown', this.#onDocKey);
    const param = this.#param;
    const q = param && new URLSearchParams(location.search).get(param);
    if (q && !this.#ui.input.value) this.#ui.input.value = q; // deep link
    if (this.#mod) return;
    this.#setState('loading', this.#t.loading);
    loadEngine().then(
      (mod) => {
        this.#mod = mod;
        const stats = mod.stats();
        this.#settle.resolve(this);
        this.#emit('ready', { stats });
        this.#runSearch(this.#ui.input.value); // whatever was typed or deep-linked meanwhile
        // Offline copies are fetched only now, so they never delay the first results.
        if (this.getAttribute('offline') !== 'off') registerOffline().then(activateUpdates);
      },
      (err) => {
        const message = err?.message ?? String(err);
        this.#setState('error', this.#t.initError(message));
        this.#announce(this.#t.initError(message), true);
        this.#settle.reject(err);
        this.#emit('error', { message });
      },
    );
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onDocKey);
    clearTimeout(this.#liveTimer);
  }

  attributeChangedCallback(name) {
    if (!this.isConnected) return;
    this.#applyStrings();
    if (this.#mod && name !== 'placeholder') this.#runSearch(this.#ui.input.value);
  }

  // ---- public API (see notice-search.d.ts) ----

  /** Resolves to this element once the engine is loaded; rejects if it cannot load. */
  get ready() { return this.#ready; }

  /** The text in the search box. Setting it searches, like typing does. */
  get value() { return this.#ui.input.value; }
  set value(q) {
    this.#ui.input.value = String(q ?? '');
    this.#userQuery();
  }

  /** The last search result shown (null before the first search). */
  get result() { return this.#result; }

  /** Fills the box with `query`, searches and returns the result (after the engine has loaded). */
  async search(query) {
    await this.#ready;
    this.value = query;
    return this.#result;
  }

  /** Opens the reader on notice `id`, marking the current query. False for an unknown id. */
  async openNotice(id) {
    await this.#ready;
    return this.#showNotice(id);
  }

  /** Closes the reader if it is open. */
  closeNotice() {
    if (this.#ui.reader.open) this.#ui.reader.close();
  }

  // ---- state ----

  get #lang() {
    return this.getAttribute('lang') || this.parentElement?.closest('[lang]')?.getAttribute('lang') || 'zh-CN';
  }

  get #t() { return stringsFor(this.#lang); }

  get #limit() {
    const n = parseInt(this.getAttribute('limit'), 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 100) : 10;
  }

  /** The URL parameter the query is mirrored into ('' when disabled). */
  get #param() {
    return this.getAttribute('query-param') ?? 'q';
  }

  #num = (n) => new Intl.NumberFormat(stringsFor(this.#lang) === STRINGS.en ? 'en' : 'zh-CN').format(n);

  #emit(name, detail, cancelable = false) {
    const ev = new CustomEvent(`notice-search:${name}`, { bubbles: true, composed: true, cancelable, detail });
    return this.dispatchEvent(ev);
  }

  #applyStrings() {
    const t = this.#t;
    const { input, list, close, prev, next } = this.#ui;
    input.placeholder = this.getAttribute('placeholder') ?? t.placeholder;
    input.setAttribute('aria-label', t.label);
    list.setAttribute('aria-label', t.results);
    close.setAttribute('aria-label', t.close);
    prev.textContent = `↑ ${t.prev}`;
    next.textContent = `${t.next} ↓`;
  }

  /** data-state drives the CSS (loading spinner, error colour); msg is the visible status line. */
  #setState(state, msg) {
    this.#ui.box.dataset.state = state;
    this.#ui.list.setAttribute('aria-busy', String(state === 'loading'));
    this.#ui.msg.textContent = msg;
  }

  /** Screen readers hear `msg` once the user pauses (or at once). */
  #announce(msg, now = false) {
    clearTimeout(this.#liveTimer);
    const say = () => { this.#ui.live.textContent = msg; };
    if (now) say();
    else this.#liveTimer = setTimeout(say, LIVE_DELAY_MS);
  }

  // ---- searching ----

  /** The user changed the query: mirror it into the page URL and search. */
  #userQuery() {
    const q = this.#ui.input.value;
    const param = this.#param;
    if (param) {
      const url = new URL(location.href);
      if (q.trim()) url.searchParams.set(param, q.trim());
      else url.searchParams.delete(param);
      if (url.href !== location.href) history.replaceState(history.state, '', url);
    }
    // Skip repeats, e.g. compositionend followed by its input event (Safari).
    if (this.#mod && q.trim() !== this.#query) this.#runSearch(q);
  }

  /** Runs a search and renders it; append=true loads the next page of hits. */
  #runSearch(raw, append = false) {
    const q = raw.trim();
    this.#query = q;
    if (!append) this.#clearResults();
    if (!q) {
      const msg = this.#t.ready(this.#mod.stats(), this.#num);
      this.#setState('empty', msg);
      this.#announce('');
      return;
    }
    let res;
    const t0 = performance.now();
    try {
      res = this.#mod.search(q, { limit: this.#limit, offset: append ? this.#hits.length : 0 });
    } catch (err) {
      this.#fail(err);
      return;
    }
    const ms = performance.now() - t0;
    this.#result = res;
    this.#render(res, q, ms);
    this.#emit('search', { query: q, total: res.total, hits: res.hits, warnings: res.warnings ?? [], ms });
  }

  #fail(err) {
    const message = err?.message ?? String(err);
    this.#setState('error', this.#t.error(message));
    this.#announce(this.#t.error(message), true);
    this.#emit('error', { message });
  }

  /** Draws a result: each part of the UI has its renderer (facets etc. slot in here). */
  #render(res, q, ms) {
    this.#renderWarnings(res.warnings ?? []);
    this.#renderHits(res.hits);
    this.#renderMore(res.total);
    const t = this.#t;
    if (res.total === 0) {
      this.#setState('none', t.none(q));
      this.#announce(t.none(q));
    } else {
      this.#setState('results', t.found(res.total, this.#num) + t.took(formatMs(ms)));
      this.#announce(t.found(res.total, this.#num));
    }
  }

  #clearResults() {
    this.#hits = [];
    this.#setActive(-1);
    this.#ui.list.replaceChildren();
    this.#ui.list.hidden = true;
    this.#ui.more.hidden = true;
    this.#ui.input.setAttribute('aria-expanded', 'false');
    this.#renderWarnings([]);
  }

  #renderWarnings(warnings) {
    this.#ui.warnings.replaceChildren(...warnings.map((w) => h('li', {}, w)));
    this.#ui.warnings.hidden = warnings.length === 0;
  }

  #renderHits(hits) {
    const start = this.#hits.length;
    this.#hits.push(...hits);
    this.#ui.list.append(...hits.map((hit, i) => this.#option(hit, start + i)));
    const any = this.#hits.length > 0;
    this.#ui.list.hidden = !any;
    this.#ui.input.setAttribute('aria-expanded', String(any));
  }

  #renderMore(total) {
    const left = total - this.#hits.length;
    this.#ui.more.hidden = left <= 0;
    this.#ui.more.textContent = this.#t.more(this.#num(left));
  }

  /** One listbox option: title, source · date, highlighted snippet. */
  #option(hit, i) {
    return h('li', { id: `opt-${i}`, role: 'option', className: 'result', part: 'result', 'aria-selected': 'false', 'data-index': i },
      h('div', { className: 'title', part: 'title' }, hit.title),
      h('div', { className: 'meta', part: 'meta' },
        hit.source ? h('span', { className: 'source' }, hit.source) : null,
        hit.date ? h('time', { datetime: isoDate(hit.date) }, hit.date) : null),
      h('p', { className: 'snippet', part: 'snippet' }, ...segmentsToNodes(hit.snippet ?? [])));
  }

  #setActive(i) {
    const opts = this.#ui.list.children;
    opts[this.#active]?.setAttribute('aria-selected', 'false');
    this.#active = i;
    const li = opts[i];
    if (li) {
      li.setAttribute('aria-selected', 'true');
      li.scrollIntoView({ block: 'nearest' });
      this.#ui.input.setAttribute('aria-activedescendant', li.id);
    } else {
      this.#ui.input.removeAttribute('aria-activedescendant');
    }
  }

  // ---- keyboard ----

  #inputKeydown(e) {
    // Keys belong to the IME while composing (229: the commit key of some IMEs).
    if (e.isComposing || this.#composing || e.keyCode === 229) return;
    const n = this.#hits.length;
    switch (e.key) {
      case 'ArrowDown':
        if (!n) return;
        e.preventDefault();
        this.#setActive(this.#active < n - 1 ? this.#active + 1 : 0);
        break;
      case 'ArrowUp':
        if (!n) return;
        e.preventDefault();
        this.#setActive(this.#active > 0 ? this.#active - 1 : n - 1);
        break;
      case 'Home':
      case 'End':
        if (!n || this.#active < 0) return; // otherwise the caret moves
        e.preventDefault();
        this.#setActive(e.key === 'Home' ? 0 : n - 1);
        break;
      case 'Enter':
        e.preventDefault();
        this.#open(this.#active >= 0 ? this.#active : 0);
        break;
      case 'Escape':
        e.preventDefault(); // also stops type=search's own clearing
        if (this.#ui.input.value) this.value = '';
        break;
    }
  }

  /** "/" focuses the first <notice-search> on the page, unless the user is typing elsewhere. */
  #docKeydown(e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
    if (this.#ui.reader.open || document.querySelector('notice-search') !== this) return;
    const t = e.composedPath()[0];
    if (t?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t?.tagName)) return;
    e.preventDefault();
    this.#ui.input.focus();
    this.#ui.input.select();
  }

  // ---- reader ----

  /** Opens hit i, unless a notice-search:select listener cancels. */
  #open(i) {
    const hit = this.#hits[i];
    if (!hit) return;
    if (!this.#emit('select', { id: hit.id, hit, query: this.#query ?? '' }, true)) return;
    this.#showNotice(hit.id);
  }

  /** The whole notice with every match of the current query marked. */
  #showNotice(id) {
    let notice;
    try {
      notice = this.#mod.getNotice(id, this.#query ?? '');
    } catch (err) {
      this.#fail(err);
      return false;
    }
    if (!notice) {
      this.#fail(new Error(this.#t.notFound));
      return false;
    }
    const t = this.#t;
    const { title, meta, body, reader } = this.#ui;
    title.textContent = notice.title;
    const url = safeUrl(notice.url);
    meta.replaceChildren(...[
      notice.source && h('span', { title: t.source }, notice.source),
      notice.date && h('time', { datetime: isoDate(notice.date), title: t.date }, notice.date),
      h('span', {}, t.matches(this.#num(notice.matches ?? 0))),
      url && h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', part: 'original' }, t.original),
    ].filter(Boolean));
    body.replaceChildren(...segmentsToNodes(notice.segments ?? []));
    this.#marks = [...body.querySelectorAll('mark')];
    this.#mark = -1;
    if (!reader.open) reader.showModal();
    body.scrollTop = 0;
    body.focus({ preventScroll: true });
    this.#goto(0);
    return true;
  }

  /** Makes match i the current one (wrapping around) and scrolls it into view. */
  #goto(i) {
    const n = this.#marks.length;
    this.#ui.prev.disabled = this.#ui.next.disabled = n < 2;
    if (!n) {
      this.#ui.counter.textContent = this.#t.noMatch;
      return;
    }
    this.#marks[this.#mark]?.classList.remove('current');
    this.#marks[this.#mark]?.removeAttribute('aria-current');
    this.#mark = ((i % n) + n) % n;
    const m = this.#marks[this.#mark];
    m.classList.add('current');
    m.setAttribute('aria-current', 'true');
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    m.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    this.#ui.counter.textContent = this.#t.counter(this.#mark + 1, n);
  }
}

customElements.get('notice-search') ?? customElements.define('notice-search', NoticeSearch);
