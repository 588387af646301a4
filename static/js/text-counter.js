// A live count under every bounded text box ("12 of 2,000 characters"), so a person typing on a
// phone sees the room left before the server has to refuse a long text. The server still checks.
(function () {
  "use strict";
  function characters(text) {
    // Characters as the server counts them: an emoji is one, a line break is one.
    return Array.from(text.replace(/\r\n/g, "\n")).length;
  }
  function attach(box) {
    var limit = parseInt(box.getAttribute("data-text-limit"), 10);
    var words = box.getAttribute("data-counter-text") || "%(count)s / %(limit)s";
    var counter = document.createElement("div");
    counter.className = "form-text text-counter";
    counter.id = (box.id || box.name) + "-counter";
    counter.setAttribute("aria-live", "polite");
    box.insertAdjacentElement("afterend", counter);
    var described = box.getAttribute("aria-describedby");
    box.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
    function update() {
      var count = characters(box.value);
      counter.textContent = words
        .replace("%(count)s", count.toLocaleString("th-TH"))
        .replace("%(limit)s", limit.toLocaleString("th-TH"));
      counter.classList.toggle("text-counter-near", count > limit * 0.9 && count <= limit);
      counter.classList.toggle("text-counter-over", count > limit);
    }
    box.addEventListener("input", update);
    update();
  }
  document.querySelectorAll("textarea[data-text-limit]").forEach(attach);
})();
