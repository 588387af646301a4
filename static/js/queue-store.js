/* Where the phone keeps what a producer sent while the network was down: one IndexedDB store
 * read by the page (offline-queue.js) and by the service worker (templates/pwa/sw.js), so a
 * Background Sync can send the queue with no page of the app open. Each entry keeps the account
 * that made it and its idempotency key (the server never applies a key twice), so the page and
 * the worker sending the same entry at once still make one row. Every request says whose entry
 * it is (X-Otop-Account); the server refuses an entry of another account than the signed-in one
 * (otop_fair/middleware.py), so the worker, which cannot see who is signed in, never sends an
 * entry under someone else's name. */
(function (scope) {
  "use strict";
  var DB_NAME = "otop-queue";
  var STORE = "entries";
  var opening = null;

  function database() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        var request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore(STORE, { keyPath: "key" });
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { opening = null; reject(request.error); };
      });
    }
    return opening;
  }
  /* Run `work(store)` in one transaction; resolves with its request's result once committed. */
  function inStore(mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { resolve(request ? request.result : undefined); };
        transaction.onerror = transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  function entries() {
    return inStore("readonly", function (store) { return store.getAll(); }).then(function (all) {
      return all.sort(function (a, b) { return (a.queuedAt || 0) - (b.queuedAt || 0); });
    });
  }
  /* Queue `entry`, dropping the entries `replaces(e)` says it supersedes (a day typed again). */
  function put(entry, replaces) {
    return entries().then(function (all) {
      return inStore("readwrite", function (store) {
        all.forEach(function (e) { if (replaces && replaces(e)) { store.delete(e.key); } });
        store.put(entry);
      });
    });
  }
  function remove(key) {
    return inStore("readwrite", function (store) { store.delete(key); });
  }
  /* Delete every entry `keeps(e)` says no (all of them without a predicate). */
  function prune(keeps) {
    return entries().then(function (all) {
      return inStore("readwrite", function (store) {
        all.forEach(function (e) { if (!keeps || !keeps(e)) { store.delete(e.key); } });
      });
    });
  }

  function dataUrlBlob(dataUrl) {
    var parts = dataUrl.split(",");
    var mime = parts[0].replace(/^data:|;base64$/g, "");
    var bytes = atob(parts[1]);
    var array = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) { array[i] = bytes.charCodeAt(i); }
    return new Blob([array], { type: mime });
  }
  /* Post one entry; resolves with the server's answer (the entry is then done, saved or refused,
   * and leaves the queue) or rejects with "offline" / "signed out" (it stays queued). A day the
   * server asks to confirm (far beyond the booth's usual: `confirm` in the answer) stays on the
   * phone, held: it is not sent again until the producer ticks "the amount is right". */
  function send(entry, csrfToken) {
    var body = new FormData();
    Object.keys(entry.fields).forEach(function (name) {
      // The page's token may be from an ended session: the header carries the current one.
      if (name !== "csrfmiddlewaretoken") { body.append(name, entry.fields[name]); }
    });
    Object.keys(entry.files || {}).forEach(function (name) {
      body.append(name, dataUrlBlob(entry.files[name].dataUrl), entry.files[name].filename);
    });
    return fetch(entry.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken,
                 "X-Otop-Account": String(entry.account) }
    }).catch(function () { throw new Error("offline"); }).then(function (response) {
      if (response.status >= 500) { throw new Error("offline"); }
      // A sign-in page instead of an answer, or another account signed in: keep the entry.
      if (response.redirected || [401, 403, 409].indexOf(response.status) >= 0) {
        throw new Error("signed out");
      }
      return response.json().catch(function () { return { ok: false, errors: {} }; });
    }).then(function (data) {
      if (data && data.confirm) {
        entry.held = true;
        return put(entry).then(function () { return data; });
      }
      return remove(entry.key).then(function () { return data; });
    });
  }

  scope.otopQueueStore = { entries: entries, put: put, remove: remove, prune: prune, send: send };
})(self);
