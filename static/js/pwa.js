/* The installable app on the page side: registers the service worker (templates/pwa/sw.js),
 * shows the "offline — data as of …" banner on a kept copy, asks the worker to keep the
 * producer's own pages linked from this one, and forgets every kept page on logout. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="otop-account"]');
  var account = meta ? meta.content : "";
  var banner = document.getElementById("offline-banner");
  var KEEP_EVERY_MS = 10 * 60 * 1000;

  function beDateTime(iso) {
    // th-TH formats in the Buddhist era: "30 พ.ย. 2569 14:05".
    return new Date(iso).toLocaleString("th-TH", {
      day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit"
    });
  }
  function showBanner() {
    var savedAt = document.body.dataset.offlineAt;
    if (!banner || !savedAt) { return; }
    banner.querySelector("[data-role=when]").textContent = beDateTime(savedAt);
    banner.hidden = false;
  }
  function forgetPages() {
    if (!window.caches) { return Promise.resolve(); }
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("otop-pages-") === 0 && name !== "otop-pages-" + account;
      }).map(function (name) { return caches.delete(name); }));
    });
  }
  /* Ask the worker to fetch and keep this producer's own pages linked here (not too often). */
  function keepLinkedPages(worker) {
    if (!account || !document.body.hasAttribute("data-keeps-pages") || !navigator.onLine) { return; }
    var stamp = "otop-kept-" + account;
    if (Date.now() - Number(localStorage.getItem(stamp) || 0) < KEEP_EVERY_MS) { return; }
    localStorage.setItem(stamp, String(Date.now()));
    var urls = Array.prototype.map.call(document.querySelectorAll("a[href^='/']"), function (a) {
      return a.getAttribute("href");
    });
    worker.postMessage({ type: "keep", account: account, urls: urls });
  }

  showBanner();
  if (account) {
    forgetPages();  // another account's pages, if this phone had one signed in before
  }
  document.querySelectorAll("form[data-logout]").forEach(function (form) {
    form.addEventListener("otop:logout", function () {
      account = "";
      localStorage.removeItem("otop-kept-" + (meta ? meta.content : ""));
      if (navigator.serviceWorker && navigator.serviceWorker.controller) {
        navigator.serviceWorker.controller.postMessage({ type: "forget" });
      }
    });
  });
  if (!("serviceWorker" in navigator)) { return; }
  // After the page has loaded: the worker's first download must not slow the first paint.
  function register() {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (registration.active) { keepLinkedPages(registration.active); }
    }).catch(function () { /* no worker: the app still works online */ });
  }
  if (document.readyState === "complete") { register(); } else { window.addEventListener("load", register); }
})();
