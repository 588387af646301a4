/* Daily sales that survive a dropped connection.
 * A submitted day is kept in localStorage under an idempotency key until the server answers;
 * it is sent again when the browser comes back online, on the next page load, and every 20 s.
 * The server stores one row per booth and day, so a resend can never count twice. */
(function () {
  "use strict";
  var QUEUE = "otop-sales-queue";
  var form = document.querySelector("form[data-offline-sales]");
  var textsEl = document.getElementById("sales-texts");
  var texts = textsEl ? textsEl.dataset : {};
  var statusBox = document.getElementById("sync-status");
  var sending = false;
  var again = false;

  function load() {
    try { return JSON.parse(localStorage.getItem(QUEUE)) || []; } catch (e) { return []; }
  }
  function store(queue) { localStorage.setItem(QUEUE, JSON.stringify(queue)); }
  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }
  function money(value) {
    var n = Number(String(value).replace(/[,\s฿]/g, ""));
    return isNaN(n) ? value : "฿" + n.toLocaleString("th-TH", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function show(kind, text) {
    if (!statusBox) { return; }
    statusBox.hidden = false;
    statusBox.className = "sync-box mb-3 sync-" + kind;
    statusBox.textContent = text;
  }
  function markRow(entry, state, amountText, ordersText) {
    var row = document.querySelector('#sales-days tr[data-day="' + entry.day + '"]');
    if (!row || String(entry.assignment) !== String(form && form.dataset.assignment)) { return; }
    var badge = document.createElement("span");
    badge.className = state === "saved" ? "badge text-bg-success" : state === "pending" ? "badge text-bg-warning" : "badge text-bg-danger";
    badge.textContent = state === "saved" ? texts.saved : state === "pending" ? texts.pending : texts.refused;
    var cell = row.querySelector('[data-role="state"]');
    cell.replaceChildren(badge);
    if (amountText) { row.querySelector('[data-role="amount"]').textContent = amountText; }
    var orders = row.querySelector('[data-role="orders"]');
    if (ordersText && orders) { orders.textContent = ordersText; }
    var pill = document.querySelector('.day-pills a[data-day="' + entry.day + '"]');
    if (state === "saved" && pill && pill.textContent.indexOf("\u2713") < 0) { pill.textContent += " \u2713"; }
  }
  function forget(entry) { store(load().filter(function (e) { return e.key !== entry.key; })); }

  function send(entry) {
    var body = new FormData();
    Object.keys(entry.fields).forEach(function (name) { body.append(name, entry.fields[name]); });
    return fetch(entry.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      if (response.status >= 500) { throw new Error("server unavailable"); }
      return response.json().catch(function () { return { ok: false, errors: {} }; });
    }).then(function (data) {
      forget(entry);
      if (data.ok) {
        markRow(entry, "saved", data.amount_display, data.orders_display);
        show("saved", texts.sent + " " + data.amount_display);
        return;
      }
      var messages = [];
      Object.keys(data.errors || {}).forEach(function (field) {
        data.errors[field].forEach(function (error) { messages.push(error.message); });
      });
      markRow(entry, "refused");
      show("error", texts.refused + " " + messages.join(" "));
    });
  }

  function flush() {
    var queue = load();
    if (sending) { again = true; }
    if (sending || !queue.length) { return Promise.resolve(); }
    sending = true;
    return queue.reduce(function (chain, entry) {
      return chain.then(function () {
        return send(entry).catch(function () {
          markRow(entry, "pending", money(entry.fields.amount), money(entry.fields.orders || 0));
          show("pending", texts.offline);
        });
      });
    }, Promise.resolve()).then(function () {
      sending = false;
      if (again) { again = false; flush(); }
    });
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = {};
      new FormData(form).forEach(function (value, name) { fields[name] = value; });
      fields.client_key = newKey();
      var entry = { key: fields.client_key, url: form.action || window.location.href,
        assignment: form.dataset.assignment, day: fields.day, fields: fields };
      var queue = load().filter(function (e) {
        return !(e.assignment === entry.assignment && e.day === entry.day);
      });
      queue.push(entry);
      store(queue);
      markRow(entry, "pending", money(fields.amount), money(fields.orders || 0));
      show("pending", texts.pending);
      flush();
    });
    load().forEach(function (entry) { markRow(entry, "pending", money(entry.fields.amount), money(entry.fields.orders || 0)); });
  }
  window.addEventListener("online", flush);
  window.setInterval(flush, 20000);
  flush();
})();
