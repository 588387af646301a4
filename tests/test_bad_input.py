"""Arbitrary input to every form, posted to the real URL as the role that uses it.

Thai and other Unicode text, huge and negative numbers, impossible dates and dates outside the
fair: the answer is always either a saved record or a clear error (the form shown again with a
Thai message, or a redirect with a message), never a server error, and a refused submission
leaves every table as it was. Each example runs in a savepoint that is rolled back, so examples
do not see each other's records.
"""

import datetime
import os
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test.utils import ContextList
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from otop_fair.thai_dates import buddhist_date_text
from tests.matrix_world import signed_in_clients, table_counts, world_fixture

# BAD_INPUT_NO_SHRINK=1 reports the first failing example as found, for quick iterations.
NO_SHRINK = os.environ.get("BAD_INPUT_NO_SHRINK")
SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    phases=[Phase.explicit, Phase.reuse, Phase.generate] if NO_SHRINK else list(Phase),
)
THAI = re.compile("[\u0e01-\u0e5b]")

thai_text = st.text(st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B), max_size=80)
any_text = st.text(st.characters(codec="utf-8"), max_size=120)
numbers = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["-1", "-0.01", "1e999", "NaN", "-Infinity", "฿-1,250", "๑๒๓", "2147483648"]),
)
dates = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1)).map(datetime.date.isoformat),
    st.sampled_from(["2026-02-30", "0000-00-00", "31/12/2569", "9999-12-31", "2569-13-01"]),
)
nasty = st.one_of(thai_text, any_text, numbers, dates, st.sampled_from(["", " ", "x" * 5000]))


def _hidden_day():
    """A sales day travels in a hidden field (and the URL) as ISO: machines write it, not people."""
    return datetime.date.today().isoformat()


def _today(offset=0):
    return buddhist_date_text(datetime.date.today() + datetime.timedelta(days=offset))


def _registry_cases(w):
    group, product, officer = w.group_a, str(w.product_a.pk), "officer_province"
    address = {
        "province": "50",
        "district": str(group.subdistrict.district_id),
        "subdistrict": str(group.subdistrict_id),
    }
    return {
        "producers:group_create": (
            {},
            officer,
            {"name": "กลุ่มใหม่", "group_type": "community", "registration_no": "N-1"}
            | {"contact_name": "สมชาย", "phone": "0811111111", "member_usernames": ""}
            | address,
        ),
        "producers:group_edit": (
            {"group_id": group.pk},
            "producer_a",
            {"contact_name": "สมหญิง", "phone": "0822222222", "line_id": "", "address": "บ้าน"},
        ),
        "producers:product_create": (
            {"group_id": group.pk},
            "producer_a",
            {"name": "ผ้าไหม", "category": "textile", "price_min": "100", "price_max": "200"}
            | {"unit": "ผืน", "is_active": "on", "name_en": "Silk", "story_en": "Woven"},
        ),
        "producers:public_settings": (
            {"group_id": group.pk},
            "producer_a",
            {"show_story": "on", "show_contact": "on", "contact_channel": "@baanpha"},
        ),
        "producers:public_hide": ({"group_id": group.pk}, officer, {"reason": "ภาพไม่ใช่ของกลุ่ม"}),
        "producers:visit_create": (
            {"group_id": group.pk},
            officer,
            {"visited_on": _today(), "met_with": "ประธาน", "follow_up": "", "follow_up_due": ""},
        ),
        "producers:rating_create": (
            {"group_id": group.pk},
            officer,
            {
                "product": product,
                "round": str(w.round.pk),
                "stars": "4",
                "score": "85",
                "certificate_no": "1",
            },
        ),
        "producers:certification_create": (
            {"group_id": group.pk},
            officer,
            {"standard": "mpc", "number": "มผช. 1/2569", "product": product}
            | {"issued_on": _today(-10), "expires_on": _today(300)},
        ),
        "producers:standard_create": (
            {},
            "superuser",
            {"code": "thai-gi", "name": "สิ่งบ่งชี้ทางภูมิศาสตร์ (GI)", "default_for": "food"},
        ),
        "producers:standard_edit": (
            {"code": "mpc"},
            "superuser",
            {"name": "มาตรฐานผลิตภัณฑ์ชุมชน (มผช.)", "default_for": "textile"},
        ),
    }


def _fair_cases(w):
    fair, draft, group, officer = w.fair, w.draft_fair, w.group_a, "officer_province"
    product = str(w.product_a.pk)
    fair_dates = {
        "start_date": _today(60),
        "end_date": _today(64),
        "applications_open_on": _today(1),
        "applications_close_on": _today(30),
    }
    return {
        "booths:fair_create": (
            {},
            officer,
            {"name": "งานใหม่", "venue": "ลานกลางเมือง", "province": "50", "booth_count": "10"}
            | fair_dates,
        ),
        "booths:fair_edit": (
            {"fair_id": draft.pk},
            officer,
            {"name": "งานแก้ชื่อ", "venue": "ลานวัด", "province": "50", "booth_count": "20"}
            | fair_dates,
        ),
        "booths:zones": (
            {"fair_id": draft.pk},
            officer,
            {"code": "Q", "name": "โซนคิว", "color": "#ff0000"},
        ),
        "booths:booths": (
            {"fair_id": draft.pk},
            officer,
            {"zone": str(w.draft_zone.pk), "prefix": "Q", "first": "1", "last": "3", "digits": "2"}
            | {"per_row": "10", "origin_x": "0", "origin_y": "400", "booth_type": "standard"}
            | {"confirmed": "1"},
        ),
        "booths:booth_edit": (
            {"booth_id": w.draft_booth.pk},
            officer,
            {"code": "D1", "zone": str(w.draft_zone.pk), "booth_type": "standard"}
            | {"x_m": "0", "y_m": "0", "w_m": "3", "h_m": "3", "rotation": "0"},
        ),
        "booths:zone_move": (
            {"zone_id": w.draft_zone.pk},
            officer,
            {"right_m": "1.5", "down_m": "0"},
        ),
        "booths:application_detail": (
            {"application_id": w.scoring_review.application_id},
            officer,
            {"is_eligible": "1", "reason": "ตรวจแล้ว"},
        ),
        "booths:criteria": (
            {"fair_id": draft.pk},
            officer,
            {"save": "1", "c-TOTAL_FORMS": "1", "c-INITIAL_FORMS": "0", "c-MAX_NUM_FORMS": "9"}
            | {
                "c-0-name": "ความสะอาด",
                "c-0-weight": "1.5",
                "c-0-max_score": "10",
                "c-0-order": "1",
            },
        ),
        "booths:eligibility_rules": (
            {"fair_id": draft.pk},
            officer,
            {"kind": "min_stars", "min_stars": "3", "standard": "fda"},
        ),
        "booths:committee_review_add": (
            {"fair_id": fair.pk},
            officer,
            {"add_review": "1", "registration_no": group.registration_no, "member": "0", "k": "3"},
        ),
        "booths:run_list": (
            {"fair_id": fair.pk},
            officer,
            {"seed": "7", "quota_province_0": "50", "quota_booths_0": "10", "min_food": ""},
        ),
        "booths:zone_rule": (
            {"zone_id": w.zone.pk},
            officer,
            {"categories": "textile", "min_stars": "3", "quadrants": "A", "flag": "disaster"}
            | {"registered_within_years": "5"},
        ),
        "booths:group_flags": (
            {"group_id": w.group_a.pk},
            officer,
            {"flag": "disaster", "reason": "น้ำท่วมหมู่บ้านเดือนกันยายน"},
        ),
        "booths:quotas": (
            {"fair_id": w.national_fair.pk},
            "national",
            {"q_50_textile": "1", "q_10_food": "", "reason": "แบ่งโควตารอบแรก"},
        ),
        "booths:release": (
            {"fair_id": fair.pk, "assignment_id": w.holding_a.pk},
            officer,
            {"reason": "ไม่มาออกบูธ", "is_no_show": "on"},
        ),
        "booths:excuse_no_show": (
            {"fair_id": fair.pk, "assignment_id": w.no_show_b.pk},
            officer,
            {"excused": "1", "reason": "ป่วย มีใบรับรองแพทย์"},
        ),
        "booths:apply": (
            {"fair_id": fair.pk},
            "producer_a",
            {"products": product, "choice_1": str(w.zone.pk), "pitch": "ผ้าทอมือ"},
        ),
        "booths:score_submit": (
            {"review_id": w.scoring_review.pk},
            "committee_assigned",
            {f"value_{w.scoring_criterion.pk}": "8.5", f"comment_{w.scoring_criterion.pk}": "ดี"}
            | {"submit": "1"},
        ),
        "booths:declare_conflict": (
            {"seat_id": w.scoring_review.member_id},
            "committee_assigned",
            {"registration_no": w.group_a.registration_no, "reason": "ญาติ"},
        ),
    }


def _sales_cases(w):
    fair, group, officer = w.fair, w.group_a, "officer_province"
    return {
        "sales:enter": (
            {"assignment_id": w.holding_a.pk},
            "producer_a",
            {"day": _hidden_day(), "amount": "1,250.50", "units": "10", "cash_amount": "250"}
            | {"transfer_amount": "1000", "note": "ขายดี"},
        ),
        "sales:record_visit": (
            {"assignment_id": w.holding_a.pk},
            officer,
            {"day": _hidden_day(), "note": "ให้กำลังใจ"},
        ),
        "sales:cutoff": (
            {"fair_id": fair.pk},
            officer,
            {"days_after": "1", "cutoff_time": "12:00"},
        ),
        "sales:issue_new": (
            {"fair_id": fair.pk},
            "producer_a",
            {"category": "electricity", "description": "ไฟดับ"},
        ),
        "sales:issue_move": (
            {"issue_id": w.issue.pk},
            officer,
            {"status": "resolved", "resolution": "ช่างมาซ่อมแล้ว"},
        ),
        "sales:meeting_create": (
            {},
            officer,
            {"fair": str(fair.pk), "held_on": _today(), "place": "ศาลากลาง", "agenda": "สรุปงาน"}
            | {"groups_present": str(group.pk)},
        ),
        "sales:meeting_edit": (
            {"meeting_id": w.meeting.pk},
            officer,
            {"fair": str(fair.pk), "held_on": _today(3), "place": "หอประชุม", "minutes": "สรุป"}
            | {"groups_present": str(group.pk), "groups_absent": str(w.group_b.pk)},
        ),
        "sales:meeting_action_create": (
            {"meeting_id": w.meeting.pk},
            officer,
            {"description": "ทำฉลาก", "owner_group": str(group.pk), "due_on": _today(30)}
            | {"status": "open"},
        ),
        "sales:broadcast": ({"fair_id": fair.pk}, officer, {"text": "ปิดฮอลล์ 21:00"}),
        "notifications:mine": (
            {},
            "producer_a",
            {"channels": "line", "quiet_from": "21:00", "quiet_until": "07:00"},
        ),
    }


def _accounts_cases(w):
    person = {"first_name": "สมชาย", "last_name": "ใจดี", "phone": "089-111-2222"}
    person |= {"email": "somchai@example.org", "username": "", "province": "50"}
    return {
        "accounts:committee_create": ({}, "officer_province", person),
        "accounts:officer_create": ({}, "superuser", person | {"phone": "0891113333"}),
        "accounts:group_anonymise": (
            {"group_id": w.group_a.pk},
            "officer_province",
            {"confirm": w.group_a.registration_no},
        ),
    }


def _national_cases(w):
    """Issue 18: district nomination, applying for a group, appeals and their decision."""
    return {
        "booths:nominate": (
            {"application_id": w.national_application_a.pk},
            "district_a",
            {"decision": "declined", "reason": "สินค้ายังไม่พร้อม"},
        ),
        "booths:apply_on_behalf": (
            {"fair_id": w.national_fair.pk, "group_id": w.group_a.pk},
            "district_a",
            {"products": str(w.product_a.pk), "pitch": "ผ้าทอมือ"},
        ),
        "booths:appeal": (
            {"application_id": w.application_a.pk},
            "producer_a",
            {"grounds": "คะแนนผิด"},
        ),
        "booths:appeal_decide": (
            {"appeal_id": w.appeal.pk},
            "officer_province",
            {"decide": "1", "status": "dismissed", "reason": "ตรวจสอบคะแนนแล้วถูกต้อง"},
        ),
    }


def _cases(w):
    """URL name → URL kwargs, role, and a valid submission that the fuzzing starts from."""
    cases = _registry_cases(w) | _fair_cases(w) | _sales_cases(w) | _accounts_cases(w)
    return cases | _national_cases(w)


CASE_NAMES = [
    "accounts:committee_create",
    "accounts:group_anonymise",
    "accounts:officer_create",
    "booths:appeal",
    "booths:appeal_decide",
    "booths:application_detail",
    "booths:apply",
    "booths:apply_on_behalf",
    "booths:booth_edit",
    "booths:booths",
    "booths:committee_review_add",
    "booths:criteria",
    "booths:declare_conflict",
    "booths:eligibility_rules",
    "booths:excuse_no_show",
    "booths:fair_create",
    "booths:fair_edit",
    "booths:group_flags",
    "booths:nominate",
    "booths:quotas",
    "booths:release",
    "booths:run_list",
    "booths:score_submit",
    "booths:zone_move",
    "booths:zone_rule",
    "booths:zones",
    "notifications:mine",
    "producers:certification_create",
    "producers:group_create",
    "producers:group_edit",
    "producers:product_create",
    "producers:public_hide",
    "producers:public_settings",
    "producers:rating_create",
    "producers:standard_create",
    "producers:standard_edit",
    "producers:visit_create",
    "sales:broadcast",
    "sales:cutoff",
    "sales:enter",
    "sales:issue_move",
    "sales:issue_new",
    "sales:meeting_action_create",
    "sales:meeting_create",
    "sales:meeting_edit",
    "sales:record_visit",
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("bad_input_media"))


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


ALERT = re.compile(r'class="alert alert-danger[^>]*>\s*([^<]*)<')


def _form_errors(response):
    """Error messages of every bound form or formset the page was rendered with, and the red
    alerts it shows."""
    contexts = response.context
    if contexts is not None and not isinstance(contexts, ContextList):
        contexts = [contexts]
    messages = ALERT.findall(response.content.decode()) if response.status_code == 200 else []
    for context in contexts or []:
        for value in context.flatten().values():
            errors = getattr(value, "errors", None)
            if getattr(value, "is_bound", False) and errors:
                if isinstance(errors, list):
                    errors = {k: v for e in errors for k, v in e.items()}
                messages += [m for field_errors in errors.values() for m in field_errors]
                messages += list(getattr(value, "non_form_errors", list)())
    return messages


def submit(client, url, data):
    """POST in a rolled-back savepoint; returns the response and whether any table changed."""
    with transaction.atomic():
        before = table_counts()
        response = client.post(url, data)
        changed = table_counts() != before
        transaction.set_rollback(True)
    return response, changed


def assert_clear_answer(response, changed):
    """A saved record (redirect) or a clear Thai error; a refusal changes nothing. A tampered
    hidden field (such as the fair day of the sales form) may also answer 404."""
    assert response.status_code in (200, 302, 400, 404), response.status_code
    if response.status_code == 302:
        return
    if response.status_code == 404:
        assert not changed
        return
    errors = _form_errors(response)
    assert errors or response.status_code == 400, "the page came back without saying what is wrong"
    assert not changed, f"a refused submission saved something: {errors}"
    untranslated = [str(e) for e in errors if not THAI.search(str(e))]
    assert not untranslated, f"errors not in Thai: {untranslated}"


def test_every_form_case_has_a_valid_submission(db, world):
    assert sorted(_cases(world)) == CASE_NAMES


@pytest.mark.parametrize("name", CASE_NAMES)
@SETTINGS
@given(data=st.data())
def test_any_input_gets_a_saved_record_or_a_clear_thai_error(db, world, clients, name, data):
    kwargs, role, valid = _cases(world)[name]
    fuzzed = {key: data.draw(st.one_of(st.just(v), nasty), label=key) for key, v in valid.items()}
    response, changed = submit(clients[role], reverse(name, kwargs=kwargs), fuzzed)
    assert_clear_answer(response, changed)


# Inputs that once answered 500, pinned down one by one.


@pytest.mark.parametrize("name", ["sales:enter", "sales:checkin"])
def test_an_impossible_date_on_a_sales_page_is_not_found(db, world, clients, name):
    kwargs = {"assignment_id": world.holding_a.pk} if name == "sales:enter" else {}
    kwargs = kwargs or {"fair_id": world.fair.pk}
    client = clients["officer_province"]
    assert client.get(reverse(name, kwargs=kwargs), {"day": "2026-02-30"}).status_code == 404


@pytest.mark.parametrize("below", ["NaN", "sNaN", "-Infinity", "Infinity"])
def test_the_fair_report_ignores_a_threshold_that_is_not_a_number(db, world, clients, below):
    url = reverse("sales:fair_report", args=[world.fair.pk])
    assert clients["officer_province"].get(url, {"below": below}).status_code == 200


def test_a_reviewer_count_that_is_not_a_number_is_not_a_server_error(db, world, clients):
    url = reverse("booths:committee_auto_assign", args=[world.fair.pk])
    response, changed = submit(clients["officer_province"], url, {"k": "สาม"})
    assert response.status_code == 302
    assert not changed


def test_units_beyond_a_million_are_refused_in_thai(db, world, clients):
    url = reverse("sales:enter", args=[world.holding_a.pk])
    data = {"day": _hidden_day(), "amount": "100", "units": "3000000000"}
    response, changed = submit(clients["producer_a"], url, data)
    assert response.status_code == 200
    assert not changed
    assert THAI.search(" ".join(response.context["form"].errors["units"]))


def test_a_visit_note_for_a_day_outside_the_fair_is_not_kept(db, world, clients):
    url = reverse("sales:record_visit", args=[world.holding_a.pk])
    data = {"day": _today(365), "note": "ให้กำลังใจ"}
    response, changed = submit(clients["officer_province"], url, data)
    assert response.status_code == 302
    assert not changed


@pytest.mark.parametrize(
    ("first", "last", "origin_x"),
    [("1", "abc", "0"), ("1", "3", "4000000000"), ("99999999999999999999", "1", "0")],
)
def test_a_booth_grid_the_database_cannot_hold_is_refused(
    db, world, clients, first, last, origin_x
):
    url = reverse("booths:booths", args=[world.draft_fair.pk])
    data = {"zone": str(world.draft_zone.pk), "prefix": "Q", "first": first, "last": last}
    data |= {
        "digits": "2",
        "per_row": "10",
        "origin_x": origin_x,
        "origin_y": "0",
        "confirmed": "1",
    }
    response, changed = submit(clients["officer_province"], url, data | {"booth_type": "standard"})
    assert_clear_answer(response, changed)
    assert response.status_code == 200


# The starting points are real saves, so the fuzzing explores around a working submission; these
# are refused on purpose by the state of the world (the fair is running, the review seat absent).
REFUSED_BY_STATE = {"booths:apply", "booths:committee_review_add", "booths:run_list"}
# Group A holds a booth (nothing to appeal); the national fair is past applications.
REFUSED_BY_STATE |= {"booths:appeal", "booths:apply_on_behalf"}


@pytest.mark.parametrize("name", CASE_NAMES)
def test_the_valid_submission_of_each_form_is_saved(db, world, clients, name):
    kwargs, role, valid = _cases(world)[name]
    # A message an earlier test's redirect left in this client's session would read as success.
    clients[role].get(reverse("home"), follow=True)
    with transaction.atomic():
        before = table_counts()
        response = clients[role].post(reverse(name, kwargs=kwargs), valid, follow=True)
        after = table_counts()
        transaction.set_rollback(True)
    # What a form saves lives in the registry, fair or sales tables (account events about the
    # person acting, such as a notice shown, are not the record).
    changed = {t for t in after if after[t] != before[t] and not t.startswith("accounts_")}
    saved = bool(changed) or b"alert-success" in response.content
    assert saved == (name not in REFUSED_BY_STATE), (sorted(changed), _form_errors(response))


def test_a_long_release_reason_is_kept_and_the_booth_released(db, world, clients):
    url = reverse("booths:release", args=[world.fair.pk, world.holding_a.pk])
    reason = "กลุ่มแจ้งว่าติดงานบุญประจำปีของหมู่บ้าน " * 10
    with transaction.atomic():
        response = clients["officer_province"].post(url, {"reason": reason})
        world.holding_a.refresh_from_db()
        released = (world.holding_a.status, world.holding_a.release_reason)
        transaction.set_rollback(True)
    world.holding_a.refresh_from_db()
    assert response.status_code == 302
    assert released == ("released", reason.strip())


def test_a_spreadsheet_with_nul_characters_is_previewed(db, world, clients):
    content = "เลขทะเบียน OTOP,รหัสตำบล\r\nOTOP-1,50\x0001\r\n".encode()
    upload = SimpleUploadedFile("groups.csv", content, content_type="text/csv")
    response, changed = submit(
        clients["officer_province"], reverse("producers:import_upload"), {"file": upload}
    )
    assert response.status_code == 200
    assert not changed
