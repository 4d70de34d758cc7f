// <notice-search> — a search box and reader for the notice-search WebAssembly
// index. All searching, snippet cutting and highlighting happens in Rust; this
// file only renders what the wasm API returns.
//
// Embed with two lines:
//   <script type="module" src="notice-search.js"></script>
//   <notice-search></notice-search>
//
// Attributes: placeholder, limit (default 10), lang ("zh-CN" default, "en").
// Event: "notice-search:select" (bubbles, composed, cancelable), detail {id}.
// Theming: ::part(input|results|result|title|snippet|reader|...) and the
// --ns-* custom properties documented in notice-search.css.
//
// Security: notice text is only ever inserted as text nodes (textContent);
// the component works under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'

const PKG_URL = new URL('./pkg/notice_search.js', import.meta.url);
const CSS_URL = new URL('./notice-search.css', import.meta.url);

// One wasm instance per page, shared by every <notice-search>.
let wasm = null;
function loadWasm() {
  wasm ??= import(PKG_URL.href)
    .then(async (mod) => {
      await mod.default(); // fetches notice_search_bg.wasm next to the JS glue
      mod.warm?.(); // decode the embedded index now, not on the first keystroke
      return mod;
    })
    .catch((err) => {
      wasm = null; // allow a retry
      throw err;
    });
  return wasm;
}

// UI strings. Values may be functions of the data they describe.
const STRINGS = {
  'zh-CN': {
    label: '搜索公告全文',
    placeholder: '搜索公告，如：疫情防控',
    loading: '正在加载索引…',
    ready: (s, n) => `已索引 ${n(s.notices)} 条公告，共 ${n(s.chars)} 字。输入关键词即可搜索，按 / 键聚焦搜索框。`,
    found: (total, ms, n) => `找到 ${n(total)} 条公告，用时 ${ms} 毫秒`,
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
  },
  en: {
    label: 'Search notices',
    placeholder: 'Search notices, e.g. 疫情防控',
    loading: 'Loading the index…',
    ready: (s, n) => `${n(s.notices)} notices (${n(s.chars)} characters) indexed. Type to search; press / to focus the box.`,
    found: (total, ms, n) => `${n(total)} ${total === 1 ? 'notice' : 'notices'} found in ${ms} ms`,
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
  },
};

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
  <div class="status" part="status" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true"></span><span class="msg"></span>
  </div>
  <ul class="warnings" part="warnings" hidden></ul>
  <ul id="results" class="results" part="results" role="listbox" lang="zh-CN" hidden></ul>
  <button type="button" class="more" part="more" hidden></button>
  <dialog class="reader" part="reader" role="dialog" aria-modal="true" aria-labelledby="reader-title">
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
    <div class="reader-body" part="reader-body" tabindex="0" lang="zh-CN" autofocus></div>
  </dialog>
</div>`;

/** document.createElement with properties/attributes and text/element children. */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  el.append(...children.filter((c) => c != null && c !== '')); // strings become text nodes
  return el;
}

/** Highlighted text: [{text, hit}] -> text nodes and <mark>s. */
function segmentsToNodes(segments) {
  return segments.map((s) => (s.hit ? h('mark', { part: 'mark' }, s.text) : document.createTextNode(s.text)));
}

/** Only http(s) links from the data are turned into hrefs. */
function safeUrl(url) {
  try {
    const u = new URL(url, document.baseURI);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

class NoticeSearch extends HTMLElement {
  static observedAttributes = ['placeholder', 'limit', 'lang'];

  #ui; // shadow-DOM elements by role
  #mod = null; // the wasm module once initialised
  #query = ''; // the query the current results belong to
  #hits = []; // hits shown, in listbox order
  #total = 0;
  #active = -1; // index of the aria-activedescendant option
  #composing = false;
  #marks = [];
  #mark = -1;
  #onDocKey = (e) => this.#docKeydown(e);

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    const link = h('link', { rel: 'stylesheet', href: CSS_URL.href });
    root.append(link, TEMPLATE.content.cloneNode(true));
    const $ = (sel) => root.querySelector(sel);
    this.#ui = {
      box: $('.ns'), input: $('.input'), status: $('.status'), msg: $('.msg'),
      warnings: $('.warnings'), list: $('.results'), more: $('.more'),
      reader: $('.reader'), title: $('.reader-title'), meta: $('.reader-meta'),
      body: $('.reader-body'), prev: $('.prev'), next: $('.next'),
      counter: $('.counter'), close: $('.close'),
    };
    // Avoid a flash of unstyled content: show once our stylesheet is in.
    const show = () => { this.#ui.box.hidden = false; };
    link.addEventListener('load', show, { once: true });
    link.addEventListener('error', show, { once: true });

    const { input, list, more, reader, prev, next, close } = this.#ui;
    input.addEventListener('input', (e) => {
      // Never search half-typed IME text; compositionend triggers the search.
      if (e.isComposing || this.#composing) return;
      this.#userQuery();
    });
    input.addEventListener('compositionstart', () => { this.#composing = true; });
    input.addEventListener('compositionend', () => {
      this.#composing = false;
      this.#userQuery();
    });
    input.addEventListener('keydown', (e) => this.#inputKeydown(e));
    list.addEventListener('click', (e) => {
      const li = e.target.closest('[role=option]');
      if (li) this.#open(Number(li.dataset.index));
    });
    // Keep focus in the box when clicking an option (combobox pattern).
    list.addEventListener('mousedown', (e) => e.preventDefault());
    more.addEventListener('click', () => this.#search(this.#query, true));
    prev.addEventListener('click', () => this.#goto(this.#mark - 1));
    next.addEventListener('click', () => this.#goto(this.#mark + 1));
    close.addEventListener('click', () => reader.close());
    reader.addEventListener('close', () => input.focus());
    // In the reader, n / p jump to the next / previous match (Esc closes: native <dialog>).
    reader.addEventListener('keydown', (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
      if (e.key === 'n') this.#goto(this.#mark + 1);
      else if (e.key === 'p') this.#goto(this.#mark - 1);
    });
    // Click on the backdrop (outside the panel) closes the reader.
    reader.addEventListener('click', (e) => { if (e.target === reader) reader.close(); });
  }

  connectedCallback() {
    this.#applyStrings();
    document.addEventListener('keydown', this.#onDocKey);
    // Deep link: ?q= in the page URL runs that search once wasm is ready.
    const q = new URLSearchParams(location.search).get('q');
    if (q && !this.#ui.input.value) this.#ui.input.value = q;
    if (this.#mod) return;
    this.#setState('loading', this.#t.loading);
    loadWasm().then(
      (mod) => {
        this.#mod = mod;
        this.#search(this.#ui.input.value); // whatever was typed (or deep-linked) meanwhile
      },
      (err) => this.#setState('error', this.#t.initError(err?.message ?? String(err))),
    );
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.#onDocKey);
  }

  attributeChangedCallback() {
    if (!this.isConnected) return;
    this.#applyStrings();
    if (this.#mod) this.#search(this.#ui.input.value);
  }

  /** The current query. Setting it fills the box and searches (used by the demo's chips). */
  get value() { return this.#ui.input.value; }
  set value(q) {
    this.#ui.input.value = q;
    this.#userQuery();
  }

  get #t() {
    return (this.getAttribute('lang') ?? 'zh-CN').toLowerCase().startsWith('en') ? STRINGS.en : STRINGS['zh-CN'];
  }

  get #limit() {
    const n = parseInt(this.getAttribute('limit'), 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 100) : 10;
  }

  #num = (n) => new Intl.NumberFormat(this.getAttribute('lang') || 'zh-CN').format(n);

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

  /** data-state drives the CSS (loading spinner, error colour); msg goes to the live region. */
  #setState(state, msg) {
    this.#ui.box.dataset.state = state;
    this.#ui.list.setAttribute('aria-busy', String(state === 'loading'));
    this.#ui.msg.textContent = msg;
  }

  /** The user changed the query: search and mirror it into the page URL. */
  #userQuery() {
    const q = this.#ui.input.value;
    const url = new URL(location.href);
    if (q.trim()) url.searchParams.set('q', q.trim());
    else url.searchParams.delete('q');
    if (url.href !== location.href) history.replaceState(history.state, '', url);
    // Skip repeats, e.g. compositionend followed by its input event (Safari).
    if (this.#mod && q.trim() !== this.#query) this.#search(q);
  }

  /** Run a search and render it. append=true loads the next page. */
  #search(raw, append = false) {
    const q = raw.trim();
    this.#query = q;
    if (!append) this.#clearResults();
    if (!q) {
      const s = this.#mod.stats();
      this.#setState('empty', this.#t.ready(s, this.#num));
      return;
    }
    let res;
    const t0 = performance.now();
    try {
      res = this.#mod.search(q, { limit: this.#limit, offset: append ? this.#hits.length : 0 });
    } catch (err) {
      this.#setState('error', this.#t.error(err?.message ?? String(err)));
      return;
    }
    const ms = performance.now() - t0;
    this.#total = res.total;
    this.#renderWarnings(res.warnings ?? []);
    if (res.total === 0) {
      this.#setState('none', this.#t.none(q));
      return;
    }
    const start = this.#hits.length;
    this.#hits.push(...res.hits);
    this.#ui.list.append(...res.hits.map((hit, i) => this.#option(hit, start + i)));
    this.#ui.list.hidden = false;
    this.#ui.input.setAttribute('aria-expanded', 'true');
    const left = res.total - this.#hits.length;
    this.#ui.more.hidden = left <= 0 || res.hits.length === 0;
    this.#ui.more.textContent = this.#t.more(this.#num(left));
    // performance.now() is coarsened to 100 µs (5 µs when crossOriginIsolated):
    // a zero reading only means "below the timer's resolution".
    const took = ms > 0 ? ms.toFixed(2) : `< ${globalThis.crossOriginIsolated ? '0.01' : '0.1'}`;
    this.#setState('results', this.#t.found(res.total, took, this.#num));
  }

  #clearResults() {
    this.#hits = [];
    this.#total = 0;
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

  /** One listbox option: title, source · date, highlighted snippet. */
  #option(hit, i) {
    const id = `opt-${i}`;
    return h('li', {
      id, role: 'option', class: 'result', part: 'result', 'aria-selected': 'false',
      'data-index': i,
    },
      h('div', { class: 'title', part: 'title' }, hit.title),
      h('div', { class: 'meta', part: 'meta' },
        h('span', { class: 'source' }, hit.source),
        hit.date ? h('time', { datetime: /^\d{4}-\d\d-\d\d$/.test(hit.date) ? hit.date : null }, hit.date) : null),
      h('p', { class: 'snippet', part: 'snippet' }, ...segmentsToNodes(hit.snippet ?? [])));
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

  #inputKeydown(e) {
    // Keys belong to the IME while composing (229: Safari's commit Enter comes after compositionend).
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
      case 'Enter':
        e.preventDefault();
        if (this.#active >= 0) this.#open(this.#active);
        break;
      case 'Escape':
        e.preventDefault(); // also stops type=search's own clearing
        if (this.#ui.input.value) this.value = '';
        break;
    }
  }

  /** "/" focuses the box, unless the user is typing somewhere else. */
  #docKeydown(e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
    if (this.#ui.reader.open) return;
    const t = e.composedPath()[0];
    if (t?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t?.tagName)) return;
    e.preventDefault();
    this.#ui.input.focus();
    this.#ui.input.select();
  }

  /** Open the reader for hit i: the whole notice with every match marked. */
  #open(i) {
    const hit = this.#hits[i];
    if (!hit) return;
    const ev = new CustomEvent('notice-search:select', {
      bubbles: true, composed: true, cancelable: true, detail: { id: hit.id },
    });
    if (!this.dispatchEvent(ev)) return; // the page handles it itself
    let notice;
    try {
      notice = this.#mod.getNotice(hit.id, this.#query);
      if (!notice) throw new Error(this.#t.notFound);
    } catch (err) {
      this.#setState('error', this.#t.error(err?.message ?? String(err)));
      return;
    }
    const { title, meta, body, reader } = this.#ui;
    title.textContent = notice.title;
    const url = safeUrl(notice.url);
    meta.replaceChildren(
      ...[
        notice.source && h('span', {}, notice.source),
        notice.date && h('span', {}, notice.date),
        h('span', {}, this.#t.matches(this.#num(notice.matches ?? 0))),
        url && h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, this.#t.original),
      ].filter(Boolean),
    );
    body.replaceChildren(...segmentsToNodes(notice.segments ?? []));
    this.#marks = [...body.querySelectorAll('mark')];
    this.#mark = -1;
    if (!reader.open) reader.showModal();
    body.scrollTop = 0;
    this.#goto(0);
  }

  /** Make match i the current one (wrapping around) and scroll it into view. */
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
