// Types of notice-search.js: the <notice-search> element, its events, and the engine API
// (the same functions as pkg/notice_search.js, with the shapes of what they return).

/** A piece of text; `hit` marks a match of the query. Render with textContent, never as HTML. */
export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * How a hit matched: `text` (it contains the query's characters, after folding traditional
 * characters, width and case), or only through a `synonym` or the `pinyin` of its characters
 * (ranked below every text match).
 */
export type MatchPath = 'text' | 'synonym' | 'pinyin';

/** One matching notice. */
export interface Hit {
  /** The notice's file name without extension. */
  id: string;
  title: string;
  /** Issuing body; "" when unknown. */
  source: string;
  /** As stated in the notice (often YYYY-MM-DD); "" when unknown. */
  date: string;
  score: number;
  matched: MatchPath;
  /** Text around the best match(es), matches marked. */
  snippet: Segment[];
}

/** A facet value and the number of matching notices that have it. */
export interface FacetCount {
  value: string;
  count: number;
}

/** Counts over all notices the query matches, before the `sources` and `years` filters. */
export interface Facets {
  /** Per source (as written in the notices); notices without one are not counted. */
  sources: FacetCount[];
  /** Per year (`"2020"`) of the notices' dates; undated notices are not counted. */
  years: FacetCount[];
}

/** "Did you mean": a similar query that finds something. */
export interface Suggestion {
  query: string;
  /** Notices it finds. */
  total: number;
}

/** A completion of the last term of a query being typed. */
export interface Completion {
  /** The completed term, as written in the notices (e.g. 疫情防控 for `疫情` or `yiq`). */
  text: string;
  /** The whole query with its last term completed: put this into the box. */
  query: string;
  /** Occurrences of the phrase in the notices. */
  count: number;
}

/** Order of the hits: best match first (default), or newest first (undated last). */
export type Sort = 'relevance' | 'date';

export interface SearchResult {
  /** Number of matching notices (all of them, not only those in `hits`). */
  total: number;
  hits: Hit[];
  /** Notes about the query (in English), e.g. that `after:soon` is not a date. */
  warnings: string[];
  /** With `facets: true`. */
  facets?: Facets;
  /** When nothing matched and a similar query finds something. */
  suggestion?: Suggestion;
}

export interface SearchOptions {
  /** Most hits returned (default 10, at most 1000). */
  limit?: number;
  /** Hits skipped before the first returned, for paging (default 0). */
  offset?: number;
  /** Default `relevance`. */
  sort?: Sort;
  /** Count the matching notices per source and year (`result.facets`). Default false. */
  facets?: boolean;
  /** Only notices whose source is one of these (exactly, as in `facets.sources`). */
  sources?: string[];
  /** Only notices dated in one of these years (`"2020"`). */
  years?: string[];
}

/** One whole notice for a reader view. */
export interface NoticeView {
  id: string;
  title: string;
  source: string;
  date: string;
  /** The original's address when the notice gave one; "" otherwise. Not checked: allow http(s) only. */
  url: string;
  /** Number of matches of the query in the text. */
  matches: number;
  /** The whole cleaned text, matches marked. */
  segments: Segment[];
}

export interface Stats {
  /** Index format version. */
  version: number;
  notices: number;
  chars: number;
  indexBytes: number;
  suffixArrayBytes: number;
  /** Distinct Mandarin syllables the notices' characters can be read as. */
  syllables: number;
  synonymGroups: number;
  /** Frequent phrases kept for completions. */
  phrases: number;
}

/** The wasm engine, for a UI of your own (see loadEngine). Functions throw Error on bad input. */
export interface Engine {
  search(query: string, options?: SearchOptions): SearchResult;
  /** Completions of the last term of `query`, most frequent first (default 8, at most 50). */
  complete(query: string, limit?: number): Completion[];
  /** null for an unknown id. */
  getNotice(id: string, query?: string | null): NoticeView | null;
  stats(): Stats;
  /** Decodes the index now rather than at the first search (loadEngine already did). */
  warm(): void;
}

/**
 * Loads the engine once per page (the JS glue and the .wasm next to notice-search.js, fetched in
 * parallel) and resolves when it is ready to search. Rejects if it cannot load; a later call
 * tries again.
 */
export function loadEngine(): Promise<Engine>;

/** detail of notice-search:ready, fired once the engine is loaded. */
export interface ReadyDetail {
  stats: Stats;
}

/** The facet values the element's results are limited to (empty: all). */
export interface Filters {
  sources: string[];
  years: string[];
}

/** detail of notice-search:search, fired after every search the element runs. */
export interface SearchDetail {
  query: string;
  total: number;
  hits: Hit[];
  warnings: string[];
  facets?: Facets;
  suggestion?: Suggestion;
  filters: Filters;
  sort: Sort;
  /** Time the search() call took, in milliseconds. */
  ms: number;
}

/** detail of notice-search:select, fired (cancelable) when the user opens a result. */
export interface SelectDetail {
  id: string;
  hit: Hit;
  query: string;
}

/** detail of notice-search:error: the engine could not load, or a search failed. */
export interface ErrorDetail {
  message: string;
}

/**
 * <notice-search>: a search box, result list and reader over the notices compiled into the wasm.
 *
 * Attributes:
 * - `placeholder`: text in the empty box;
 * - `limit`: results per page, 1-100 (default 10);
 * - `lang`: `zh-CN` (default) or `en`; without it the nearest `lang` of the page counts;
 * - `query-param`: URL parameter the query is read from and mirrored into (default `q`;
 *   `""` for none);
 * - `offline`: `auto` (default) registers sw.js next to notice-search.js, so the page works
 *   offline after a first visit; `off` does not;
 * - `sort`: `relevance` (default) or `date`; reflects the sort control;
 * - `facets`: `on` (default) shows source and year filters and the sort control; `off` does not;
 * - `completions`: `on` (default) offers completions while typing (Tab takes the first);
 *   `off` does not.
 *
 * Events (bubbling, composed): `notice-search:ready`, `notice-search:search`,
 * `notice-search:select` (cancelable: preventDefault() keeps the reader closed),
 * `notice-search:error`.
 *
 * Styling: the custom properties --ns-accent, --ns-font, --ns-bg, --ns-fg, --ns-muted,
 * --ns-border, --ns-mark-bg, --ns-mark-fg, --ns-radius, --ns-results-max-height, and the parts
 * container, bar, input, completions, completion, status, help-toggle, help, suggestion, suggest,
 * refine, facet, sort, warnings, results, result, title, meta, matched, snippet, mark, more,
 * reader, reader-title, reader-meta, original, reader-nav, prev, next, reader-body, close.
 */
export class NoticeSearch extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Resolves to the element once the engine is loaded; rejects if it cannot load. */
  readonly ready: Promise<NoticeSearch>;
  /** The text in the search box; setting it searches, as typing does. */
  value: string;
  /** The last result shown, or null before the first search. */
  readonly result: SearchResult | null;
  /** Order of the results (the `sort` attribute); setting it searches again. */
  get sort(): Sort;
  set sort(sort: Sort);
  /** The source and year filters (a copy); setting them searches again. Emptying the box clears them. */
  get filters(): Filters;
  set filters(filters: Partial<Filters>);
  /** Puts `query` in the box, searches, and resolves to the result once the engine is loaded. */
  search(query: string): Promise<SearchResult | null>;
  /** Opens the reader on notice `id` with the current query marked; false for an unknown id. */
  openNotice(id: string): Promise<boolean>;
  /** Closes the reader if it is open. */
  closeNotice(): void;

  addEventListener<K extends keyof NoticeSearchEventMap>(type: K, listener: (this: NoticeSearch, ev: NoticeSearchEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof NoticeSearchEventMap>(type: K, listener: (this: NoticeSearch, ev: NoticeSearchEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** The element's events. */
export interface NoticeSearchEvents {
  'notice-search:ready': CustomEvent<ReadyDetail>;
  'notice-search:search': CustomEvent<SearchDetail>;
  'notice-search:select': CustomEvent<SelectDetail>;
  'notice-search:error': CustomEvent<ErrorDetail>;
}

export interface NoticeSearchEventMap extends HTMLElementEventMap, NoticeSearchEvents {}

declare global {
  interface HTMLElementTagNameMap {
    'notice-search': NoticeSearch;
  }
  // The events bubble out of the element (composed): documents and windows see them too.
  interface DocumentEventMap extends NoticeSearchEvents {}
  interface WindowEventMap extends NoticeSearchEvents {}
}
