"""Every date is typed day/month/Buddhist-era year; a Christian-era year or a far-off date is refused
in Thai next to the field."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from otop_fair.exports import (
    BUDDHIST_DATE_FORMAT,
    BUDDHIST_DATETIME_FORMAT,
    csv_response,
    xlsx_response,
)
from otop_fair.thai_dates import (
    BuddhistDateField,
    BuddhistDateInput,
    buddhist_date_text,
    parse_buddhist_date,
)

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# Dates a Thai office works with: far enough back for certificates, ahead for fairs.
DATES = st.dates(min_value=datetime.date(1960, 1, 1), max_value=datetime.date(2090, 12, 31))


def typed_forms(day):
    """The ways a Thai officer writes `day` with its Buddhist-era year."""
    be = day.year + 543
    return [
        f"{day.day}/{day.month}/{be}",
        f"{day.day:02d}/{day.month:02d}/{be}",
        f"{day.day}-{day.month}-{be}",
        f"{day.day}.{day.month}.{be}",
        f" {day.day} / {day.month} / {be} ",
        f"{be}-{day.month:02d}-{day.day:02d}",
        f"{day.day}/{day.month}/{be}".translate(THAI_DIGITS),
    ]


@settings(max_examples=60, deadline=None)
@given(DATES)
def test_a_date_written_in_the_buddhist_era_is_read_back_as_that_day(day):
    for text in typed_forms(day) + [buddhist_date_text(day)]:
        assert parse_buddhist_date(text) == day, text


TODAYS = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2060, 12, 31))


def _ce_reading_is_near(two_digits, today):
    """Independent of the parser: 20yy lies within five years before and ten after today."""
    return 0 <= (2000 + two_digits) - (today.year - 5) <= 15


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=datetime.date(1957, 1, 1), max_value=datetime.date(2056, 12, 31)), TODAYS)
def test_a_two_digit_year_is_in_the_twenty_sixth_buddhist_century(day, today):
    """69 means 2569 (2026): every year from 2500 to 2599 BE can be written with two digits,
    except one that a Christian-era habit would write for a date near today (below)."""
    two_digits = (day.year + 543) % 100
    text = f"{day.day}/{day.month}/{two_digits:02d}"
    if not _ce_reading_is_near(two_digits, today):
        assert parse_buddhist_date(text, today=today) == day


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 99), st.integers(1, 12), st.integers(1, 28), TODAYS)
def test_a_two_digit_year_that_may_be_christian_era_is_asked_for_in_four_digits(
    two_digits, month, day, today
):
    """ "1/12/26" in 2026 is 2026 to someone used to CE and 2526 to the parser: neither is
    guessed; the message gives both readings."""
    text = f"{day}/{month}/{two_digits:02d}"
    if not _ce_reading_is_near(two_digits, today):
        assert parse_buddhist_date(text, today=today).year == 2500 + two_digits - 543
        return
    with pytest.raises(ValidationError) as refused, translation.override("th"):
        parse_buddhist_date(text, today=today)
    assert refused.value.code == "ambiguous_year"
    message = str(refused.value.messages[0])
    for year in (2500 + two_digits, 2000 + two_digits, 2543 + two_digits):
        assert str(year) in message, message


def test_the_western_habit_example_is_not_read_as_1983():
    with pytest.raises(ValidationError) as refused:
        parse_buddhist_date("1/12/26", today=datetime.date(2026, 12, 1))
    assert refused.value.code == "ambiguous_year"
    assert parse_buddhist_date("1/12/69", today=datetime.date(2026, 12, 1)) == datetime.date(
        2026, 12, 1
    )


@settings(max_examples=80, deadline=None)
@given(st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2399, 12, 31)))
def test_a_christian_era_year_is_refused_with_its_buddhist_era_year_in_the_message(day):
    for text in (f"{day.day}/{day.month}/{day.year}", day.isoformat()):
        with pytest.raises(ValidationError) as refused, translation.override("th"):
            parse_buddhist_date(text)
        message = str(refused.value.messages[0])
        assert "ค.ศ." in message and str(day.year + 543) in message, message


@pytest.mark.parametrize(
    "text", ["31/02/2569", "0/1/2569", "1/13/2569", "2569", "31-12", "abc", "1/1/1", "๓๒/๑/๒๕๖๙"]
)
def test_text_that_is_no_date_gets_a_thai_message(text):
    with pytest.raises(ValidationError) as refused, translation.override("th"):
        parse_buddhist_date(text)
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in str(refused.value.messages[0]))


def test_the_issue_examples_are_read_as_the_year_the_officer_meant():
    assert parse_buddhist_date("31/12/2569") == datetime.date(2026, 12, 31)
    assert parse_buddhist_date("2569-12-31") == datetime.date(2026, 12, 31)
    assert parse_buddhist_date("31/12/69") == datetime.date(2026, 12, 31)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2700, max_value=9999), st.integers(1, 12), st.integers(1, 28))
def test_a_date_far_outside_the_window_is_refused_by_the_field(be_year, month, day):
    field = BuddhistDateField()
    with pytest.raises(ValidationError) as refused, translation.override("th"):
        field.clean(f"{day}/{month}/{be_year}")
    assert refused.value.code in ("out_of_window", "invalid")


@settings(max_examples=40, deadline=None)
@given(st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2030, 12, 31)))
def test_the_widget_shows_the_date_the_way_it_is_typed_back(day):
    shown = BuddhistDateInput().format_value(day)
    assert shown == f"{day.day:02d}/{day.month:02d}/{day.year + 543}"
    assert BuddhistDateField(years_back=100, years_ahead=100).clean(shown) == day


def test_the_input_is_a_text_box_with_a_buddhist_era_hint_never_the_browser_date_picker():
    html = BuddhistDateInput().render("d", timezone.localdate())
    assert 'type="text"' in html and 'type="date"' not in html
    with translation.override("th"):
        assert "พ.ศ." in str(BuddhistDateField().help_text)


@settings(max_examples=30, deadline=None)
@given(
    DATES,
    st.datetimes(min_value=datetime.datetime(1990, 1, 1), max_value=datetime.datetime(2080, 1, 1)),
)
def test_excel_keeps_real_date_cells_shown_in_the_buddhist_era_and_csv_writes_thai(day, moment):
    """Read back with openpyxl: the cell is the same date, its format the Thai Buddhist calendar."""
    moment = timezone.make_aware(moment.replace(microsecond=0))
    rows = [[day, moment]]
    sheet = load_workbook(
        io.BytesIO(xlsx_response("d.xlsx", "d", ["day", "at"], rows).content)
    ).active
    date_cell, time_cell = sheet["A2"], sheet["B2"]
    assert date_cell.is_date and date_cell.value.date() == day
    assert date_cell.number_format == BUDDHIST_DATE_FORMAT
    assert time_cell.is_date and time_cell.value == timezone.make_naive(moment)
    assert time_cell.number_format == BUDDHIST_DATETIME_FORMAT
    assert "[$-107041E]" in BUDDHIST_DATE_FORMAT  # locale Thai (041E), calendar Thai Buddhist (07)
    text = csv_response("d.csv", ["day", "at"], rows).content.decode("utf-8-sig")
    assert str(day.year + 543) in text and str(timezone.localtime(moment).year + 543) in text
    assert day.isoformat() not in text


@settings(max_examples=30, deadline=None)
@given(DATES)
def test_object_labels_in_the_audit_trail_give_dates_in_the_buddhist_era(day):
    from producers.models import ProducerGroup, Visit
    from sales.models import IssueCategory, IssueReport, NetworkMeeting

    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    labels = [
        str(Visit(group=ProducerGroup(name="กลุ่มทอผ้า"), visited_on=day)),
        str(NetworkMeeting(place="ศาลากลาง", held_on=day)),
        str(IssueReport(category=IssueCategory.OTHER, reported_at=moment)),
    ]
    for label in labels:
        assert str(day.year + 543) in label and str(day.year) not in label, label


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(max_size=30),
        st.from_regex(r"\A[0-9๐-๙]{1,5}[/.\- ][0-9๐-๙]{1,3}[/.\- ][0-9๐-๙]{1,5}\Z"),
    )
)
def test_whatever_is_typed_into_a_date_gets_a_date_or_a_thai_message_never_a_crash(text):
    try:
        BuddhistDateField(required=False).clean(text)
    except ValidationError as refused:
        assert refused.messages


# The month names as a Thai letter writes them, typed here independently of otop_fair.thai.
MONTH_NAMES = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
]
MONTH_ABBREVIATIONS = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
]


@settings(max_examples=60, deadline=None)
@given(
    DATES,
    st.sampled_from(["full", "short", "short without dots"]),
    st.sampled_from(["{d} {m} {y}", "{d}{m}{y}", "{d} {m} พ.ศ. {y}", "{d}  {m}  {y}"]),
    st.booleans(),
)
def test_a_date_written_with_a_thai_month_name_is_read_as_that_day(day, style, layout, thai):
    month = {
        "full": MONTH_NAMES,
        "short": MONTH_ABBREVIATIONS,
        "short without dots": [m.replace(".", "") for m in MONTH_ABBREVIATIONS],
    }[style][day.month - 1]
    text = layout.format(d=day.day, m=month, y=day.year + 543)
    assert parse_buddhist_date(text.translate(THAI_DIGITS) if thai else text) == day, text


def test_a_word_that_is_no_month_is_refused_with_the_thai_message():
    with translation.override("th"), pytest.raises(ValidationError) as refused:
        parse_buddhist_date("1 ฟฟ 2569")
    assert refused.value.messages == ["กรอกวันที่เป็น วัน/เดือน/ปี พ.ศ. เช่น 31/12/2569"]
