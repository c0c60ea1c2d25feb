/* Sosiokultural service worker, served at /sw.js (scope "/"; see
   sosiokultural/views.py) and registered by static/js/app.js.

   It keeps what is needed to open the dashboard and today's briefing with no
   connection: those two pages (network first, the last copy when offline) and
   the static files they use (cache first; their names change with their
   content). Nothing is sent from here: a briefing filled offline waits in the
   page's outbox (app.js) and is posted, once, when the phone is back online. */
"use strict";

var CACHE = "sosiokultural-v1";
var OFFLINE_PAGES = ["/", "/kegiatan/briefing/"];

function staticUrls(html) {
  var urls = [];
  var pattern = /(?:src|href)="(\/static\/[^"]+)"/g;
  var match;
  while ((match = pattern.exec(html)) !== null) { urls.push(match[1]); }
  return urls;
}

// Keep a copy of a page and of every static file it names.
function keepPage(path, response) {
  if (!response.ok || response.redirected) { return Promise.resolve(); }
  return caches.open(CACHE).then(function (cache) {
    return response.clone().text().then(function (html) {
      return Promise.all([
        cache.put(path, response),
        cache.addAll(staticUrls(html)).catch(function () { /* next visit */ })
      ]);
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    Promise.all(OFFLINE_PAGES.map(function (path) {
      return fetch(path, { credentials: "same-origin" })
        .then(function (response) { return keepPage(path, response); })
        .catch(function () { /* signed out or offline: kept on the next visit */ });
    })).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name !== CACHE; })
        .map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("message", function (event) {
  // Signing out: forget the kept pages (they name the unit's staff).
  if (event.data === "forget") { event.waitUntil(caches.delete(CACHE)); }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (kept) {
      return kept || fetch(request).then(function (response) {
        if (response.ok) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
        }
        return response;
      });
    }));
    return;
  }
  if (request.mode === "navigate" && OFFLINE_PAGES.indexOf(url.pathname) !== -1 && !url.search) {
    event.respondWith(fetch(request).then(function (response) {
      event.waitUntil(keepPage(url.pathname, response.clone()));
      return response;
    }).catch(function () {
      return caches.match(url.pathname).then(function (kept) {
        return kept || Response.error();
      });
    }));
  }
});
