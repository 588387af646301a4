/* The phone's queue of what a producer sent while the network was down, and who it belongs to:
 * sales entries (sales-offline.js), problem reports with their photo and offer answers
 * (problem-offline.js; forms marked data-offline-queue). The entries live in IndexedDB
 * (queue-store.js), where the service worker sends them in a Background Sync even with no page
 * open; this page keeps a copy of the list (`mine()`) for drawing it.
 * Every entry carries the account that made it and is only ever sent while that account is
 * signed in. Another account signing in on this phone clears it; an explicit logout clears it
 * after warning that entries are waiting; an expired session keeps it (no account is signed in)
 * until the same account signs in again, and then it is sent from whatever page opens first.
 * The list of what is waiting (#offline-waiting in base.html) is drawn on every page. */
(function () {
  "use strict";
  var OLD_KEY = "otop-sales-queue";  // where the queue lived before IndexedDB
  var store = window.otopQueueStore;
  var meta = document.querySelector('meta[name="otop-account"]');
  var account = meta ? meta.content : "";
  var waitingBox = document.getElementById("offline-waiting");
  var list = [];
  var sending = false;
  var again = false;
  var report = function () {};

  function refresh() {
    return store.entries().then(function (all) { list = all; showWaiting(); return all; });
  }
  function mine() {
    return list.filter(function (e) { return account && String(e.account) === account; });
  }
  /* Entries queued before the queue moved to IndexedDB move there, keys and all, once. */
  function migrate() {
    var old;
    try { old = JSON.parse(localStorage.getItem(OLD_KEY)) || []; } catch (e) { old = []; }
    return Promise.all(old.map(function (entry, i) {
      entry.queuedAt = entry.queuedAt || i;
      return store.put(entry);
    })).then(function () { localStorage.removeItem(OLD_KEY); });
  }
  /* Queue an entry and ask for Background Sync where the browser has it (else: online/load). */
  function add(entry, replaces) {
    entry.queuedAt = Date.now();
    return store.put(entry, replaces).then(refresh).then(function () {
      if (!navigator.serviceWorker || !window.SyncManager) { return null; }
      return navigator.serviceWorker.ready.then(function (registration) {
        return registration.sync.register("otop-queue");
      }).catch(function () { /* the online event and the next page load still send it */ });
    });
  }
  function labelOf(entry) {
    if (entry.label) { return entry.label; }
    // A sales day, in the Buddhist era as the rest of the app shows it.
    var day = entry.day ? new Date(entry.day + "T00:00:00").toLocaleDateString("th-TH", {
      day: "numeric", month: "short", year: "numeric" }) : "";
    return (waitingBox ? waitingBox.dataset.salesLabel : "") + " " + day + " ฿" + (entry.fields.amount || "");
  }
  /* A held sales day (far beyond the usual) is not waiting to be sent but for the producer's tick:
     its own booth's sales page asks for it, and does not also list it here. */
  function askedForOnThisPage(entry) {
    return entry.held && document.querySelector(
      'form[data-offline-sales][data-assignment="' + entry.assignment + '"]');
  }
  function showWaiting() {
    if (!waitingBox) { return; }
    var entries = mine().filter(function (entry) { return !askedForOnThisPage(entry); });
    var items = waitingBox.querySelector("ul");
    items.replaceChildren.apply(items, entries.map(function (entry) {
      var item = document.createElement("li");
      item.textContent = labelOf(entry);
      return item;
    }));
    waitingBox.hidden = !entries.length;
  }
  function showRefused(entry, data) {
    if (!waitingBox) { return; }
    var messages = [];
    Object.keys(data.errors || {}).forEach(function (field) {
      data.errors[field].forEach(function (e) { messages.push(e.message); });
    });
    var notice = document.createElement("div");
    notice.className = "alert alert-danger";
    notice.setAttribute("role", "alert");
    notice.textContent = waitingBox.dataset.refused + " " + labelOf(entry) + ": " + messages.join(" ");
    waitingBox.parentNode.insertBefore(notice, waitingBox);
  }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function send(entry) {
    // The phone knows it has no connection: the entry waits, with no request made that the
    // network would drop (nor one a service worker might still get through half-way).
    if (navigator.onLine === false) { return Promise.reject(new Error("offline")); }
    return store.send(entry, csrfToken()).then(function (data) {
      return refresh().then(function () { return data; });
    });
  }

  /* Send this account's entries one after another; `report(entry, data, error)` hears each. */
  function flush() {
    if (sending) { again = true; return Promise.resolve(); }
    sending = true;
    return refresh().then(function () {
      var sendable = mine().filter(function (e) { return !e.held; });
      return sendable.reduce(function (chain, entry) {
        return chain.then(function () {
          return send(entry).then(function (data) { report(entry, data, null); },
                                  function (error) { report(entry, null, error); });
        });
      }, Promise.resolve());
    }).catch(function () { /* no IndexedDB (a private window): nothing was queued */ }).then(function () {
      sending = false;
      if (again) { again = false; return flush(); }
      return null;
    });
  }

  /* Logout forgets the queue and every kept page of this phone before the form is sent. */
  document.querySelectorAll("form[data-logout]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (mine().length && !window.confirm(form.dataset.waitingWarning)) { return; }
      form.dispatchEvent(new Event("otop:logout"));
      var forgetting = Promise.all([store.prune(), !window.caches ? null : caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf("otop-pages-") === 0;
        }).map(function (name) { return caches.delete(name); }));
      })]);
      var patience = new Promise(function (resolve) { window.setTimeout(resolve, 1500); });
      Promise.race([forgetting, patience]).then(function () { form.submit(); });
    });
  });
  /* The service worker sent an entry in a Background Sync: show it as this page would. */
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type === "sent") { refresh().then(function () { report(data.entry, data.answer, null); }); }
    });
  }
  function generalReport(entry, data, error) {
    if (!error && data && !data.ok) { showRefused(entry, data); }
  }
  /* Where nothing can wait on the phone (no IndexedDB: a private window, a full disk), a form goes
   * as a plain post, as it would without script, rather than being shown as queued and lost. */
  function postPlainly(form, submitter) {
    form.dataset.plain = "1";
    // From a later task: Chrome drops a requestSubmit made in the promise chain of the first submit.
    window.setTimeout(function () {
      if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else { form.submit(); }
    }, 0);
  }
  var ready = migrate().then(function () {
    // Signed in: entries of any other account on this phone are dropped, never sent.
    return account ? store.prune(function (e) { return String(e.account) === account; }) : null;
  }).then(refresh).catch(function () { return []; });
  window.otopQueue = {
    account: account, ready: ready, mine: mine, add: add, send: send, showRefused: showRefused,
    postPlainly: postPlainly,
    entries: function () { return store.entries(); },
    /* The sales page reports each entry's state in its own table; other pages list refusals. */
    flush: function (onEach) { if (onEach) { report = onEach; } return ready.then(flush); }
  };
  window.otopSalesQueue = window.otopQueue;
  report = generalReport;
  if (!document.querySelector("form[data-offline-sales]")) {
    window.addEventListener("online", function () { window.otopQueue.flush(); });
    window.otopQueue.flush();
  }
})();
