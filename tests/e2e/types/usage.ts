// Compiled by types.test.mjs with tsc --noEmit: www/notice-search.d.ts must type the element,
// its events and the engine the way the README shows them, and reject misuse.
import { loadEngine, NoticeSearch, type Hit, type SearchResult } from '../../../www/notice-search.js';

const el = document.querySelector('notice-search');
if (el) {
  const same: NoticeSearch = el; // HTMLElementTagNameMap knows the tag
  same.value = '疫情';
  el.addEventListener('notice-search:select', (e) => {
    const id: string = e.detail.id;
    const hit: Hit = e.detail.hit;
    if (id.startsWith('draft')) e.preventDefault();
    console.log(hit.title, e.detail.query);
  });
  el.addEventListener('notice-search:search', (e) => console.log(e.detail.total, e.detail.ms.toFixed(2)));
  el.ready.then(async (ready) => {
    const res: SearchResult | null = await ready.search('阿拉善盟');
    if (res) for (const s of res.hits[0]?.snippet ?? []) console.log(s.text, s.hit);
    const opened: boolean = await ready.openNotice('001');
    ready.closeNotice();
    console.log(opened, ready.result?.total);
  });
  // @ts-expect-error: result is read-only
  el.result = null;
}

document.addEventListener('notice-search:ready', (e) => console.log(e.detail.stats.notices));
window.addEventListener('notice-search:error', (e) => console.error(e.detail.message));

const engine = await loadEngine();
const r = engine.search('一断三不断', { limit: 5, offset: 0 });
const total: number = r.total;
const notice = engine.getNotice(r.hits[0]?.id ?? '', '一断三不断');
if (notice) console.log(notice.title, notice.matches, notice.segments.length, notice.url);
console.log(total, engine.stats().chars);
// @ts-expect-error: limit is a number
engine.search('x', { limit: '10' });
// @ts-expect-error: getNotice may return null
engine.getNotice('x').title;

const made = document.createElement('notice-search');
made.setAttribute('lang', 'en');
export {};
