/* The phone's queue of what a producer sent while the network was down, and who it belongs to:
 * sales entries (sales-offline.js), problem reports with their photo and offer answers
 * (problem-offline.js; forms marked data-offline-queue).
 * Every entry carries the account that made it and is only ever sent while that account is
 * signed in. Another account signing in on this phone clears it; an explicit logout clears it
 * after warning that entries are waiting; an expired session keeps it (no account is signed in)
 * until the same account signs in again, and then it is sent from whatever page opens first.
 * sales-offline.js adds entries and shows their state on the sales page. The list of what is
 * waiting (#offline-waiting in base.html) is drawn from the same queue on every page. */
(function () {
  "use strict";
  var KEY = "otop-sales-queue";
  var meta = document.querySelector('meta[name="otop-account"]');
  var account = meta ? meta.content : "";
  var sending = false;
  var waitingBox = document.getElementById("offline-waiting");
  var again = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function store(queue) { localStorage.setItem(KEY, JSON.stringify(queue)); }
  function mine() {
    return load().filter(function (e) { return account && e.account === account; });
  }
  function forget(entry) {
    store(load().filter(function (e) { return e.key !== entry.key; }));
    showWaiting();
  }
  /* Queue an entry and ask for Background Sync where the browser has it (else: online/load). */
  function add(entry, replaces) {
    var kept = load().filter(function (e) { return !(replaces && replaces(e)) && e.key !== entry.key; });
    kept.push(entry);
    store(kept);
    showWaiting();
    if (navigator.serviceWorker && window.SyncManager) {
      navigator.serviceWorker.ready.then(function (registration) {
        return registration.sync.register("otop-queue");
      }).catch(function () { /* the online event and the next page load still send it */ });
    }
  }
  function labelOf(entry) {
    if (entry.label) { return entry.label; }
    // A sales day, in the Buddhist era as the rest of the app shows it.
    var day = entry.day ? new Date(entry.day + "T00:00:00").toLocaleDateString("th-TH", {
      day: "numeric", month: "short", year: "numeric" }) : "";
    return (waitingBox ? waitingBox.dataset.salesLabel : "") + " " + day + " ฿" + (entry.fields.amount || "");
  }
  function showWaiting() {
    if (!waitingBox) { return; }
    var entries = mine();
    var list = waitingBox.querySelector("ul");
    list.replaceChildren.apply(list, entries.map(function (entry) {
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
  function dataUrlBlob(dataUrl) {
    var parts = dataUrl.split(",");
    var mime = parts[0].replace(/^data:|;base64$/g, "");
    var bytes = atob(parts[1]);
    var array = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) { array[i] = bytes.charCodeAt(i); }
    return new Blob([array], { type: mime });
  }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  /* Post one entry; resolves with the server's answer (then the entry is done, saved or
   * refused) or rejects with "offline" / "signed out" (then it stays queued). */
  function send(entry) {
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
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken() }
    }).catch(function () { throw new Error("offline"); }).then(function (response) {
      if (response.status >= 500) { throw new Error("offline"); }
      // A sign-in page instead of an answer: the session ended. Keep the entry for this account.
      if (response.redirected || response.status === 401 || response.status === 403) {
        throw new Error("signed out");
      }
      return response.json().catch(function () { return { ok: false, errors: {} }; });
    }).then(function (data) {
      forget(entry);
      return data;
    });
  }

  /* Send this account's entries one after another; `report(entry, data, error)` hears each. */
  function flush(report) {
    report = report || function () {};
    var queue = mine();
    if (sending) { again = true; }
    if (sending || !queue.length) { return Promise.resolve(); }
    sending = true;
    return queue.reduce(function (chain, entry) {
      return chain.then(function () {
        return send(entry).then(function (data) { report(entry, data, null); },
                                function (error) { report(entry, null, error); });
      });
    }, Promise.resolve()).then(function () {
      sending = false;
      if (again) { again = false; flush(report); }
    });
  }

  if (account) {
    var queue = load();
    if (mine().length !== queue.length) { store(mine()); }
  }
  /* Logout forgets the queue and every kept page of this phone before the form is sent. */
  document.querySelectorAll("form[data-logout]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (mine().length && !window.confirm(form.dataset.waitingWarning)) { return; }
      localStorage.removeItem(KEY);
      form.dispatchEvent(new Event("otop:logout"));
      var forgetting = !window.caches ? Promise.resolve() : caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) {
          return name.indexOf("otop-pages-") === 0;
        }).map(function (name) { return caches.delete(name); }));
      });
      var patience = new Promise(function (resolve) { window.setTimeout(resolve, 1500); });
      Promise.race([forgetting, patience]).then(function () { form.submit(); });
    });
  });
  function generalReport(entry, data, error) {
    if (!error && data && !data.ok) { showRefused(entry, data); }
  }
  window.otopQueue = { account: account, load: load, store: store, mine: mine, add: add,
    send: send, flush: flush, showRefused: showRefused };
  window.otopSalesQueue = window.otopQueue;
  showWaiting();
  // The sales page flushes with its own display of each entry's state.
  if (!document.querySelector("form[data-offline-sales]")) {
    window.addEventListener("online", function () { flush(generalReport); });
    window.otopQueue.flush = function (report) { return flush(report || generalReport); };
    flush(generalReport);
  }
})();
