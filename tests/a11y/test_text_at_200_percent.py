"""Text at 200 % on a 360 px phone (WCAG 1.4.4): with the browser's font size doubled, as a
person with "very large text" sets it, the main pages of every role keep every control whole and
on screen, no two controls overlap, no word breaks over two lines, a tick box stays beside the
first line of its label, text sized in px (which
would not grow) is absent, and the page never scrolls sideways."""

import re

import pytest
from django.contrib.auth import get_user_model

from tests.a11y.test_axe_main_pages import _pages, _world, signed_in_page_by_page
from tests.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEFAULT_FONT_PX = 16

# Controls and labels as the person sees them; what a table or a map scrolls inside its own box
# (an overflow-x: auto container) is read by scrolling that box, not the page.
MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const say = e => e.outerHTML.slice(0, 90);
  const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX; if (o === "auto" || o === "scroll") return true; }
    return false; };
  const shown = [...document.querySelectorAll(
      "a, button, input:not([type=hidden]), select, textarea, label, summary, .badge")]
    .filter(e => { const r = e.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(e).visibility !== "hidden"; });
  const faults = [];
  if (document.documentElement.scrollWidth > width + 1) {
    faults.push(["page scrolls sideways", document.documentElement.scrollWidth]); }
  for (const e of shown) {
    const r = e.getBoundingClientRect();
    if (!scrolls(e) && (r.left < -1 || r.right > width + 1)) { faults.push(["off screen", say(e)]); }
    const s = getComputedStyle(e);
    const clips = s.overflowX !== "visible" || s.textOverflow === "ellipsis";
    if (clips && !["INPUT", "SELECT", "TEXTAREA"].includes(e.tagName)
        && e.scrollWidth > e.clientWidth + 1) { faults.push(["clipped", say(e)]); }
  }
  // Per line box: a link that wraps covers two lines, not the rectangle around both.
  const boxes = e => [...e.getClientRects()].filter(r => r.width > 1 && r.height > 1);
  const round = r => [r.left, r.top, r.right, r.bottom].map(Math.round);
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i], b = shown[j];
      if (a.contains(b) || b.contains(a) || a.control === b || b.control === a) { continue; }
      for (const p of boxes(a)) { for (const q of boxes(b)) {
        const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (x > 2 && y > 2) { faults.push(["overlap", say(a), round(p), say(b), round(q)]); }
      } }
    }
  }
  // A tick box sits beside its label's first line, so a label that wraps stays its own.
  for (const check of document.querySelectorAll(".form-check")) {
    const box = check.querySelector("input"), label = check.querySelector("label");
    if (!box || !label || !box.getClientRects().length) { continue; }
    const lines = document.createRange();
    lines.selectNodeContents(label);
    const first = lines.getClientRects()[0];
    if (first && box.getBoundingClientRect().top > first.bottom) {
      faults.push(["box beside a later line of its label", say(label)]); }
  }
  // Text sized in px ignores the person's setting and stays small; charts (SVG) scale with the
  // page and have a table beside them, so they are not counted.
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
  // Headers of a table stacked into cards, and other text clipped away for screen readers.
  const forScreenReaders = e => { for (let p = e; p; p = p.parentElement) {
    const s = getComputedStyle(p);
    if ((s.position === "absolute" && s.clip !== "auto") || s.clipPath !== "none") return true; }
    return false; };
  const words = new Intl.Segmenter("th", { granularity: "word" });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const e = node.parentElement;
    if (!node.textContent.trim() || e.closest("svg") || !e.getClientRects().length
        || forScreenReaders(e)) { continue; }
    const size = parseFloat(getComputedStyle(e).fontSize);
    if (size < 0.7 * root) { faults.push(["text does not grow", size, say(e)]); }
    // A word (Thai words found by the browser's own segmenter) broken over two lines.
    for (const part of words.segment(node.textContent)) {
      if (!part.isWordLike) { continue; }
      const range = document.createRange();
      range.setStart(node, part.index);
      range.setEnd(node, part.index + part.segment.length);
      const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (lines.size > 1) { faults.push(["word split over lines", part.segment, say(e)]); }
    }
  }
  return faults;
}"""


def _double_the_text(page):
    """The browser's own font-size setting (Chrome: Settings › Appearance › Font size)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": 2 * DEFAULT_FONT_PX, "fixed": 26}})


def _more_pages(booth):
    """Beyond each role's main page: the lists an officer reads on a phone, the producer's."""
    fair = booth.fair_id
    officer = [f"/fairs/{fair}/", f"/fairs/{fair}/applications/", f"/fairs/{fair}/ranking/"]
    officer += [f"/fairs/{fair}/holdings/", "/fairs/"]
    producer = [f"/sales/fairs/{fair}/problems/new/", "/fairs/mine/"]
    producer.append(f"/fairs/applications/{booth.application_id}/result/")
    return [("a11y_officer", path) for path in officer] + [
        ("a11y_producer", path) for path in producer
    ]


def test_main_pages_keep_every_control_whole_with_text_at_200_percent(live_server, phone_page):
    booth = _world()
    get_user_model().objects.get(username="a11y_officer").officer_provinces.add(booth.fair.province)
    _double_the_text(phone_page)
    found = {}
    pages = _pages(booth) + _more_pages(booth)
    for _username, path in signed_in_page_by_page(phone_page, live_server, pages):
        assert phone_page.goto(live_server.url + path).status == 200, path
        root_px = phone_page.evaluate("getComputedStyle(document.documentElement).fontSize")
        assert root_px == f"{2 * DEFAULT_FONT_PX}px", path  # the text really is at 200 %
        found[path] = phone_page.evaluate(MEASURE)
        name = re.sub(r"\d+", "n", path.strip("/").replace("/", "-")) or "home"
        # The viewport only: a full-page screenshot re-lays the page at the default text size.
        phone_page.screenshot(path=str(ARTIFACTS / f"text-200-{name}-360.png"))
    assert not any(found.values()), {path: f for path, f in found.items() if f}
