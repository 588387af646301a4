/* List tables on a phone: a table wider than its box becomes one card per row, each cell under
 * its column's name, so nothing (a status, the "บันทึกแทน" button) hides off-screen. Applies to
 * every table in a .table-responsive box, only when it would need a horizontal scroll. */
(function () {
  "use strict";
  var PHONE = window.matchMedia("(max-width: 767.98px)");

  function label(table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr, tfoot tr").forEach(function (row) {
      var column = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        if (names[column] && !cell.hasAttribute("data-label")) { cell.setAttribute("data-label", names[column]); }
        column += cell.colSpan || 1;
      });
    });
  }
  function fit() {
    document.querySelectorAll(".table-responsive > table").forEach(function (table) {
      table.classList.remove("table-stacked");
      if (PHONE.matches && table.scrollWidth > table.parentNode.clientWidth + 1) {
        label(table);
        table.classList.add("table-stacked");
      }
    });
  }
  fit();
  window.addEventListener("resize", fit);
})();

/* Fair tabs: the tab of this page is marked and scrolled into view on a narrow screen. */
(function () {
  "use strict";
  document.querySelectorAll(".fair-tabs a.nav-link").forEach(function (link) {
    if (link.getAttribute("href") === window.location.pathname) {
      link.classList.add("active");
      link.setAttribute("aria-current", "page");
      link.scrollIntoView({ block: "nearest", inline: "center" });
    }
  });
})();
