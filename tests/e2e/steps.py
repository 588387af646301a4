"""The steps of the fair journey, each done the way its person does it: through the pages.

Selectors use field names, form actions and roles, so the steps survive wording changes; the
texts a person reads are checked in Thai, taken from the translation catalogue.
"""

import re
from datetime import date

from django.utils import translation

from booths.models import FairState
from otop_fair.thai import thai_date
from otop_fair.thai_dates import buddhist_date_text

FAIR_NAME = "งานแสดงสินค้า OTOP เชียงใหม่ ทดสอบทั้งระบบ"
ZONES = [("A", "โซนผ้าและเครื่องแต่งกาย"), ("B", "โซนอาหารและเครื่องดื่ม")]
CRITERIA = [("คุณภาพสินค้า", "60", "10"), ("บรรจุภัณฑ์และเรื่องราว", "40", "10")]


def thai(text):
    with translation.override("th"):
        return str(text)


def submit(page, form="main form"):
    """Press the submit button of the page's form (not the menu's log-out or language forms)."""
    page.locator(form).locator("button[type=submit]").first.click()
    page.wait_for_load_state()


def expect_message(page, kind="success"):
    alert = page.locator(f"main .alert-{kind}").first
    alert.wait_for()
    return alert.inner_text()


def fits_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{page.url} is {width} px wide on a 360 px phone"


def iso(day: date):
    """A day as URLs and hidden fields carry it (machines, not people)."""
    return day.isoformat()


def typed(day: date):
    """The date as a Thai officer types it: day/month/Buddhist-era year."""
    return buddhist_date_text(day)


def officer_creates_fair(officer, *, applications, fair_days):
    page = officer.go("/fairs/new/")
    page.fill("[name=name]", FAIR_NAME)
    page.fill("[name=venue]", "ศูนย์ประชุมและแสดงสินค้านานาชาติ เชียงใหม่")
    page.select_option("[name=province]", "50")
    page.fill("[name=applications_open_on]", typed(applications[0]))
    page.fill("[name=applications_close_on]", typed(applications[1]))
    page.fill("[name=start_date]", typed(fair_days[0]))
    page.fill("[name=end_date]", typed(fair_days[1]))
    reading = page.locator("[name=start_date] + .buddhist-date-reading").inner_text()
    assert reading == f"= {thai_date(fair_days[0])}", reading
    page.fill("[name=booth_count]", "6")
    submit(page)
    match = re.search(r"/fairs/(\d+)/$", page.url)
    assert match, f"not on the new fair's page: {page.url}"
    assert page.locator("h1.page-title").inner_text() == FAIR_NAME
    return int(match.group(1))


def officer_lays_out_floor(officer, fair_pk):
    page = officer.go(f"/fairs/{fair_pk}/zones/")
    for code, name in ZONES:
        page.fill("[name=code]", code)
        page.fill("[name=name]", name)
        submit(page, "main form:has([name=code])")  # each zone row has its own delete form
        assert page.get_by_role("cell", name=name).is_visible()
    page = officer.go(f"/fairs/{fair_pk}/booths/")
    for code, last in (("A", "4"), ("B", "2")):
        page.select_option("[name=zone]", label=f"{code} {dict(ZONES)[code]}")
        page.set_checked("[name=has_electricity]", code == "A")
        page.fill("[name=prefix]", code)
        page.fill("[name=first]", "1")
        page.fill("[name=last]", last)
        page.fill("[name=digits]", "2")
        page.fill("[name=per_row]", "4")
        submit(page)
        preview = page.locator("[data-testid=confirmation]")
        assert f"{code}01" in preview.inner_text()
        preview.locator("button[type=submit]").click()
        page.wait_for_load_state()
        expect_message(page)
    for code in ("A01", "A04", "B02"):
        assert page.get_by_role("cell", name=code, exact=True).is_visible()


def officer_writes_rubric(officer, fair_pk):
    page = officer.go(f"/fairs/{fair_pk}/criteria/")
    for name, weight, maximum in CRITERIA:
        row = page.locator("main form").first.locator("tbody tr").last
        row.locator("[name$=-name]").fill(name)
        row.locator("[name$=-weight]").fill(weight)
        row.locator("[name$=-max_score]").fill(maximum)
        row.locator("[name$=-order]").fill(str(CRITERIA.index((name, weight, maximum)) + 1))
        page.click("main form:has([name=c-TOTAL_FORMS]) button[type=submit]")
        page.wait_for_load_state()
        expect_message(page)
    names = page.locator("main form [name$=-name]")
    assert [names.nth(i).input_value() for i in range(2)] == [c[0] for c in CRITERIA]


def officer_moves_fair(officer, fair_pk, step, state):
    page = officer.go(f"/fairs/{fair_pk}/")
    page.locator(f"form[action$='/step/{step}/'] button").click()
    page.wait_for_load_state()
    # Scoring before the districts' nomination deadline must be ticked as well.
    tick = page.locator("[data-testid=confirmation] input[name=ticked]")
    if tick.count():
        tick.check()
    page.locator("[data-testid=confirmation] button[type=submit]").click()
    page.wait_for_load_state()
    assert expect_message(page), f"step {step} refused"
    badge = page.locator("main .badge.text-bg-secondary").first
    assert badge.inner_text() == thai(FairState(state).label)


def producer_applies(producer, *, product_name, zones, pitch, electricity, screenshot=None):
    page = producer.go("/fairs/mine/")
    card = page.locator(".card", has_text=FAIR_NAME)
    card.locator("a[href$='/apply/']").click()
    page.wait_for_load_state()
    page.get_by_label(product_name).check()
    for rank, code in enumerate(zones, start=1):
        page.select_option(f"[name=choice_{rank}]", label=f"{code} {dict(ZONES)[code]}")
    page.set_checked("[name=needs_electricity]", electricity)
    page.fill("[name=pitch]", pitch)
    if screenshot:
        page.screenshot(path=screenshot, full_page=True)
    fits_phone(page)
    submit(page)
    assert page.url.endswith("/fairs/mine/")
    expect_message(page)
    assert page.locator(".card", has_text=FAIR_NAME).first.is_visible()


def officer_seats_committee(officer, fair_pk, members):
    page = officer.go(f"/fairs/{fair_pk}/committee/")
    for member in members:
        page.select_option("[name=user]", str(member.pk))
        page.click("form[action$='/committee/add/'] button")
        page.wait_for_load_state()
        expect_message(page)
    page.fill("[name=k]", "3")
    page.click("form[action$='/committee/assign/'] button")
    page.wait_for_load_state()
    expect_message(page)
    rows = page.locator("main table tbody tr")
    assert rows.count() == len(members)
    for i in range(len(members)):
        assert rows.nth(i).locator("td.num").first.inner_text() == "2"


def member_scores(member, scores_by_group):
    """Score every application on the member's list; `scores_by_group` maps group name → value."""
    for group_name, value in scores_by_group.items():
        page = member.go("/fairs/review/?stage=pending")
        page.locator("main .list-group a", has_text=group_name).click()
        page.wait_for_load_state()
        values = page.locator("input[name^=value_]")
        assert values.count() == len(CRITERIA)
        for i in range(values.count()):
            values.nth(i).fill(value)
        page.locator("input[name^=comment_]").first.fill("สินค้าน่าสนใจ")
        page.click("button[formaction$='/submit/']")
        page.wait_for_load_state()
        assert re.search(r"/fairs/review/\d+/$", page.url), page.url
        expect_message(page)
        after = page.locator("[data-testid=next-review], [data-testid=all-done]")
        assert after.count() == 1
    page = member.go("/fairs/review/")
    submitted = page.locator("main .list-group .badge.text-bg-success")
    assert submitted.count() == len(scores_by_group)


def officer_allocates_and_publishes(officer, fair_pk):
    page = officer.go(f"/fairs/{fair_pk}/runs/")
    page.fill("[name=seed]", "2569")
    submit(page)
    assert re.search(r"/fairs/runs/\d+/$", page.url), page.url
    rows = page.locator("main table tbody tr")
    assert rows.count() == 2
    page.fill("[name=fair_name]", FAIR_NAME)
    page.fill("[name=reason]", "ผลการคัดเลือกของคณะกรรมการ")
    submit(page)
    page.locator("main .alert-success").first.wait_for()
    badge = page.locator("main .badge.text-bg-secondary").first
    assert badge.inner_text() == thai(FairState.ALLOCATED.label)
