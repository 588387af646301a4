"""Journey steps from the published allocation on: the producer's result, the fair days with
sales and a problem, the network meeting and the fair report downloads."""

import io
from decimal import Decimal

from openpyxl import load_workbook
from pypdf import PdfReader

from sales.models import IssueCategory, IssueStatus
from tests.e2e.steps import FAIR_NAME, expect_message, fits_phone, iso, submit, thai, typed


def producer_sees_booth(producer, booth_code, screenshot=None):
    page = producer.go("/fairs/mine/")
    card = page.locator(".card", has_text=FAIR_NAME).first
    assert card.locator(".badge", has_text=booth_code).is_visible()
    card.locator("a[href$='/result/']").click()
    page.wait_for_load_state()
    assert page.locator(".booth-code").inner_text() == booth_code
    assert page.locator("svg").first.is_visible(), "the floor plan with the booth is missing"
    if screenshot:
        page.screenshot(path=screenshot, full_page=True)
    fits_phone(page)


def producer_logs_sales(producer, day, amount, screenshot=None):
    """Log the day's total on the phone form; the page saves it in the background."""
    page = producer.go("/sales/mine/")
    fits_phone(page)
    card = page.locator("section.card", has_text=FAIR_NAME)
    card.locator("a[href*='/sales/booth/']").first.click()
    page.wait_for_load_state()
    fits_phone(page)
    assert page.locator("[name=day]").input_value() == iso(day)
    page.fill("[name=amount]", f"{amount:,}")
    page.fill("[name=cash_amount]", str(amount // 2))
    page.locator("form[data-offline-sales] button[type=submit]").click()
    status = page.locator("#sync-status.sync-saved")
    status.wait_for()
    assert f"{amount:,}" in status.inner_text()
    row = page.locator(f"#sales-days tr[data-day='{iso(day)}'] [data-role=amount]")
    assert f"{amount:,}" in row.inner_text()
    if screenshot:
        page.screenshot(path=screenshot, full_page=True)


def producer_reports_problem(producer, description):
    page = producer.go("/sales/mine/")
    page.locator("section.card", has_text=FAIR_NAME).locator("a[href$='/problems/new/']").click()
    page.wait_for_load_state()
    fits_phone(page)
    page.check(f"[name=category][value={IssueCategory.ELECTRICITY}]")
    page.fill("[name=description]", description)
    submit(page)
    expect_message(page)
    status = page.get_by_test_id("issue-status")
    assert status.inner_text() == thai(IssueStatus.OPEN.label)


def officer_resolves_problem(officer, description, resolution):
    page = officer.go("/sales/problems/")
    row = page.locator("main tr", has_text=description[:30])
    row.locator("a[href*='/sales/problems/']").first.click()
    page.wait_for_load_state()
    page.select_option("[name=status]", IssueStatus.IN_PROGRESS)
    submit(page, "form[action$='/move/']")
    expect_message(page)
    page.select_option("[name=status]", IssueStatus.RESOLVED)
    page.fill("[name=resolution]", resolution)
    submit(page, "form[action$='/move/']")
    expect_message(page)
    assert page.get_by_test_id("issue-status").inner_text() == thai(IssueStatus.RESOLVED.label)
    assert page.locator("main dd", has_text=resolution).is_visible()


def officer_checks_in(officer, fair_pk, day, total):
    page = officer.go(f"/sales/fairs/{fair_pk}/checkin/?day={iso(day)}")
    assert page.get_by_test_id("today-total").inner_text() == f"฿{total:,}"
    assert page.get_by_test_id("reported").inner_text() == "2 / 2"


def officer_records_meeting(officer, fair_pk, day, groups):
    page = officer.go("/sales/meetings/new/")
    page.select_option("[name=fair]", str(fair_pk))
    page.fill("[name=held_on]", typed(day))
    page.fill("[name=place]", "ห้องประชุมสำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่")
    page.fill("[name=agenda]", "สรุปผลการขายและปัญหาระหว่างงาน")
    page.fill("[name=minutes]", "ยอดขายวันที่สองดีกว่าวันแรก ปัญหาไฟฟ้าแก้ไขแล้ว")
    page.fill("[name=decisions]", "จัดอบรมการตลาดออนไลน์ให้กลุ่มสมาชิก")
    page.select_option("[name=groups_present]", [str(g.pk) for g in groups])
    submit(page)
    assert "/sales/meetings/" in page.url and page.url.rstrip("/").split("/")[-1].isdigit()
    for group in groups:
        assert page.get_by_text(group.name).first.is_visible()


def officer_downloads_report(officer, fair_pk, group_name, total):
    page = officer.go(f"/sales/reports/{fair_pk}/")
    assert f"฿{total:,}" in page.locator("main").inner_text()
    with page.expect_download(timeout=60_000) as info:
        page.locator("#top a[href$='/xlsx/']").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(_bytes(download)), read_only=True).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert group_name in cells
    assert Decimal(str(max(c for c in cells if isinstance(c, (int, float, Decimal))))) > 0
    with page.expect_download(timeout=60_000) as info:
        page.locator("a[href$='/report.pdf']").click()
    pdf = _bytes(info.value)
    assert pdf.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert FAIR_NAME.split()[0] in text, "the PDF lost its Thai text"
    assert group_name in text


def _bytes(download):
    with open(download.path(), "rb") as handle:
        return handle.read()


def walks_the_menu(actor, phone=False):
    """Open every page of the person's menu: each loads, and on a phone each fits the screen."""
    page = actor.go("/")
    links = page.eval_on_selector_all(
        "#mainnav a.nav-link[href^='/'], #mainnav a.dropdown-item[href^='/']",
        "links => links.map(a => a.getAttribute('href'))",
    )
    assert len(links) >= 4, links
    for href in dict.fromkeys(links):
        response = page.goto(f"{actor.url}{href}")
        assert response.ok, f"{href} answered {response.status}"
        if phone:
            fits_phone(page)
