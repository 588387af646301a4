// The rubric's running total of weights, kept current while the officer types.
// The page shows the saved total without JavaScript; this only updates it as cells change.
(function () {
  "use strict";
  var table = document.querySelector("[data-rubric]");
  if (!table) return;
  var total = table.querySelector("[data-weight-total]");
  function weighOut() {
    var sum = 0;
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var weight = row.querySelector("input[name$='-weight']");
      var name = row.querySelector("input[name$='-name']");
      var gone = row.querySelector("input[name$='-DELETE']");
      if (!weight || !name || !name.value.trim() || (gone && gone.checked)) return;
      var value = parseFloat(weight.value.replace(",", "."));
      if (!isNaN(value) && value > 0) sum += value;
    });
    total.textContent = (Math.round(sum * 100) / 100).toLocaleString("th-TH");
  }
  table.addEventListener("input", weighOut);
  table.addEventListener("change", weighOut);
  weighOut();
})();
