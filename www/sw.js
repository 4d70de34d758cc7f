// Service worker of notice-search: after the first visit the pages, the element, its styles and
// the .wasm (engine + index) come from Cache Storage, so search works with the network off.
//
// Registered by notice-search.js for the folder it lives in (its scope). The list of files and
// the build's version come from sw-manifest.js, written by scripts/sw-manifest.mjs on every build
// (scripts/build-wasm.sh). A new build changes sw-manifest.js, so the browser installs this worker
// again and it caches the new build under a new name. The new worker waits until a page of the
// old build has finished loading its engine and asks it to take over (notice-search.js posts
// 'notice-search:activate'), or until the old build's pages are closed; then it deletes the old
// cache. A page therefore never mixes two builds' files, and the next visit gets the new build.
/* global NS_MANIFEST */
importScripts('sw-manifest.js'); // defines NS_MANIFEST = { version, files }

const SCOPE = self.registration.scope;
const PREFIX = `notice-search:${SCOPE}:`; // caches of other deployments on this origin are not ours
const PRECACHE = `${PREFIX}${NS_MANIFEST.version}`;
const PAGES = `${PREFIX}pages`; // other pages in scope, kept from their last visit
const PRECACHED = new Set(NS_MANIFEST.files.map((f) => new URL(f, self.location).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PRECACHE);
    // cache: 'reload' skips the HTTP cache, so the files really are this build's.
    await cache.addAll([...PRECACHED].map((url) => new Request(url, { cache: 'reload' })));
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'notice-search:activate') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((n) => n.startsWith(PREFIX) && n !== PRECACHE && n !== PAGES)
      .map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

/** URL without query and fragment: ?q= deep links are the same page. */
function bare(url) {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.href;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  // A page is the same page whatever its ?query; a file with a ?query (bench.js asks for the
  // package that way) is not this build's copy.
  const url = request.mode === 'navigate' ? bare(request.url) : request.url;
  if (PRECACHED.has(url)) {
    event.respondWith(fromPrecache(request, url));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  }
});

/** This build's copy; the network only if the cache is gone (a newer worker deleted it).
 * caches.match, unlike caches.open, never re-creates a deleted cache. */
async function fromPrecache(request, url) {
  return (await caches.match(url, { cacheName: PRECACHE })) ?? fetch(request);
}

/** A page of the site that is not in the build (e.g. a page embedding the element): fresh when
 * online, its last copy when offline. */
async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(bare(request.url), response.clone());
    return response;
  } catch (err) {
    const copy = await cache.match(bare(request.url));
    if (copy) return copy;
    throw err;
  }
}
