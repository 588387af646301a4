// The floor plan editor: drag booths (mouse or finger), snapped to half a metre, turn the
// selected booth a quarter, undo the last change, and save every change in one request. Without this script the plan is a plain picture
// whose booths link to their edit pages.
(function () {
  "use strict";
  var form = document.querySelector("[data-plan-editor]");
  var svg = document.querySelector("svg.floor-plan");
  if (!form || !svg) return;
  var SNAP = 5; // plan units of 10 cm
  var moves = {};
  var undo = [];
  var drag = null;
  var undoButton = form.querySelector("[data-undo]");
  var saveButton = form.querySelector("[data-save]");
  var turnButton = form.querySelector("[data-turn]");
  var selected = null;
  form.hidden = false;
  svg.style.touchAction = "none";

  function point(event) {
    var p = svg.createSVGPoint();
    p.x = event.clientX;
    p.y = event.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  function place(group, x, y) {
    var rect = group.querySelector("rect");
    var text = group.querySelector("text");
    rect.setAttribute("x", x);
    rect.setAttribute("y", y);
    text.setAttribute("x", x + 3);
    text.setAttribute("y", y + 12);
  }
  function current(group) {
    var rect = group.querySelector("rect");
    var id = group.dataset.booth;
    var turned = moves[id] ? moves[id][2] : false;
    return [Number(rect.getAttribute("x")), Number(rect.getAttribute("y")), turned];
  }
  function turn(group) {
    var rect = group.querySelector("rect");
    var w = rect.getAttribute("width");
    rect.setAttribute("width", rect.getAttribute("height"));
    rect.setAttribute("height", w);
  }
  function refresh() {
    form.elements.moves.value = JSON.stringify(moves);
    undoButton.disabled = undo.length === 0;
    saveButton.disabled = Object.keys(moves).length === 0;
    turnButton.disabled = selected === null;
  }
  svg.addEventListener("pointerdown", function (event) {
    var group = event.target.closest("g[data-booth]");
    if (!group) return;
    if (selected) selected.classList.remove("is-selected");
    selected = group;
    group.classList.add("is-selected");
    refresh();
    var rect = group.querySelector("rect");
    var start = point(event);
    drag = {
      group: group,
      from: [Number(rect.getAttribute("x")), Number(rect.getAttribute("y"))],
      offset: [start.x - Number(rect.getAttribute("x")), start.y - Number(rect.getAttribute("y"))],
      moved: false,
    };
    svg.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  svg.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var p = point(event);
    var x = Math.max(0, Math.round((p.x - drag.offset[0]) / SNAP) * SNAP);
    var y = Math.max(0, Math.round((p.y - drag.offset[1]) / SNAP) * SNAP);
    drag.to = [x, y];
    drag.moved = drag.moved || x !== drag.from[0] || y !== drag.from[1];
    place(drag.group, x, y);
  });
  svg.addEventListener("pointerup", function () {
    if (!drag) return;
    if (drag.moved) {
      var id = drag.group.dataset.booth;
      var turned = moves[id] ? moves[id][2] : false;
      undo.push({ id: id, group: drag.group, from: drag.from, before: moves[id], turn: false });
      moves[id] = [drag.to[0], drag.to[1], turned];
      refresh();
    }
    svg.dataset.justDragged = drag.moved ? "1" : "";
    drag = null;
  });
  // A drag is not a click: do not follow the booth's edit link after moving it.
  svg.addEventListener("click", function (event) {
    if (svg.dataset.justDragged) {
      event.preventDefault();
      svg.dataset.justDragged = "";
    }
  }, true);
  turnButton.addEventListener("click", function () {
    if (!selected) return;
    var id = selected.dataset.booth;
    var now = current(selected);
    undo.push({ id: id, group: selected, before: moves[id], turn: true });
    turn(selected);
    moves[id] = [now[0], now[1], !now[2]];
    refresh();
  });
  undoButton.addEventListener("click", function () {
    var last = undo.pop();
    if (!last) return;
    if (last.turn) turn(last.group);
    else place(last.group, last.from[0], last.from[1]);
    if (last.before) moves[last.id] = last.before;
    else delete moves[last.id];
    refresh();
  });
})();
