// Benchmark of search() in the browser (bench.html): random substrings of the indexed notices,
// 1-8 characters, drawn with a seeded generator from the notices' own text (getNotice), each
// timed with performance.now() (5 µs resolution when the page is cross-origin isolated, 100 µs
// otherwise: serve it with COOP/COEP as tests/e2e/serve.mjs does). Also the wasm memory before
// and after a long run of searches, which should stay flat.
//
// URL parameters fill the form: queries, limit, memory, seed; run=1 starts at once (used by
// tests/e2e/bench-run.mjs). When done, <body data-state="done"> and #json holds every figure.

// The package as it is on the server now, never the service worker's copy of the demo's build.
const FRESH = `?bench=${Date.now()}`;
const engine = await import(`./pkg/notice_search.js${FRESH}`);

const $ = (id) => document.getElementById(id);
const form = $('form');
const params = new URLSearchParams(location.search);
for (const [k, v] of params) if (form.elements[k]) form.elements[k].value = v;

// Characters that occur in nearly every notice: search results for them list the notices' ids
// (the wasm API has no list of ids).
const PROBES = ['的', '。', '，', '一', '是', '在', '了', '和', '人', '有', '中', '国', '年', '日', '月',
  '、', '：', '不', '为', '0', '1', '2', 'e', 'a', 'i', 'o', 'n', 's', 't'];

const sleep = () => new Promise((r) => setTimeout(r, 0)); // let the page repaint between phases
const say = (msg) => { $('status').textContent = msg; };

/** Seeded linear congruential generator (the one scripts/wasm-stats.mjs uses): 0..n-1. */
function random(seed) {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

/** Nearest-rank percentile of a sorted array. */
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];

function summary(times) {
  const s = Float64Array.from(times).sort();
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  const over1ms = s.filter((x) => x > 1).length; // stalls: garbage collection, preemption
  return { n: s.length, p50: pct(s, 0.5), p95: pct(s, 0.95), p99: pct(s, 0.99), max: s[s.length - 1], mean, over1ms };
}

/** The smallest step performance.now() takes, in ms. */
function timerResolution() {
  let best = Infinity;
  for (let i = 0; i < 200; i++) {
    const a = performance.now();
    let b = a;
    while (b === a) b = performance.now();
    best = Math.min(best, b - a);
  }
  return best;
}

/** Ids of the indexed notices, paging through searches for very common characters. */
function noticeIds(total) {
  if (typeof engine.ids === 'function') return engine.ids(); // if the engine grows one
  const ids = new Set();
  for (const probe of PROBES) {
    for (let offset = 0; ; offset += 1000) {
      const r = engine.search(probe, { limit: 1000, offset });
      for (const hit of r.hits) ids.add(hit.id);
      if (offset + 1000 >= r.total || r.hits.length === 0) break;
    }
    if (ids.size >= total) break;
  }
  return [...ids].sort();
}

/** Random substrings (1-8 code points, no white space) of the notices' cleaned text. */
function makeQueries(texts, count, seed) {
  const rnd = random(seed);
  const queries = [];
  for (let tries = 0; queries.length < count && tries < count * 100; tries++) {
    const t = texts[rnd(texts.length)];
    if (!t.length) continue;
    const start = rnd(t.length);
    const q = t.slice(start, start + 1 + rnd(8)).join('');
    if (!/\s/.test(q)) queries.push(q);
  }
  return queries;
}

async function run(options) {
  const facts = {};
  const t0 = performance.now();
  const wasm = await engine.default({ module_or_path: new URL(`./pkg/notice_search_bg.wasm${FRESH}`, import.meta.url) });
  const mem = () => wasm.memory.buffer.byteLength;
  facts.instantiateMs = performance.now() - t0;
  facts.memoryAfterInit = mem();
  let t = performance.now();
  engine.warm();
  facts.warmMs = performance.now() - t;
  facts.memoryAfterWarm = mem();
  const stats = engine.stats();
  Object.assign(facts, { notices: stats.notices, chars: stats.chars, indexBytes: stats.indexBytes });
  facts.crossOriginIsolated = globalThis.crossOriginIsolated === true;
  facts.timerResolutionMs = timerResolution();

  say('收集公告文本… reading the notices…');
  await sleep();
  t = performance.now();
  const ids = noticeIds(stats.notices);
  const texts = ids.map((id) => Array.from(engine.getNotice(id, '')?.segments.map((s) => s.text).join('') ?? ''));
  facts.noticesSampled = ids.length;
  facts.readNoticesMs = performance.now() - t;
  const queries = makeQueries(texts, options.queries, options.seed);
  facts.queries = queries.length;

  say(`预热… warming up (${queries.length} queries)…`);
  await sleep();
  let hits = 0;
  for (const q of queries) hits += engine.search(q, { limit: options.limit }).hits.length;
  facts.meanHits = hits / queries.length;
  facts.memoryAfterWarmup = mem();

  say('计时… timing…');
  await sleep();
  // One pass per measure, so that garbage made by one (JSON strings, say) is not collected
  // inside the calls timed by another.
  const time = (fn) => queries.map((q, i) => {
    const a = performance.now();
    fn(q, i);
    return performance.now() - a;
  });
  const full = time((q) => engine.search(q, { limit: options.limit }));
  const bare = time((q) => engine.search(q, { limit: 0 }));
  const stat = time(() => engine.stats());
  // What the JS side of a JSON-string interface would cost: UTF-8 bytes as they would sit in
  // wasm memory, decoded and parsed.
  const utf8 = new TextEncoder();
  const utf8Decoder = new TextDecoder();
  const bytes = queries.map((q) => utf8.encode(JSON.stringify(engine.search(q, { limit: options.limit }))));
  const json = time((q, i) => JSON.parse(utf8Decoder.decode(bytes[i])));
  const measures = {
    [`search(q, {limit: ${options.limit}})`]: summary(full),
    'search(q, {limit: 0}): ranking only, no hits': summary(bare),
    'TextDecoder + JSON.parse of the same result': summary(json),
    'stats(): call + small object': summary(stat),
  };

  say(`内存：${options.memory} 次搜索… memory: ${options.memory} searches…`);
  await sleep();
  facts.memoryBeforeLoop = mem();
  t = performance.now();
  for (let i = 0; i < options.memory; i++) engine.search(queries[i % queries.length], { limit: options.limit });
  facts.loopMs = performance.now() - t;
  facts.loopSearches = options.memory;
  facts.memoryAfterLoop = mem();
  facts.memoryGrowth = facts.memoryAfterLoop - facts.memoryBeforeLoop;
  facts.userAgent = navigator.userAgent;
  return { options, facts, measures };
}

function show({ facts, measures }) {
  const ms = (x) => x.toFixed(4);
  $('rows').replaceChildren(...Object.entries(measures).map(([name, m]) => {
    const tr = document.createElement('tr');
    for (const v of [name, ms(m.p50), ms(m.p95), ms(m.p99), ms(m.max), ms(m.mean), String(m.over1ms)]) {
      const td = document.createElement(tr.children.length ? 'td' : 'th');
      if (!tr.children.length) td.scope = 'row';
      td.textContent = v;
      tr.append(td);
    }
    return tr;
  }));
  $('table').hidden = false;
  const mb = (b) => `${(b / 1048576).toFixed(2)} MiB (${b.toLocaleString('en')} B)`;
  const lines = [
    ['notices / characters', `${facts.notices.toLocaleString('en')} / ${facts.chars.toLocaleString('en')} (queries drawn from ${facts.noticesSampled.toLocaleString('en')} notices)`],
    ['queries, mean hits', `${facts.queries.toLocaleString('en')}, ${facts.meanHits.toFixed(2)}`],
    ['timer', `${facts.crossOriginIsolated ? 'cross-origin isolated' : 'NOT isolated (coarse timer)'}, resolution ${(facts.timerResolutionMs * 1000).toFixed(1)} µs`],
    ['start-up', `instantiate ${facts.instantiateMs.toFixed(1)} ms, warm() ${facts.warmMs.toFixed(1)} ms`],
    ['wasm memory after init / warm() / warm-up', `${mb(facts.memoryAfterInit)} / ${mb(facts.memoryAfterWarm)} / ${mb(facts.memoryAfterWarmup)}`],
    [`wasm memory before / after ${facts.loopSearches.toLocaleString('en')} searches`, `${mb(facts.memoryBeforeLoop)} / ${mb(facts.memoryAfterLoop)}: growth ${facts.memoryGrowth.toLocaleString('en')} B (${facts.loopMs.toFixed(0)} ms)`],
  ];
  $('facts').replaceChildren(...lines.flatMap(([k, v]) => {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    return [dt, dd];
  }));
}

async function start() {
  const f = form.elements;
  const options = {
    queries: Math.max(1, Number(f.queries.value) || 10000),
    limit: Math.max(0, Number(f.limit.value) || 0),
    memory: Math.max(0, Number(f.memory.value) || 0),
    seed: Math.max(1, Number(f.seed.value) || 42),
  };
  $('run').disabled = true;
  document.body.dataset.state = 'running';
  try {
    const result = await run(options);
    show(result);
    $('json').textContent = JSON.stringify(result, null, 1);
    say('完成 done');
    document.body.dataset.state = 'done';
  } catch (err) {
    say(`出错 error: ${err?.message ?? err}`);
    $('json').textContent = JSON.stringify({ error: String(err?.message ?? err) });
    document.body.dataset.state = 'error';
  } finally {
    $('run').disabled = false;
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  start();
});
if (params.get('run') === '1') start();
else say('就绪：点击“运行”。 Ready: press Run.');
