// Under every Buddhist-era date input (otop_fair/thai_dates.py), say in words which day was typed,
// so "31/12/69" reads back as "31 ธันวาคม 2569" before the form is sent. The server's parser decides;
// this only shows the reading early, with the same rules.
(function () {
  "use strict";
  var MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
    "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];
  var DAY_FIRST = /^(\d{1,2})\s*[\/.\-]\s*(\d{1,2})\s*[\/.\-]\s*(\d{2}|\d{4})$/;
  var YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
  // 1 ธ.ค. 2569, 1 ธันวาคม 69, 1 ธ.ค. พ.ศ. 2569 (thai_dates.MONTH_WORD).
  var MONTH_WORD = /^(\d{1,2})\s*([\u0e01-\u0e4e.\s]+?)\s*(?:พ\.\s*ศ\.\s*)?(\d{2}|\d{4})$/;
  var SHORT_MONTHS = ["มค", "กพ", "มีค", "เมย", "พค", "มิย", "กค", "สค", "กย", "ตค", "พย", "ธค"];
  var BUDDHIST_ERA_OFFSET = 543;  // as otop_fair/thai.py

  function arabic(text) {
    return text.replace(/[๐-๙]/g, function (d) { return String(d.charCodeAt(0) - 0x0e50); });
  }

  // A two-digit year whose Christian-era reading is near this year: the server asks for four
  // digits (thai_dates.AMBIGUOUS_CE_BACK / AHEAD).
  function ambiguous(input, yy) {
    var now = new Date().getFullYear();
    return now - +input.dataset.ambiguousBack <= 2000 + yy &&
      2000 + yy <= now + +input.dataset.ambiguousAhead;
  }

  function monthNumber(word) {
    var key = word.replace(/[.\s]/g, "");
    return MONTHS.indexOf(key) + 1 || SHORT_MONTHS.indexOf(key) + 1;
  }

  // DAY_FIRST's match, or a month-name date's with the month as its number.
  function dayFirst(text) {
    var m = DAY_FIRST.exec(text) || MONTH_WORD.exec(text);
    if (!m || /^\d+$/.test(m[2])) { return m; }
    var month = monthNumber(m[2]);
    return month ? [m[0], m[1], String(month), m[3]] : null;
  }

  function reading(input) {
    var value = input.value;
    var text = arabic(value).trim(), m, day, month, year;
    if ((m = dayFirst(text))) {
      day = +m[1]; month = +m[2]; year = +m[3] + (m[3].length === 2 ? 2500 : 0);
      if (m[3].length === 2 && ambiguous(input, +m[3])) {
        var ceYear = 2000 + +m[3];
        return "⚠ " + input.dataset.ambiguousYear.replace(/\{typed\}/g, m[3])
          .replace(/\{be_year\}/g, year).replace(/\{ce_year\}/g, ceYear)
          .replace(/\{ce_be_year\}/g, ceYear + BUDDHIST_ERA_OFFSET);
      }
    } else if ((m = YEAR_FIRST.exec(text))) {
      year = +m[1]; month = +m[2]; day = +m[3];
    } else {
      return "";
    }
    if (year >= 1800 && year < 2400) {
      return "⚠ " + input.dataset.christianEra.replace(/\{year\}/g, year)
        .replace(/\{be_year\}/g, year + BUDDHIST_ERA_OFFSET);
    }
    var ce = new Date(year - BUDDHIST_ERA_OFFSET, month - 1, day);
    if (ce.getMonth() !== month - 1 || ce.getDate() !== day) {
      return "⚠ " + input.dataset.noSuchDay;
    }
    return "= " + day + " " + MONTHS[month - 1] + " " + year;
  }

  function attach(input) {
    var note = document.createElement("div");
    note.className = "form-text buddhist-date-reading";
    note.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", note);
    var show = function () { note.textContent = reading(input); };
    input.addEventListener("input", show);
    show();
  }

  document.querySelectorAll("input[data-buddhist-date]").forEach(attach);
})();
