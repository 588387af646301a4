/* OTOP Fair's service worker, version {{ version }}.
 *
 * Two kinds of cache:
 *  - "otop-shell-<version>": styles, scripts, fonts and icons, the same for everyone.
 *  - "otop-pages-<account>": the signed-in producer's own pages, as this worker fetched them.
 *  - "otop-public-<version>": the public pages (directory, map, story pages, their photos) a
 *    visitor opened, the last PUBLIC_KEEPS of them; they hold no account's data.
 *
 * Signed-in pages are sent with Cache-Control: no-store, so the browser's HTTP cache and
 * back/forward cache never hold them. This worker keeps a copy only of a page it fetched itself,
 * over the network, whose <meta name="otop-account"> names the account the page was made for;
 * the copy goes into that account's own cache. A page of another account deletes every other
 * account's cache first; logging out deletes them all (pwa.js). No other page is ever stored.
 * Offline, a kept page is served with data-offline-at on <body>, and pwa.js shows the banner
 * (public-offline.js the "offline copy" note on a public page).
 */
"use strict";
importScripts("{{ queue_store_url|escapejs }}");
var VERSION = "{{ version }}";
var SHELL_CACHE = "otop-shell-" + VERSION;
var SHELL = {{ shell_json|safe }};
var PAGES = {{ pages_json|safe }}.map(function (pattern) { return new RegExp(pattern); });
var PAGE_PREFIX = "otop-pages-";
var PUBLIC = new RegExp({{ public_pages_json|safe }});
var PUBLIC_CACHE = "otop-public-" + VERSION;
var PUBLIC_KEEPS = 120;
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
      var versioned = name.indexOf("otop-shell-") === 0 || name.indexOf("otop-public-") === 0;
      return versioned && name !== SHELL_CACHE && name !== PUBLIC_CACHE;
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

/* A kept page as served offline: marked with when it was saved, for the banner or note. */
function offlineCopy(response) {
  var savedAt = response.headers.get("X-Otop-Saved-At");
  return response.text().then(function (html) {
    html = html.replace("<body", '<body data-offline-at="' + savedAt + '"');
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
  });
}

function keptCopy(url) {
  return caches.keys().then(function (names) {
    var mine = names.filter(function (name) { return name.indexOf(PAGE_PREFIX) === 0; });
    if (!mine.length) { return null; }
    return caches.open(mine[0]).then(function (cache) { return cache.match(url); });
  }).then(function (response) { return response ? offlineCopy(response) : null; });
}

/* Keep a public page (stamped with when) or photo just fetched; the oldest go past the limit. */
function keepPublic(request, response) {
  var stamped = request.mode !== "navigate" ? Promise.resolve(response) : response.text().then(function (html) {
    return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8",
                                           "X-Otop-Saved-At": new Date().toISOString() } });
  });
  return Promise.all([caches.open(PUBLIC_CACHE), stamped]).then(function (found) {
    var cache = found[0];
    return cache.put(request.url, found[1]).then(function () { return cache.keys(); }).then(function (keys) {
      return Promise.all(keys.slice(0, Math.max(0, keys.length - PUBLIC_KEEPS)).map(function (key) {
        return cache.delete(key);
      }));
    });
  });
}

/* Public pages: the network first (they change as booths are assigned), the kept copy offline. */
function publicAnswer(event) {
  var request = event.request;
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") { event.waitUntil(keepPublic(request, response.clone())); }
    return response;
  }, function () {
    return caches.open(PUBLIC_CACHE).then(function (cache) { return cache.match(request.url); }).then(function (hit) {
      if (request.mode !== "navigate") { return hit || Response.error(); }
      return hit ? offlineCopy(hit) : notKept();
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
  if (PUBLIC.test(url.pathname)) {
    event.respondWith(publicAnswer(event));
    return;
  }
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

/* Background Sync: send the queue (IndexedDB, queue-store.js) from here, so it leaves the phone
 * even when no page of the app is open. Each entry says whose it is and the server refuses it
 * under any other signed-in account; a network failure rejects, so the browser tries again. */
function csrfToken() {
  if (!self.cookieStore) { return Promise.resolve(""); }
  return self.cookieStore.get("csrftoken").then(function (cookie) { return cookie ? cookie.value : ""; });
}
function tellPages(message) {
  return self.clients.matchAll({ type: "window" }).then(function (clients) {
    clients.forEach(function (client) { client.postMessage(message); });
  });
}
function sendQueue() {
  var offline = false;
  return Promise.all([csrfToken(), self.otopQueueStore.entries()]).then(function (found) {
    // A held day waits for the producer to confirm it on the sales page (queue-store.js).
    var sendable = found[1].filter(function (e) { return !e.held; });
    return sendable.reduce(function (chain, entry) {
      return chain.then(function () {
        return self.otopQueueStore.send(entry, found[0]).then(function (answer) {
          return tellPages({ type: "sent", entry: entry, answer: answer });
        }, function (error) { offline = offline || error.message === "offline"; });
      });
    }, Promise.resolve());
  }).then(function () {
    if (offline) { throw new Error("offline: the browser retries this sync later"); }
  });
}
self.addEventListener("sync", function (event) {
  if (event.tag === "otop-queue") { event.waitUntil(sendQueue()); }
});
