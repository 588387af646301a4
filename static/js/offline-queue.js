/* The phone's queue of sales entries waiting to be sent, and who it belongs to.
 * Every entry carries the account that made it and is only ever sent while that account is
 * signed in. Another account signing in on this phone clears it; an explicit logout clears it
 * after warning that entries are waiting; an expired session keeps it (no account is signed in)
 * until the same account signs in again, and then it is sent from whatever page opens first.
 * sales-offline.js adds entries and shows their state on the sales page. */
(function () {
  "use strict";
  var KEY = "otop-sales-queue";
  var meta = document.querySelector('meta[name="otop-account"]');
  var account = meta ? meta.content : "";
  var sending = false;
  var again = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(KEY)) || []; } catch (e) { return []; }
  }
  function store(queue) { localStorage.setItem(KEY, JSON.stringify(queue)); }
  function mine() {
    return load().filter(function (e) { return account && e.account === account; });
  }
  function forget(entry) { store(load().filter(function (e) { return e.key !== entry.key; })); }
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
  document.querySelectorAll("form[data-logout]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (mine().length && !window.confirm(form.dataset.waitingWarning)) {
        event.preventDefault();
        return;
      }
      localStorage.removeItem(KEY);
    });
  });
  window.otopSalesQueue = { account: account, load: load, store: store, mine: mine, flush: flush };
  // The sales page flushes with its own display of each entry's state.
  if (!document.querySelector("form[data-offline-sales]")) {
    window.addEventListener("online", function () { flush(); });
    flush();
  }
})();
