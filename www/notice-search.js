// <notice-search>: a search box and reader for the notice-search WebAssembly index. All
// searching, ranking, snippet cutting, highlighting, facet counting and suggesting happens in
// Rust; this file only renders what the wasm API returns. Types: notice-search.d.ts.
//
// Embed with two lines:
//   <script type="module" src="notice-search.js"></script>
//   <notice-search></notice-search>
//
// Attributes: placeholder, limit (1-100, default 10), lang ("zh-CN" default, "en"; inherited
// from the page when absent), query-param (URL parameter mirrored, default "q"; "" = none),
// offline ("auto" default: register sw.js for offline use; "off"), sort ("relevance" default,
// "date"; reflects the sort control), facets ("on" default; "off": no filter and sort
// controls), completions ("on" default; "off": no completions while typing).
// Events (bubble, composed): notice-search:ready {stats}, notice-search:search {query, total,
// hits, warnings, facets, suggestion, filters, sort, ms}, notice-search:select {id, hit, query}
// (cancelable: the reader stays closed), notice-search:error {message}.
// Theming: the --ns-* custom properties and ::part() names listed in notice-search.css.
//
// Security: notice text is only ever inserted as text nodes (textContent); the element works under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'

import { formatMs, h, isoDate, safeUrl, segmentsToNodes } from './notice-search-dom.js';
import { stringsFor } from './notice-search-strings.js';

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

/** Calls `f` once the page is idle (at most 2 s later); without idle callbacks (Safari), after 200 ms. */
function whenIdle(f) {
  if ('requestIdleCallback' in window) requestIdleCallback(() => f(), { timeout: 2000 });
  else setTimeout(f, 200);
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
  <div class="completions" part="completions" role="group" lang="zh-CN" hidden></div>
  <span id="completion-hint" class="sr-only"></span>
  <div class="status" part="status">
    <span class="spinner" aria-hidden="true"></span><span class="msg"></span>
    <button type="button" class="help-toggle" part="help-toggle" aria-expanded="false" aria-controls="help">
      <span class="help-icon" aria-hidden="true">?</span><span class="help-label"></span>
    </button>
  </div>
  <div id="help" class="help" part="help" role="region" aria-labelledby="help-title" hidden>
    <p id="help-title" class="help-title"></p>
    <dl class="syntax"></dl>
  </div>
  <div class="live" role="status" aria-live="polite" aria-atomic="true"></div>
  <p class="suggestion" part="suggestion" hidden>
    <span class="dym"></span><button type="button" class="suggest" part="suggest" lang="zh-CN"></button><span class="suggest-total"></span>
  </p>
  <div class="refine" part="refine" role="group" hidden>
    <label class="facet" data-facet="sources"><span class="facet-label"></span><select class="select" part="facet" data-facet="sources"></select></label>
    <label class="facet" data-facet="years"><span class="facet-label"></span><select class="select" part="facet" data-facet="years"></select></label>
    <label class="facet sort"><span class="facet-label"></span><select class="select" part="sort"><option value="relevance"></option><option value="date"></option></select></label>
  </div>
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

const LIVE_DELAY_MS = 500; // announce counts once typing pauses, not on every keystroke
const COMPLETIONS = 5; // completions shown while typing
const SORTS = ['relevance', 'date'];
const FACETS = ['sources', 'years'];

/** Filters as a new object with lists of strings (none for what is missing or not a list). */
const strings = (v) => (Array.isArray(v) ? v.map(String) : []);
const filtersOf = (f) => ({ sources: strings(f?.sources), years: strings(f?.years) });

/** A facet is worth a control when choosing a value narrows the result (or one is chosen). */
const useful = (counts, total, chosen) =>
  chosen.length > 0 || counts.length > 1 || (counts.length === 1 && counts[0].count < total);

export class NoticeSearch extends HTMLElement {
  static observedAttributes = ['placeholder', 'limit', 'lang', 'sort', 'facets', 'completions'];

  #ui; // shadow-DOM elements by role
  #mod = null; // the wasm module once loaded
  #ready; // Promise<this>, settled when the engine is loaded
  #query = null; // the query the shown results belong to
  #result = null; // the last SearchResult
  #hits = []; // hits shown, in listbox order
  #active = -1; // index of the aria-activedescendant option
  #filters = filtersOf(); // facet values chosen (any of them matches)
  #completions = []; // completions shown for the text in the box
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
      completions: $('.completions'), hint: $('#completion-hint'),
      helpToggle: $('.help-toggle'), helpLabel: $('.help-label'), help: $('.help'),
      helpTitle: $('.help-title'), syntax: $('.syntax'),
      suggestion: $('.suggestion'), dym: $('.dym'), suggest: $('.suggest'), suggestTotal: $('.suggest-total'),
      refine: $('.refine'), sort: $('[part~=sort]'),
      facets: { sources: $('select[data-facet=sources]'), years: $('select[data-facet=years]') },
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
    const { input, list, more, reader, prev, next, close, completions, helpToggle, suggest, sort, facets } = this.#ui;
    // IME: never search (or complete) half-composed text (pinyin letters); compositionend does.
    input.addEventListener('compositionstart', () => {
      this.#composing = true;
      this.#showCompletions([]);
    });
    input.addEventListener('compositionend', () => {
      this.#composing = false;
      this.#typed();
    });
    input.addEventListener('input', (e) => {
      if (e.isComposing || this.#composing) return;
      this.#typed();
    });
    input.addEventListener('keydown', (e) => this.#inputKeydown(e));
    // Completions stay when the box loses focus: hiding them then would move what is below
    // between a mousedown and its click.
    completions.addEventListener('click', (e) => {
      const button = e.target.closest('button');
      if (button) this.#acceptCompletion(Number(button.dataset.index));
    });
    list.addEventListener('click', (e) => {
      const li = e.target.closest('[role=option]');
      if (li) this.#open(Number(li.dataset.index));
    });
    for (const el of [list, completions]) el.addEventListener('mousedown', (e) => e.preventDefault()); // focus stays in the box
    helpToggle.addEventListener('click', () => this.#toggleHelp());
    suggest.addEventListener('click', () => {
      this.value = suggest.textContent; // searches, like typing it
      input.focus();
    });
    sort.addEventListener('change', () => { this.sort = sort.value; });
    for (const name of FACETS) {
      facets[name].addEventListener('change', () => {
        const v = facets[name].value;
        this.filters = { ...this.#filters, [name]: v ? [v] : [] };
      });
    }
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
        // Offline copies are fetched only now and when the page is idle, so they never compete
        // with the first results for the CPU.
        if (this.getAttribute('offline') !== 'off') whenIdle(() => registerOffline().then(activateUpdates));
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
    if (name === 'completions' && !this.#completing) this.#showCompletions([]);
    if (this.#mod && name !== 'placeholder' && name !== 'completions') this.#runSearch(this.#ui.input.value);
  }

  // ---- public API (see notice-search.d.ts) ----

  /** Resolves to this element once the engine is loaded; rejects if it cannot load. */
  get ready() { return this.#ready; }

  /** The text in the search box. Setting it searches, like typing does. */
  get value() { return this.#ui.input.value; }
  set value(q) {
    this.#ui.input.value = String(q ?? '');
    this.#showCompletions([]);
    this.#userQuery();
  }

  /** The last search result shown (null before the first search). */
  get result() { return this.#result; }

  /** Order of the results: 'relevance' (default) or 'date' (newest first); the `sort` attribute. */
  get sort() {
    const s = this.getAttribute('sort');
    return SORTS.includes(s) ? s : 'relevance';
  }
  set sort(s) {
    this.setAttribute('sort', SORTS.includes(s) ? s : 'relevance'); // searches again
  }

  /** The facet values results are limited to: { sources, years } (empty: all). Setting searches. */
  get filters() {
    return filtersOf(this.#filters);
  }
  set filters(f) {
    this.#filters = filtersOf(f);
    if (this.#mod) this.#runSearch(this.#ui.input.value);
  }

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

  get #faceted() { return this.getAttribute('facets') !== 'off'; }

  get #completing() { return this.getAttribute('completions') !== 'off'; }

  #num = (n) => new Intl.NumberFormat(this.#t.locale).format(n);

  #emit(name, detail, cancelable = false) {
    const ev = new CustomEvent(`notice-search:${name}`, { bubbles: true, composed: true, cancelable, detail });
    return this.dispatchEvent(ev);
  }

  #applyStrings() {
    const t = this.#t;
    const { input, list, close, prev, next, completions, helpLabel, helpTitle, syntax, dym, refine, sort, warnings } = this.#ui;
    input.placeholder = this.getAttribute('placeholder') ?? t.placeholder;
    input.setAttribute('aria-label', t.label);
    list.setAttribute('aria-label', t.results);
    close.setAttribute('aria-label', t.close);
    prev.textContent = `↑ ${t.prev}`;
    next.textContent = `${t.next} ↓`;
    completions.setAttribute('aria-label', t.completions);
    helpLabel.textContent = t.help;
    helpTitle.textContent = t.helpTitle;
    syntax.replaceChildren(...t.syntax.flatMap(([example, what]) =>
      [h('dt', {}, h('code', { lang: 'zh-CN' }, example)), h('dd', {}, what)]));
    dym.textContent = t.didYouMean;
    refine.setAttribute('aria-label', t.refine);
    warnings.setAttribute('aria-label', t.warnings);
    for (const label of refine.querySelectorAll('.facet-label')) {
      const facet = label.parentElement.dataset.facet;
      label.textContent = facet ? t[facet] : t.sort;
    }
    for (const option of sort.options) option.textContent = t.sortBy[option.value];
    sort.value = this.sort;
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

  #toggleHelp() {
    const { help, helpToggle } = this.#ui;
    help.hidden = !help.hidden;
    helpToggle.setAttribute('aria-expanded', String(!help.hidden));
  }

  // ---- searching ----

  /** The user typed (or committed an IME composition): search, and offer completions. */
  #typed() {
    this.#userQuery();
    let found = [];
    if (this.#mod && this.#completing && this.#ui.input.value.trim()) {
      try {
        found = this.#mod.complete(this.#ui.input.value, COMPLETIONS);
      } catch {
        found = []; // completions are a convenience: the search reports real failures
      }
    }
    this.#showCompletions(found);
  }

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
    if (!q.trim()) this.#filters = filtersOf(); // a new start
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
    const filters = filtersOf(this.#faceted ? this.#filters : null);
    const options = {
      limit: this.#limit, offset: append ? this.#hits.length : 0, sort: this.sort,
      facets: this.#faceted && !append, ...filters,
    };
    let res;
    const t0 = performance.now();
    try {
      res = this.#mod.search(q, options);
    } catch (err) {
      this.#fail(err);
      return;
    }
    const ms = performance.now() - t0;
    if (append) res.facets = this.#result?.facets; // counted once per query
    this.#result = res;
    this.#render(res, q, ms);
    this.#emit('search', {
      query: q, total: res.total, hits: res.hits, warnings: res.warnings ?? [], facets: res.facets,
      suggestion: res.suggestion, filters, sort: options.sort, ms,
    });
  }

  #fail(err) {
    const message = err?.message ?? String(err);
    this.#setState('error', this.#t.error(message));
    this.#announce(this.#t.error(message), true);
    this.#emit('error', { message });
  }

  /** Draws a result: each part of the UI has its renderer. */
  #render(res, q, ms) {
    this.#renderWarnings(res.warnings ?? []);
    this.#renderHits(res.hits);
    this.#renderMore(res.total);
    this.#renderRefine(res);
    const t = this.#t;
    const filtered = this.#filters.sources.length + this.#filters.years.length > 0;
    if (res.total === 0) {
      const none = filtered && this.#faceted ? t.noneFiltered(q) : t.none(q);
      this.#setState('none', none);
      this.#renderSuggestion(res.suggestion);
      this.#announce(res.suggestion ? `${none} ${t.suggestionSay(res.suggestion.query)}` : none);
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
    this.#ui.refine.hidden = true;
    this.#ui.input.setAttribute('aria-expanded', 'false');
    this.#renderWarnings([]);
    this.#renderSuggestion(null);
  }

  #renderWarnings(warnings) {
    // The engine words its warnings in English.
    this.#ui.warnings.replaceChildren(...warnings.map((w) => h('li', { lang: 'en' }, w)));
    this.#ui.warnings.hidden = warnings.length === 0;
  }

  /** "Did you mean": a button that runs the suggested query. */
  #renderSuggestion(s) {
    const { suggestion, suggest, suggestTotal } = this.#ui;
    suggestion.hidden = !s;
    if (!s) return;
    suggest.textContent = s.query;
    suggestTotal.textContent = this.#t.suggestionTotal(s.total, this.#num);
  }

  /** The filter and sort controls: a select per useful facet, and the sort order. */
  #renderRefine(res) {
    const { refine, sort, facets } = this.#ui;
    if (!this.#faceted || !res.facets) return; // a page appended: the controls stay as they are
    const t = this.#t;
    let any = false;
    for (const name of FACETS) {
      const chosen = this.#filters[name];
      const counts = res.facets[name] ?? [];
      const show = useful(counts, res.total, chosen);
      facets[name].parentElement.hidden = !show;
      any ||= show;
      if (!show) continue;
      // A chosen value the query no longer finds stays selectable (count 0), so it can be undone.
      const values = [...counts, ...chosen.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 }))];
      facets[name].replaceChildren(
        h('option', { value: '' }, t.all),
        ...values.map((c) => h('option', { value: c.value }, t.count(c.value, c.count, this.#num))));
      facets[name].value = chosen[0] ?? '';
    }
    sort.value = this.sort;
    refine.hidden = !(any || res.total > 1);
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

  /** One listbox option: title, source · date · how it matched, highlighted snippet. */
  #option(hit, i) {
    const t = this.#t;
    const via = t.matched[hit.matched]; // only for pinyin and synonym matches
    return h('li', { id: `opt-${i}`, role: 'option', className: 'result', part: 'result', 'aria-selected': 'false', 'data-index': i },
      h('div', { className: 'title', part: 'title' }, hit.title),
      h('div', { className: 'meta', part: 'meta' },
        hit.source ? h('span', { className: 'source' }, hit.source) : null,
        hit.date ? h('time', { datetime: isoDate(hit.date) }, hit.date) : null,
        via ? h('span', { className: 'via', part: 'matched', lang: t.locale, title: t.matchedWhy[hit.matched] }, via) : null),
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

  // ---- completions ----

  /** Shows completions of the text in the box (none: hides the row). Tab takes the first. */
  #showCompletions(found) {
    const { completions, hint, input } = this.#ui;
    this.#completions = found;
    completions.replaceChildren(...found.map((c, i) => h('button',
      { type: 'button', className: 'completion', part: 'completion', tabindex: '-1', 'data-index': i },
      c.text, i === 0 ? h('kbd', { 'aria-hidden': 'true' }, 'Tab') : null)));
    completions.hidden = found.length === 0;
    hint.textContent = found.length ? this.#t.completionHint(found[0].text) : '';
    if (found.length) input.setAttribute('aria-describedby', 'completion-hint');
    else input.removeAttribute('aria-describedby');
  }

  /** Puts completion i into the box and searches it. */
  #acceptCompletion(i) {
    const c = this.#completions[i];
    if (!c) return;
    this.value = c.query; // hides the completions until the next keystroke
    this.#ui.input.focus();
  }

  // ---- keyboard ----

  #inputKeydown(e) {
    // Keys belong to the IME while composing (229: the commit key of some IMEs).
    if (e.isComposing || this.#composing || e.keyCode === 229) return;
    const n = this.#hits.length;
    const input = this.#ui.input;
    switch (e.key) {
      case 'Tab': {
        // Tab at the end of the text takes the first completion (once: the next Tab moves on).
        const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
        if (e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || !this.#completions.length || !atEnd) return;
        e.preventDefault();
        this.#acceptCompletion(0);
        break;
      }
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
        if (this.#completions.length) this.#showCompletions([]); // first Esc: no completions
        else if (input.value) this.value = '';
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
    this.#showCompletions([]);
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
