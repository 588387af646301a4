/* OTOP Fair's service worker, version {{ version }}.
 *
 * Two kinds of cache:
 *  - "otop-shell-<version>": styles, scripts, fonts and icons, the same for everyone.
 *  - "otop-pages-<account>": the signed-in producer's own pages, as this worker fetched them.
 *
 * Signed-in pages are sent with Cache-Control: no-store, so the browser's HTTP cache and
 * back/forward cache never hold them. This worker keeps a copy only of a page it fetched itself,
 * over the network, whose <meta name="otop-account"> names the account the page was made for;
 * the copy goes into that account's own cache. A page of another account deletes every other
 * account's cache first; logging out deletes them all (pwa.js). No other page is ever stored.
 * Offline, a kept page is served with data-offline-at on <body>, and pwa.js shows the banner.
 */
"use strict";
var VERSION = "{{ version }}";
var SHELL_CACHE = "otop-shell-" + VERSION;
var SHELL = {{ shell_json|safe }};
var PAGES = {{ pages_json|safe }}.map(function (pattern) { return new RegExp(pattern); });
var PAGE_PREFIX = "otop-pages-";
var OFFLINE_TITLE = "{{ offline_title|escapejs }}";
var OFFLINE_TEXT = "{{ offline_text|escapejs }}";

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL_CACHE).then(function (cache) {
    return cache.addAll(SHELL);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  // A new version replaces the old shell (and, as pages embed the old shell's URLs, old pages).
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("otop-shell-") === 0 && name !== SHELL_CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function isKeptPage(url) {
  return url.origin === self.location.origin && !url.search &&
    PAGES.some(function (pattern) { return pattern.test(url.pathname); });
}
function accountOf(html) {
  var match = html.match(/<meta name="otop-account" content="([^"]*)">/);
  return match ? match[1] : "";
}
/* Delete every account's kept pages but `account`'s (all of them when it is empty). */
function dropOtherAccounts(account) {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PAGE_PREFIX) === 0 && name !== PAGE_PREFIX + account;
    }).map(function (name) { return caches.delete(name); }));
  });
}

/* Keep a copy of a page this worker has just fetched, under the account it was made for.
 * "/" redirects to the role's home: the home is kept under "/" too, for the installed app. */
function keep(requested, response) {
  var url = response.url || requested;
  if (!response.ok || !isKeptPage(new URL(url))) { return Promise.resolve(); }
  var urls = [url];
  if (new URL(requested).pathname === "/" && url !== requested) { urls.push(requested); }
  return response.text().then(function (html) {
    var account = accountOf(html);
    if (!account) { return null; }
    var headers = { "Content-Type": "text/html; charset=utf-8",
                    "X-Otop-Saved-At": new Date().toISOString() };
    return dropOtherAccounts(account).then(function () {
      return caches.open(PAGE_PREFIX + account);
    }).then(function (cache) {
      return Promise.all(urls.map(function (each) {
        return cache.put(each, new Response(html, { headers: headers }));
      }));
    });
  });
}

function keptCopy(url) {
  return caches.keys().then(function (names) {
    var mine = names.filter(function (name) { return name.indexOf(PAGE_PREFIX) === 0; });
    if (!mine.length) { return null; }
    return caches.open(mine[0]).then(function (cache) { return cache.match(url); });
  }).then(function (response) {
    if (!response) { return null; }
    var savedAt = response.headers.get("X-Otop-Saved-At");
    return response.text().then(function (html) {
      html = html.replace("<body", '<body data-offline-at="' + savedAt + '"');
      return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

function notKept() {
  var html = '<!doctype html><html lang="th"><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<title>" + OFFLINE_TITLE + '</title><body style="font-family:sans-serif;padding:1rem">' +
    "<h1>" + OFFLINE_TITLE + "</h1><p>" + OFFLINE_TEXT + '</p><p><a href="/">OTOP</a></p>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

function page(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    event.waitUntil(keep(request.url, response.clone()));
    return response;
  }, function () {
    return keptCopy(request.url).then(function (copy) { return copy || notKept(); });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === "navigate") {
    event.respondWith(page(event));
    return;
  }
  if (SHELL.indexOf(url.pathname) >= 0) {
    event.respondWith(caches.match(request, { cacheName: SHELL_CACHE }).then(function (hit) {
      return hit || fetch(request);
    }));
  }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type === "forget") {
    // Logout (or a sign-in page after another account): no account's pages stay.
    event.waitUntil(dropOtherAccounts(""));
  } else if (data.type === "keep" && data.account) {
    // Links to the producer's own pages on the page just shown: fetch and keep them too.
    event.waitUntil(Promise.all((data.urls || []).map(function (path) {
      var url = new URL(path, self.location.origin).href;
      if (!isKeptPage(new URL(url))) { return null; }
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        return keep(url, response);
      }).catch(function () { return null; });
    })));
  }
});

self.addEventListener("sync", function (event) {
  // Background Sync: the queue lives in the page's storage, so ask every open page to send it.
  if (event.tag === "otop-queue") {
    event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (clients) {
      clients.forEach(function (client) { client.postMessage({ type: "flush" }); });
    }));
  }
});
