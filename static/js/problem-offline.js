/* Forms a producer sends at the fair that must survive a dropped connection: a problem report
 * (with its photo, made smaller on the phone first) and the answer to a booth offer. A form
 * marked data-offline-queue is sent by script under an idempotency key; when the network fails
 * the entry waits in the phone's queue (offline-queue.js) and is sent later, once. The server
 * answers JSON: ok with where to go next, or the Thai reasons it refused (a late accept). */
(function () {
  "use strict";
  var queue = window.otopQueue;
  var MAX_SIDE = 1280;

  function newKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }
  /* A file the phone cannot draw (a document, a video) goes as chosen, so the server answers
   * with its reason ("This file is not a photo") instead of the report leaving without it and
   * nobody knowing. Past the server's limit only the limit and one byte go: that is enough for
   * it to say the file is too large. */
  var MAX_UPLOAD = 10 * 1024 * 1024;
  function asChosen(file) {
    return new Promise(function (resolve) {
      var reader = new FileReader();
      reader.onload = function () { resolve({ dataUrl: reader.result, filename: file.name }); };
      reader.onerror = function () { resolve(null); };
      reader.readAsDataURL(file.slice(0, MAX_UPLOAD + 1, file.type || "application/octet-stream"));
    });
  }
  /* A phone photo is often 4 MB; the queue keeps a JPEG at most 1280 px on its long side. */
  function shrink(file) {
    return new Promise(function (resolve) {
      if (!file) { resolve(null); return; }
      var url = URL.createObjectURL(file);
      var image = new Image();
      image.onload = function () {
        var scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
        var canvas = document.createElement("canvas");
        canvas.width = Math.round(image.width * scale);
        canvas.height = Math.round(image.height * scale);
        canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        resolve({ dataUrl: canvas.toDataURL("image/jpeg", 0.8), filename: "photo.jpg" });
      };
      image.onerror = function () { URL.revokeObjectURL(url); resolve(asChosen(file)); };
      image.src = url;
    });
  }
  /* Each refusal under the box it is about (a photo that is not a picture under the photo box),
   * as the page without script shows it; one about no box (a late answer) at the top. */
  function showErrors(form, data) {
    var box = form.querySelector("[data-role=offline-errors]");
    form.querySelectorAll("[data-role=field-error]").forEach(function (old) { old.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) { el.removeAttribute("aria-invalid"); });
    var general = [];
    Object.keys(data.errors || {}).forEach(function (field) {
      var text = data.errors[field].map(function (e) { return e.message; }).join(" ");
      var input = form.querySelector('[name="' + field + '"]:not([type=hidden])');
      if (!input) { general.push(text); return; }
      var note = document.createElement("div");
      note.className = "text-danger small mt-1";
      note.dataset.role = "field-error";
      note.textContent = text;
      input.setAttribute("aria-invalid", "true");
      // A group of choices gets its note after the last choice.
      var choices = form.querySelectorAll('[name="' + field + '"]');
      var last = choices[choices.length - 1];
      (last.closest(".form-check") || last).insertAdjacentElement("afterend", note);
    });
    // Red only once there is something to say (an empty alert would read as an error).
    if (box) {
      box.textContent = general.join(" ");
      box.classList.toggle("alert", general.length > 0);
      box.classList.toggle("alert-danger", general.length > 0);
      box.hidden = general.length === 0;
    }
    var first = form.querySelector("[data-role=field-error], [data-role=offline-errors]:not([hidden])");
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "center" }); }
  }
  function fieldsOf(form, submitter) {
    var fields = {};
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") { fields[name] = value; }
    });
    if (submitter && submitter.name) { fields[submitter.name] = submitter.value; }
    return fields;
  }

  /* Where the pressed button sends the form (a booth offer: accept or decline, each its own
   * URL). The entry keeps this URL, so it is sent there however long it waits; entries queued
   * when both answers shared one URL keep that one, which still answers them. */
  function actionOf(form, submitter) {
    if (submitter && submitter.hasAttribute("formaction")) { return submitter.formAction; }
    return form.action || window.location.href;
  }

  /* The same report sent again from this tab (the back button brings the form back, and the
   * producer sends what they see once more) goes under the key it was sent with, so the server
   * files it once. A report with anything changed, or one left waiting in the queue (the form is
   * emptied for the next), gets a key of its own. */
  function keyFor(form, fields, photo) {
    var copy = {};
    Object.keys(fields).forEach(function (name) {
      if (name !== "csrfmiddlewaretoken" && name !== "client_key") { copy[name] = fields[name]; }
    });
    var sent = JSON.stringify([copy, photo ? [photo.name, photo.size, photo.lastModified] : null]);
    var slot = "otop-sent:" + actionOf(form), held = null;
    try { held = JSON.parse(window.sessionStorage.getItem(slot) || "null"); } catch (e) { held = null; }
    if (held && held.sent === sent) { return held.key; }
    var key = newKey();
    try { window.sessionStorage.setItem(slot, JSON.stringify({ sent: sent, key: key })); } catch (e) { /* private mode */ }
    return key;
  }
  function forgetKey(form) {
    try { window.sessionStorage.removeItem("otop-sent:" + actionOf(form)); } catch (e) { /* private mode */ }
  }

  function queueForm(form, submitter) {
    var fields = fieldsOf(form, submitter);
    var photoInput = form.querySelector("input[type=file]");
    fields.client_key = keyFor(form, fields, photoInput && photoInput.files[0]);
    var label = (submitter && submitter.dataset.queueLabel) || form.dataset.queueLabel;
    return shrink(photoInput && photoInput.files[0]).then(function (photo) {
      var entry = { key: fields.client_key, url: actionOf(form, submitter),
        account: queue.account, kind: form.dataset.offlineQueue, label: label, fields: fields,
        files: photo ? { photo: photo } : {} };
      return queue.add(entry).then(function () {
        return queue.send(entry).then(function (data) {
          if (data.ok) { window.location.assign(data.url || window.location.href); return; }
          showErrors(form, data);
        }, function () {
          // Offline or signed out: it waits in the queue (see the list at the top of the page).
          var notice = form.querySelector("[data-role=queued]");
          if (notice) { notice.hidden = false; }
          form.reset();
          forgetKey(form);
        });
      }, function () { queue.postPlainly(form, submitter); });
    });
  }

  document.querySelectorAll("form[data-offline-queue]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.dataset.plain) { return; }
      event.preventDefault();
      if (form.dataset.busy) { return; }
      form.dataset.busy = "1";
      queueForm(form, event.submitter).then(function () { delete form.dataset.busy; });
    });
  });
})();
