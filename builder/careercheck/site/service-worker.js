// Keeps this site for use offline: the runtime, and one language's check pages and what they need,
// are taken in when the service worker installs; any other page of this site is kept once visited.
// Written by `careercheck build` (offline.py) once per language, which fills in FILES (paths
// relative to this file) and VERSION
// (a digest of the whole site): a new build is a new version, which takes over as soon as it has
// everything (online, every answer comes from the network anyway) and deletes the old cache. Only
// this site's own GET requests are answered; nothing else is touched.
const VERSION = "{{VERSION}}";
const FILES = {{FILES}};
const PREFIX = "careercheck-";
const CACHE = PREFIX + VERSION;

self.addEventListener("install", (event) => {
  // "no-cache": the browser's HTTP cache answers with what it holds if the server confirms it
  // (a 304, a few hundred bytes), so files the page has just loaded are not sent twice. The
  // runtime's folder is named by its content: what the browser holds of it needs no asking.
  const mode = (file) => (file.includes("assets/pyodide/") ? "default" : "no-cache");
  const requests = FILES.map((file) => new Request(new URL(file, self.location).href, { cache: mode(file) }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim(); // the page that installed it is kept from now on, too
  })());
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(answer(request));
});

// The network first, so that what is online is what is shown (no page of an old build beside a
// script of a new one, an author's edit seen on reload); the browser's cache makes that a question
// with an empty answer (304) for what it already has. Without a network: what is kept.
async function answer(request) {
  const cache = await caches.open(CACHE);
  // The query is not part of a page (share and coach links carry their data after the #).
  const kept = await cache.match(request, { ignoreSearch: true });
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic" && !same(kept, response)) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    if (kept) return kept;
    throw error;
  }
}

// The same version of a file as kept: not written again (the runtime alone is 14 MB).
function same(kept, response) {
  const mark = (r) => `${r.headers.get("ETag")} ${r.headers.get("Last-Modified")}`;
  return kept !== undefined && mark(kept) === mark(response) && mark(response) !== "null null";
}
