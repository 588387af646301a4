"""In the browser: the officer's floor plan editor moves a whole zone and turns a booth to any
angle, shown so on the producer's plan; undo takes back a whole zone's move in one step."""

import pytest

from booths.models import FairState
from tests.conftest import ARTIFACTS
from tests.e2e.steps import expect_message, fits_phone
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    CriterionFactory,
    FairFactory,
    ProducerGroupFactory,
    UserFactory,
    ZoneFactory,
    officer_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _photo(page, name, width):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"guide-{name}-{width}.png"), full_page=True)


@pytest.fixture
def open_fair():
    officer = officer_of("50", username="officer_editor")
    fair = FairFactory(created_by=officer, name="งานทดสอบผังบูธ")
    CriterionFactory(fair=fair, name="คุณภาพสินค้า", weight=2)
    return fair


def _drag(page, locator, dx, dy):
    box = locator.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y + dy, steps=8)
    page.mouse.up()


def test_officer_moves_a_whole_zone_and_turns_a_booth_the_producer_sees_it(actors, open_fair):
    zone_a = ZoneFactory(fair=open_fair, code="A")
    zone_b = ZoneFactory(fair=open_fair, code="B")
    row = [BoothFactory(zone=zone_a, code=f"A0{n}", x=n * 35, y=0, w=30, h=30) for n in (1, 2)]
    other = BoothFactory(zone=zone_b, code="B01", x=0, y=100, w=30, h=30)
    group = ProducerGroupFactory(members=[UserFactory(role="producer", username="producer_zone")])
    ApplicationFactory(fair=open_fair, group=group)
    officer = actors("officer_editor")
    page = officer.go(f"/fairs/{open_fair.pk}/plan/")
    page.locator("[data-plan-editor] [data-whole-zone]").check()
    _drag(page, page.locator(f"g[data-booth='{row[0].pk}'] rect"), 100, 60)
    page.locator("[data-plan-editor] [data-whole-zone]").uncheck()
    page.locator(f"g[data-booth='{other.pk}'] rect").click()
    assert page.url.endswith(f"/fairs/{open_fair.pk}/plan/")
    page.locator("[data-plan-editor] [data-angle]").fill("30")
    _photo(page, "plan-editor-zone-moved", 1280)
    page.locator("[data-plan-editor] [data-save]").click()
    page.wait_for_load_state()
    expect_message(page)
    moved = [b.__class__.objects.get(pk=b.pk) for b in row]
    shift = (moved[0].x - row[0].x, moved[0].y - row[0].y)
    assert shift[0] > 0 and shift[1] > 0
    assert (moved[1].x - row[1].x, moved[1].y - row[1].y) == shift
    other.refresh_from_db()
    assert (other.x, other.y, other.rotation) == (0, 100, 30)
    open_fair.state = FairState.ALLOCATED
    open_fair.save()
    producer = actors("producer_zone", phone=True)
    plan = producer.go(f"/fairs/{open_fair.pk}/plan/")
    turned = plan.locator(f"g[data-booth='{other.pk}']").get_attribute("transform")
    assert turned.startswith("rotate(30 ")
    fits_phone(plan)
    _photo(plan, "producer-plan-turned", 360)
    assert officer.problems == [] and producer.problems == []


def test_officer_undoes_a_zone_move_in_one_step(actors, open_fair):
    zone = ZoneFactory(fair=open_fair, code="A")
    booths = [BoothFactory(zone=zone, code=f"A0{n}", x=n * 35, y=0, w=30, h=30) for n in (1, 2)]
    officer = actors("officer_editor", phone=True)
    page = officer.go(f"/fairs/{open_fair.pk}/plan/")
    fits_phone(page)
    _photo(page, "plan-editor", 360)
    page.locator("[data-plan-editor] [data-whole-zone]").check()
    _drag(page, page.locator(f"g[data-booth='{booths[1].pk}'] rect"), 40, 40)
    rects = [page.locator(f"g[data-booth='{b.pk}'] rect") for b in booths]
    assert [r.get_attribute("x") for r in rects] != [str(b.x) for b in booths]
    left, top, width, height = map(
        float, page.locator("svg.floor-plan").get_attribute("viewBox").split()
    )
    for rect in rects:
        right = float(rect.get_attribute("x")) + float(rect.get_attribute("width"))
        bottom = float(rect.get_attribute("y")) + float(rect.get_attribute("height"))
        assert right <= left + width and bottom <= top + height, "a moved booth left the drawing"
    page.locator("[data-plan-editor] [data-undo]").click()
    assert [r.get_attribute("x") for r in rects] == [str(b.x) for b in booths]
    assert page.locator("[data-plan-editor] [data-save]").is_disabled()
    assert officer.problems == []
