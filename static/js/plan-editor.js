// The floor plan editor: drag booths (mouse or finger) or a whole zone at once, snapped to half a
// metre; turn the selected booth a quarter or to any angle; undo the last change; save every
// change in one request. Without this script the plan is a plain picture whose booths link to
// their edit pages.
(function () {
  "use strict";
  var form = document.querySelector("[data-plan-editor]");
  var svg = document.querySelector("svg.floor-plan");
  if (!form || !svg) return;
  var SNAP = 5; // plan units of 10 cm
  var MARGIN = 10; // plan units around the booths, as the server draws it
  var moves = {};
  var undo = [];
  var drag = null;
  var selected = null;
  var angleUndoPending = true;
  var undoButton = form.querySelector("[data-undo]");
  var saveButton = form.querySelector("[data-save]");
  var turnButton = form.querySelector("[data-turn]");
  var wholeZone = form.querySelector("[data-whole-zone]");
  var angle = form.querySelector("[data-angle]");
  var angleValue = form.querySelector("[data-angle-value]");
  var editLink = form.querySelector("[data-edit-selected]");
  form.hidden = false;
  svg.style.touchAction = "none";

  function point(event) {
    var p = svg.createSVGPoint();
    p.x = event.clientX;
    p.y = event.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function stateOf(group) {
    var rect = group.querySelector("rect");
    var id = group.dataset.booth;
    return {
      x: Number(rect.getAttribute("x")),
      y: Number(rect.getAttribute("y")),
      w: Number(rect.getAttribute("width")),
      h: Number(rect.getAttribute("height")),
      r: Number(group.dataset.rotation || 0),
      turned: moves[id] ? moves[id][2] : false,
    };
  }
  function draw(group, s) {
    var rect = group.querySelector("rect");
    var text = group.querySelector("text");
    rect.setAttribute("x", s.x);
    rect.setAttribute("y", s.y);
    rect.setAttribute("width", s.w);
    rect.setAttribute("height", s.h);
    text.setAttribute("x", s.x + 3);
    text.setAttribute("y", s.y + 12);
    group.dataset.rotation = s.r;
    if (s.r) group.setAttribute("transform", "rotate(" + s.r + " " + (s.x + s.w / 2) + " " + (s.y + s.h / 2) + ")");
    else group.removeAttribute("transform");
  }
  // A booth dragged past the plan's edge stays in sight: the drawing grows to take it in.
  function fit() {
    var box = svg.viewBox.baseVal;
    var right = box.x + box.width;
    var bottom = box.y + box.height;
    svg.querySelectorAll("g[data-booth] rect").forEach(function (rect) {
      right = Math.max(right, Number(rect.getAttribute("x")) + Number(rect.getAttribute("width")) + MARGIN);
      bottom = Math.max(bottom, Number(rect.getAttribute("y")) + Number(rect.getAttribute("height")) + MARGIN);
    });
    if (right > box.x + box.width || bottom > box.y + box.height) {
      svg.setAttribute("width", Number(svg.getAttribute("width")) * (right - box.x) / box.width);
      svg.setAttribute("viewBox", [box.x, box.y, right - box.x, bottom - box.y].join(" "));
    }
  }
  function record(group, s) {
    moves[group.dataset.booth] = [s.x, s.y, s.turned, s.r];
  }
  // One undo step: every booth it touches, as it was (drawn and in the moves to save).
  function remember(groups) {
    undo.push(groups.map(function (group) {
      var id = group.dataset.booth;
      return { group: group, state: stateOf(group), move: moves[id] };
    }));
  }
  function refresh() {
    form.elements.moves.value = JSON.stringify(moves);
    undoButton.disabled = undo.length === 0;
    saveButton.disabled = Object.keys(moves).length === 0;
    turnButton.disabled = selected === null;
    angle.disabled = selected === null;
    if (selected) angle.value = stateOf(selected).r;
    angleValue.textContent = angle.value + "°";
  }
  function select(group) {
    if (selected) selected.classList.remove("is-selected");
    selected = group;
    group.classList.add("is-selected");
    angleUndoPending = true;
    var link = group.closest("a");
    editLink.hidden = !link;
    if (link) editLink.setAttribute("href", link.getAttribute("href"));
  }
  function dragged(group) {
    if (!wholeZone.checked) return [group];
    return Array.prototype.slice.call(svg.querySelectorAll("g[data-zone='" + group.dataset.zone + "']"));
  }

  svg.addEventListener("pointerdown", function (event) {
    var group = event.target.closest("g[data-booth]");
    if (!group) return;
    select(group);
    refresh();
    var members = dragged(group);
    drag = {
      anchor: stateOf(group),
      start: point(event),
      members: members.map(function (g) { return { group: g, from: stateOf(g) }; }),
      lowest: [
        Math.min.apply(null, members.map(function (g) { return stateOf(g).x; })),
        Math.min.apply(null, members.map(function (g) { return stateOf(g).y; })),
      ],
      shift: [0, 0],
    };
    svg.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  svg.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var p = point(event);
    // The grabbed booth lands on the half-metre grid; the rest of its zone keeps its distance.
    var dx = Math.round((drag.anchor.x + p.x - drag.start.x) / SNAP) * SNAP - drag.anchor.x;
    var dy = Math.round((drag.anchor.y + p.y - drag.start.y) / SNAP) * SNAP - drag.anchor.y;
    drag.shift = [Math.max(dx, -drag.lowest[0]), Math.max(dy, -drag.lowest[1])];
    drag.members.forEach(function (m) {
      draw(m.group, Object.assign({}, m.from, { x: m.from.x + drag.shift[0], y: m.from.y + drag.shift[1] }));
    });
  });
  svg.addEventListener("pointerup", function () {
    if (!drag) return;
    var moved = drag.shift[0] !== 0 || drag.shift[1] !== 0;
    if (moved) {
      fit();
      undo.push(drag.members.map(function (m) {
        return { group: m.group, state: m.from, move: moves[m.group.dataset.booth] };
      }));
      drag.members.forEach(function (m) { record(m.group, stateOf(m.group)); });
      refresh();
    }
    drag = null;
  });
  // In the editor a tap selects a booth (the toolbar links to its edit page) and a drag moves it;
  // neither follows the booth's own link.
  svg.addEventListener("click", function (event) {
    if (event.target.closest("g[data-booth]")) event.preventDefault();
  }, true);
  turnButton.addEventListener("click", function () {
    if (!selected) return;
    remember([selected]);
    var s = stateOf(selected);
    var turned = Object.assign({}, s, { w: s.h, h: s.w, turned: !s.turned });
    draw(selected, turned);
    record(selected, turned);
    refresh();
  });
  angle.addEventListener("input", function () {
    if (!selected) return;
    if (angleUndoPending) remember([selected]);
    angleUndoPending = false;
    var s = Object.assign(stateOf(selected), { r: Number(angle.value) % 360 });
    draw(selected, s);
    record(selected, s);
    refresh();
  });
  angle.addEventListener("change", function () { angleUndoPending = true; });
  undoButton.addEventListener("click", function () {
    var last = undo.pop();
    if (!last) return;
    last.forEach(function (was) {
      draw(was.group, was.state);
      if (was.move) moves[was.group.dataset.booth] = was.move;
      else delete moves[was.group.dataset.booth];
    });
    angleUndoPending = true;
    refresh();
  });
})();
