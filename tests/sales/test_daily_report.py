"""The daily provincial report (zone × category; the day and the cumulative), the national summary,
visitors and the target, and the phone image rendered from the PDF with Thai placed correctly."""

import datetime
import io
from decimal import Decimal

import pypdfium2
import pytest
from django.urls import reverse
from PIL import Image

from otop_fair.rasterise import PHONE_WIDTH_PX, pdf_to_png
from producers.models import Category, Province
from sales.models import FairDayVisitors, SalesTarget
from sales.reports.daily import national_summary, province_report, target_progress
from sales.views.daily_report import phone_pdf, province_context
from tests.factories import AssignmentFactory, DailySalesFactory, ZoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(fair, province_officer):
    """Two provinces at one fair: Chiang Mai holds two food booths in zone A and a drink booth in
    zone B; Bangkok one food booth in zone A. Sales and orders on the first two days."""
    zone_a = ZoneFactory(fair=fair, code="A", name="โซนอาหาร")
    zone_b = ZoneFactory(fair=fair, code="B", name="โซนเครื่องดื่ม")
    first, second = fair.start_date, fair.start_date + datetime.timedelta(days=1)
    figures = [
        (zone_a, Category.FOOD, "50", [(first, 100, 10), (second, 200, 20)]),
        (zone_a, Category.FOOD, "50", [(second, 300, 0)]),
        (zone_b, Category.BEVERAGE, "50", [(first, 50, 500)]),
        (zone_a, Category.FOOD, "10", [(first, 1000, 0), (second, 2000, 400)]),
    ]
    for zone, category, province, days in figures:
        holding = AssignmentFactory(
            booth__zone=zone, application__category=category, province_code=province
        )
        for day, sales, orders in days:
            DailySalesFactory(
                assignment=holding, day=day, amount=Decimal(sales), orders=Decimal(orders)
            )
    FairDayVisitors.objects.create(fair=fair, day=first, count=1200, entered_by=province_officer)
    FairDayVisitors.objects.create(fair=fair, day=second, count=800, entered_by=province_officer)
    SalesTarget.objects.create(fair=fair, amount=Decimal(10000))
    SalesTarget.objects.create(fair=fair, province_id="50", amount=Decimal(2000))
    return fair, first, second


def _line(report, label, extra=""):
    return next(line for line in report.lines if (line.label, line.extra) == (label, extra))


def test_province_page_has_a_line_per_zone_and_category_with_day_and_cumulative(national):
    fair, _, second = national
    report = province_report(fair, second, Province.objects.get(code="50"))
    food = _line(report, "โซนอาหาร", Category.FOOD.label)
    drink = _line(report, "โซนเครื่องดื่ม", Category.BEVERAGE.label)
    assert len(report.lines) == 2
    assert (food.booths, food.day.sales, food.day.orders, food.day.total) == (2, 500, 20, 520)
    assert (food.cumulative.sales, food.cumulative.orders, food.cumulative.total) == (600, 30, 630)
    assert (drink.booths, drink.day.total, drink.cumulative.total) == (1, 0, 550)
    assert (report.booths, report.day_totals.total, report.cumulative.total) == (3, 520, 1180)
    assert report.target == 2000 and round(report.target_percent, 1) == 59.0
    assert (report.visitors, report.visitors_cumulative) == (800, 2000)


def test_the_national_summary_has_every_province_against_its_target(national):
    fair, first, second = national
    report = national_summary(fair, second)
    assert [line.label for line in report.lines] == ["กรุงเทพมหานคร", "เชียงใหม่"]
    bangkok, chiang_mai = report.lines
    assert (bangkok.booths, bangkok.day.total, bangkok.cumulative.total) == (1, 2400, 3400)
    assert (chiang_mai.cumulative.total, round(chiang_mai.target_percent, 1)) == (1180, 59.0)
    assert bangkok.target_percent is None
    assert report.cumulative.total == 4580 and round(report.target_percent, 1) == 45.8
    assert national_summary(fair, first).cumulative.total == 1660


def test_progress_is_day_by_day_and_cumulative_against_the_fairs_target(national):
    fair, first, second = national
    days = target_progress(fair, second)
    assert [(d.day, d.visitors, d.takings.total, d.cumulative.total) for d in days] == [
        (first, 1200, 1660, 1660),
        (second, 800, 2920, 4580),
    ]
    assert [round(d.target_percent, 1) for d in days] == [16.6, 45.8]


def test_the_report_pages_read_in_thai(national, client_for, province_officer):
    fair, _, second = national
    client = client_for(province_officer)
    day = f"?day={second.isoformat()}"
    page = client.get(reverse("sales:daily_province", args=[fair.pk, "50"]) + day)
    html = page.content.decode()
    assert "รายงานประจำวันจังหวัดเชียงใหม่" in html and "ยอดสั่งจอง" in html and "฿630" in html
    summary = client.get(reverse("sales:daily_national", args=[fair.pk]) + day).content.decode()
    assert "กรุงเทพมหานคร" in summary and "฿4,580" in summary and "45.8%" in summary
    pdf = client.get(reverse("sales:daily_national_pdf", args=[fair.pk]) + day)
    assert pdf["Content-Type"] == "application/pdf"


def test_an_unknown_province_or_day_is_not_found(national, client_for, province_officer):
    fair, _, _ = national
    client = client_for(province_officer)
    assert client.get(reverse("sales:daily_province", args=[fair.pk, "xx"])).status_code == 404
    url = reverse("sales:daily_province_png", args=[fair.pk, "50"])
    assert client.get(url + "?day=1999-01-01").status_code == 404
    assert client.get(url + "?day=2026-02-30").status_code == 404


def _char_boxes(pdf_bytes, word):
    """(page size, boxes of each character of the first place `word` is printed) from the PDF."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    page = document[0]
    text = page.get_textpage()
    whole = text.get_text_range()
    start = whole.index(word)
    boxes = [text.get_charbox(start + i) for i in range(len(word))]
    return (page.get_width(), page.get_height()), boxes


def test_the_phone_image_places_thai_marks_above_their_letters(national):
    """Shaping check: in "จังหวัด" the vowel mark ั sits over จ (not after it) in the PDF, and
    the PNG has ink exactly there, so the image shows the marks where a reader expects them."""
    fair, _, second = national
    context = province_context(fair, second, Province.objects.get(code="50"))
    pdf = phone_pdf(context)
    (width, height), boxes = _char_boxes(pdf, "จังหวัด")
    (base_left, _, base_right, base_top), (mark_left, mark_bottom, mark_right, _) = boxes[:2]
    mark_centre = (mark_left + mark_right) / 2
    assert base_left <= mark_centre <= base_right + 0.5
    assert mark_bottom >= base_top - 1.5
    image = Image.open(io.BytesIO(pdf_to_png(pdf))).convert("L")
    assert image.width == PHONE_WIDTH_PX
    scale = PHONE_WIDTH_PX / width
    region = image.crop(
        (
            int(mark_left * scale),
            int((height - boxes[1][3]) * scale),
            int(mark_right * scale) + 1,
            int((height - mark_bottom) * scale) + 1,
        )
    )
    assert region.getextrema()[0] < 128, "no ink where the Thai mark should be"


def test_the_png_download_is_the_reference_rendering_of_the_phone_pdf(
    national, client_for, province_officer
):
    fair, _, second = national
    url = reverse("sales:daily_province_png", args=[fair.pk, "50"]) + f"?day={second}"
    response = client_for(province_officer).get(url)
    assert response["Content-Type"] == "image/png"
    served = Image.open(io.BytesIO(response.content)).convert("RGB")
    context = province_context(fair, second, Province.objects.get(code="50"))
    reference = Image.open(io.BytesIO(pdf_to_png(phone_pdf(context)))).convert("RGB")
    assert served.size == reference.size and served.height > served.width
    assert served.tobytes() == reference.tobytes()
    inked_rows = sum(
        1
        for y in range(served.height)
        if served.crop((0, y, served.width, y + 1)).getextrema()[0][0] < 128
    )
    assert inked_rows > 100


def test_officers_enter_visitors_and_a_province_target_from_the_page(
    fair, client_for, province_officer
):
    client = client_for(province_officer)
    day = fair.start_date
    be_day = f"{day.day:02d}/{day.month:02d}/{day.year + 543}"
    client.post(reverse("sales:record_visitors", args=[fair.pk]), {"day": be_day, "count": "1500"})
    client.post(reverse("sales:set_target", args=[fair.pk]), {"province": "50", "amount": "5,000"})
    assert FairDayVisitors.objects.get(fair=fair, day=day).count == 1500
    assert SalesTarget.objects.get(fair=fair, province_id="50").amount == 5000
    page = client.get(reverse("sales:fair_figures", args=[fair.pk])).content.decode()
    assert "1,500" in page and "฿5,000" in page


@pytest.mark.parametrize(
    "data",
    [
        {"day": "31/02/2569", "count": "10"},
        {"day": "", "count": "-3"},
        {"day": "01/01/2400", "count": "abc"},
        {"count": "99999999999999999999"},
    ],
)
def test_bad_visitor_input_gets_a_thai_message_and_saves_nothing(
    fair, client_for, province_officer, data
):
    response = client_for(province_officer).post(
        reverse("sales:record_visitors", args=[fair.pk]), data, follow=True
    )
    assert response.status_code == 200
    assert not FairDayVisitors.objects.exists()
    shown = [str(m) for m in response.context["messages"]]
    assert shown and all(any("\u0e00" <= ch <= "\u0e7f" for ch in m) for m in shown), shown


def test_the_check_in_dashboard_shows_progress_against_the_target(
    national, client_for, province_officer
):
    fair, _, second = national
    url = reverse("sales:checkin", args=[fair.pk]) + f"?day={second}"
    html = client_for(province_officer).get(url).content.decode()
    assert 'data-testid="target-progress"' in html and "45.8%" in html
