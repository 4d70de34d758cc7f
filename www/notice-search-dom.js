// Small DOM helpers of <notice-search>: elements and text nodes only, never HTML strings.

/** document.createElement with attributes and text/element children (strings become text nodes). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    el.setAttribute(k === 'className' ? 'class' : k, v === true ? '' : v);
  }
  el.append(...children.filter((c) => c != null && c !== ''));
  return el;
}

/** Highlighted text: [{text, hit}] -> text nodes and <mark>s. */
export function segmentsToNodes(segments) {
  return segments.map((s) => (s.hit ? h('mark', { part: 'mark' }, s.text) : document.createTextNode(s.text)));
}

/** Only http(s) links from the data become hrefs. */
export function safeUrl(url) {
  try {
    const u = new URL(url, document.baseURI);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A date the engine gives as YYYY-MM-DD also goes into <time datetime>. */
export const isoDate = (d) => (/^\d{4}-\d\d-\d\d$/.test(d) ? d : null);

/** Milliseconds as shown: performance.now() is coarsened (5 µs isolated, 100 µs otherwise). */
export function formatMs(ms) {
  if (ms > 0) return ms < 10 ? ms.toFixed(2) : ms.toFixed(0);
  return `< ${globalThis.crossOriginIsolated ? '0.01' : '0.1'}`;
}
