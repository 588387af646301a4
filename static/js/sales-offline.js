/* Daily sales that survive a dropped connection.
 * A submitted day is kept on the phone (offline-queue.js, in IndexedDB) under an idempotency key until the
 * server answers; it is sent again when the browser comes back online, on the next page load,
 * and every 20 s. The server stores one row per booth and day and never re-applies a key, so a
 * resend can never count twice. Only the signed-in account's own entries are ever sent. */
(function () {
  "use strict";
  var queue = window.otopSalesQueue;
  var form = document.querySelector("form[data-offline-sales]");
  var textsEl = document.getElementById("sales-texts");
  var texts = textsEl ? textsEl.dataset : {};
  var statusBox = document.getElementById("sync-status");

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }
  function money(value) {
    var typed = String(value).replace(/[,\s฿]/g, "");
    // Only an amount a float holds exactly is reformatted: a thumb's slip of twenty digits would
    // show rounded (฿100,000,…) and "Infinity" as ฿∞, so such a typing is shown as typed.
    if (!/^-?\d{1,13}(\.\d{0,2})?$/.test(typed)) { return value; }
    return "฿" + Number(typed).toLocaleString("th-TH", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
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
    var looks = {
      saved: ["badge text-bg-success", texts.saved],
      pending: ["badge text-bg-warning", texts.pending],
      held: ["badge text-bg-warning", texts.heldBadge],
      refused: ["badge text-bg-danger", texts.refusedBadge]
    }[state];
    badge.className = looks[0];
    badge.textContent = looks[1];
    var cell = row.querySelector('[data-role="state"]');
    cell.replaceChildren(badge);
    if (amountText) { row.querySelector('[data-role="amount"]').textContent = amountText; }
    var orders = row.querySelector('[data-role="orders"]');
    if (ordersText && orders) { orders.textContent = ordersText; }
    var pill = document.querySelector('.day-pills a[data-day="' + entry.day + '"]');
    if (state === "saved" && pill && pill.textContent.indexOf("\u2713") < 0) { pill.textContent += " \u2713"; }
  }

  function report(entry, data, error) {
    // Problem reports and offer answers share the queue; the page's general list reports them.
    if (entry.kind && entry.kind !== "sales") {
      if (!error && data && !data.ok) { queue.showRefused(entry, data); }
      return;
    }
    if (error) {
      markRow(entry, "pending", money(entry.fields.amount), money(entry.fields.orders || 0));
      show("pending", error.message === "signed out" ? texts.signedOut : texts.offline);
      return;
    }
    if (data.ok) {
      markRow(entry, "saved", data.amount_display, data.orders_display);
      show("saved", texts.sent + " " + data.amount_display);
      return;
    }
    var messages = [];
    Object.keys(data.errors || {}).forEach(function (field) {
      data.errors[field].forEach(function (e) { messages.push(e.message); });
    });
    if (data.confirm) { askToConfirm(entry, messages.join(" ")); return; }
    markRow(entry, "refused", money(entry.fields.amount));
    show("error", texts.refused + " " + messages.join(" "));
    besideTheirBoxes(entry, data.errors || {});
  }
  function isThisForm(entry) {
    return form && String(entry.assignment) === String(form.dataset.assignment) &&
      entry.day === form.dataset.day;
  }
  /* A refused day of this form comes back into it as typed, each message under its own box (as
     the page without script shows it), where the person corrects it. */
  function clearBoxErrors() {
    if (!form) { return; }
    form.querySelectorAll("[data-role=field-error]").forEach(function (old) { old.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (box) { box.removeAttribute("aria-invalid"); });
  }
  function besideTheirBoxes(entry, errors) {
    if (!isThisForm(entry)) { return; }
    clearBoxErrors();
    Object.keys(entry.fields).forEach(function (name) {
      var input = form.elements[name];
      if (input && input.type !== "checkbox" && input.type !== "hidden") { input.value = entry.fields[name]; }
    });
    Object.keys(errors).forEach(function (name) {
      var input = form.elements[name];
      if (!input || input.type === "hidden" || !input.parentNode) { return; }
      var note = document.createElement("div");
      note.className = "text-danger small";
      note.dataset.role = "field-error";
      note.textContent = errors[name].map(function (e) { return e.message; }).join(" ");
      input.setAttribute("aria-invalid", "true");
      input.insertAdjacentElement("afterend", note);
    });
  }
  /* A held day (far beyond the usual) comes back into the form with the tick to confirm it: one
     state (the box, the day's row saying "check the amount") and one action (tick, then Save). */
  function askToConfirm(entry, message) {
    markRow(entry, "held", money(entry.fields.amount));
    if (!isThisForm(entry)) { return; }
    Object.keys(entry.fields).forEach(function (name) {
      var input = form.elements[name];
      if (input && input.type !== "checkbox" && input.type !== "hidden") { input.value = entry.fields[name]; }
    });
    var box = form.querySelector('[data-role="confirm-amount"]');
    if (box) {
      box.querySelector('[data-role="confirm-message"]').textContent = message;
      box.hidden = false;
    }
    if (statusBox) { statusBox.hidden = true; }
  }
  function flush() { return queue.flush(report); }

  if (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.plain) { return; }
      event.preventDefault();
      clearBoxErrors();  // a corrected day's old messages go with the new send
      var fields = {};
      new FormData(form).forEach(function (value, name) { fields[name] = value; });
      fields.client_key = newKey();
      var entry = { key: fields.client_key, url: form.action || window.location.href,
        account: queue.account, assignment: form.dataset.assignment, day: fields.day,
        fields: fields };
      markRow(entry, "pending", money(fields.amount), money(fields.orders || 0));
      show("pending", texts.pending);
      queue.add(entry, function (e) {
        return e.account === entry.account && e.assignment === entry.assignment && e.day === entry.day;
      }).then(flush, function () { queue.postPlainly(form, event.submitter); });
    });
    queue.ready.then(function () {
      queue.mine().forEach(function (entry) {
        if (entry.held) { askToConfirm(entry, texts.confirm); return; }
        markRow(entry, "pending", money(entry.fields.amount), money(entry.fields.orders || 0));
      });
    });
  }
  window.addEventListener("online", flush);
  window.setInterval(flush, 20000);
  flush();
})();
