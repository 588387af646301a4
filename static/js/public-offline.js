/* The public pages (directory, map, story pages) on a shopper's phone: registers the service
 * worker (templates/pwa/sw.js), which keeps each public page visited so it opens again without a
 * network, and marks such a kept copy with the "offline copy" note and when it was saved. */
(function () {
  "use strict";
  var note = document.getElementById("offline-note");
  var savedAt = document.body.dataset.offlineAt;
  if (note && savedAt) {
    // th-TH formats in the Buddhist era: "30 พ.ย. 2569 14:05".
    note.querySelector("[data-role=when]").textContent = new Date(savedAt).toLocaleString("th-TH", {
      day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit"
    });
    note.hidden = false;
  }
  if (!("serviceWorker" in navigator)) { return; }
  function register() {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
      /* no worker: the pages still work online */
    });
  }
  // After the page has loaded: the worker's first download must not slow the first paint.
  if (document.readyState === "complete") { register(); } else { window.addEventListener("load", register); }
})();
