// Compiled by types.test.mjs with tsc --noEmit: www/notice-search.d.ts must type the element,
// its events and the engine the way the README shows them, and reject misuse.
import {
  loadEngine, NoticeSearch, type Completion, type Facets, type Hit, type MatchPath, type SearchResult, type Sort,
} from '../../../www/notice-search.js';

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
  el.addEventListener('notice-search:search', (e) => {
    const { total, ms, facets, suggestion, filters, sort } = e.detail;
    console.log(total, ms.toFixed(2), facets?.sources[0]?.count, suggestion?.query, filters.years.join(), sort);
  });
  el.sort = 'date';
  const order: Sort = el.sort;
  el.filters = { sources: ['内蒙古日报'] }; // years: all
  const years: string[] = el.filters.years;
  console.log(order, years);
  // @ts-expect-error: only relevance and date
  el.sort = 'newest';
  // @ts-expect-error: filters are lists of values
  el.filters = { years: 2020 };
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
const faceted = engine.search('疫情', { facets: true, sort: 'date', sources: ['内蒙古日报'], years: ['2020'] });
const facets: Facets | undefined = faceted.facets;
for (const { value, count } of facets?.years ?? []) console.log(value, count);
const via: MatchPath | undefined = faceted.hits[0]?.matched;
const didYouMean: string | undefined = engine.search('爱国卫生运冻').suggestion?.query;
const completions: Completion[] = engine.complete('yiq', 5);
console.log(via, didYouMean, completions[0]?.text, completions[0]?.query, completions[0]?.count, engine.stats().phrases);
// @ts-expect-error: only relevance and date
engine.search('x', { sort: 'newest' });
// @ts-expect-error: a match path is one of three
const wrong: MatchPath = 'fuzzy';
// @ts-expect-error: facets may be absent
engine.search('x').facets.sources;
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
