/* The little of Bootstrap's script the app needs — the phone menu, the account dropdown and
 * closing a message — without its 80 KB bundle. Keeps Bootstrap's data-bs-* markup. */
(function () {
  "use strict";
  function closeDropdowns(except) {
    document.querySelectorAll(".dropdown-menu.show").forEach(function (menu) {
      if (menu === except) { return; }
      menu.classList.remove("show");
      var toggle = menu.parentNode.querySelector("[data-bs-toggle=dropdown]");
      if (toggle) { toggle.setAttribute("aria-expanded", "false"); }
    });
  }
  document.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-bs-toggle]");
    var dismiss = event.target.closest("[data-bs-dismiss=alert]");
    if (dismiss) { dismiss.closest(".alert").remove(); return; }
    if (!toggle) { closeDropdowns(null); return; }
    if (toggle.dataset.bsToggle === "collapse") {
      var target = document.querySelector(toggle.dataset.bsTarget);
      var open = target.classList.toggle("show");
      toggle.setAttribute("aria-expanded", String(open));
    } else if (toggle.dataset.bsToggle === "dropdown") {
      event.preventDefault();
      var menu = toggle.parentNode.querySelector(".dropdown-menu");
      closeDropdowns(menu);
      toggle.setAttribute("aria-expanded", String(menu.classList.toggle("show")));
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { closeDropdowns(null); }
  });
})();
