// Hadir's service worker: pre-caches the app shell, serves it cache-first, never caches the
// API. VERSION and SHELL are filled in by the server (api/blueprints/webapp.py) from the files.
const VERSION = "__VERSION__";
const SHELL = ["__SHELL__"];
const CACHE = `hadir-shell-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL))
    .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith("hadir-shell-")
      && name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin
      || !url.pathname.startsWith("/presensi/")) {
    return; // the API and everything else go to the network, uncached
  }
  const key = event.request.mode === "navigate" ? "/presensi/" : url.pathname;
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(key)
    .then((hit) => hit || fetch(event.request))));
});
