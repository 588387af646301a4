"""Every URL × every role, against one shared world (tests/matrix_world.py).

The table below is the single statement of who may open what. Each URL points at group A's
objects and the province-50 fair, so group B's producer, the other province's officer and the
committee member without the review must be refused. A URL added to the project without a row
here fails `test_every_url_has_a_row`.

Outcomes: ALLOW — 200, or a redirect that is not to the login page (for POST-only actions the
POST is sent); DENY — 403 or 404, on GET and on POST, and nothing in the database changes;
LOGIN — a redirect to /accounts/login/.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse

from tests.matrix_world import OFFICE_ROLES, ROLES, table_counts, world_fixture
from tests.otop_fair.test_url_walk import PUBLIC, walk

ALLOW, DENY, LOGIN = "allow", "deny", "login"
A, D = ALLOW, DENY


def row(
    producer_a,
    producer_b,
    committee_assigned,
    committee_other,
    officer,
    other,
    superuser,
    *,
    changed=None,
    elsewhere=None,
):
    """Columns: producer of group A, of group B, committee member with the review, without it,
    officer of province 50, officer of another province, superuser. Anonymous → login.

    The accounts that must not slip through: a deactivated officer is signed out (login); a
    former officer, now a producer without a group, gets what every producer gets (`changed`,
    by default what both groups' producers get); a committee member of another province's fair
    gets what every committee member gets (`elsewhere`, by default what both members get)."""
    values = (producer_a, producer_b, committee_assigned, committee_other, officer, other)
    if changed is None:
        changed = ALLOW if producer_a == producer_b == ALLOW else DENY
    if elsewhere is None:
        elsewhere = ALLOW if committee_assigned == committee_other == ALLOW else DENY
    extra = (LOGIN, changed, elsewhere)
    return dict(zip(ROLES, (LOGIN, *values, superuser, *extra), strict=True))


EVERYONE = row(A, A, A, A, A, A, A)
STAFF = row(D, D, D, D, A, A, A)
KEEPS_FAIR = row(D, D, D, D, A, D, A)
KEEPS_GROUP = row(D, D, D, D, A, D, A)
GROUP_A = row(A, D, D, D, A, D, A)
PRODUCERS = row(A, A, D, D, D, D, A)
PRODUCERS_AND_STAFF = row(A, A, D, D, A, A, A)
KEEPS_PERSON = row(D, D, D, D, A, D, A)

# A link or a webhook whose signature, not a login, is its permission: a forged one is refused
# for everyone, signed in or not.
SIGNED_NOT_SIGNED_IN = dict.fromkeys(ROLES, DENY)

# The fair's public face: anyone, signed in or not (the only rows where anonymous is allowed).
PUBLIC_ROW = dict.fromkeys(ROLES, ALLOW)

EXPECTED = {
    "home": EVERYONE,
    "officer_home": STAFF,
    "committee_home": row(D, D, A, A, D, D, A),
    "producer_home": PRODUCERS,
    "audit_log": STAFF,
    "password_change": EVERYONE,
    "password_change_done": EVERYONE,
    # Registry: officers keep their provinces' groups, producers their own group.
    "producers:group_list": STAFF,
    "producers:group_create": STAFF,
    "producers:group_detail": GROUP_A,
    "producers:group_edit": GROUP_A,
    "producers:group_export_csv": STAFF,
    "producers:group_export_xlsx": STAFF,
    "producers:import_upload": STAFF,
    "producers:import_confirm": STAFF,
    "producers:open_data_upload": STAFF,
    "producers:open_data_confirm": STAFF,
    "producers:product_create": GROUP_A,
    "producers:visit_create": KEEPS_GROUP,
    "producers:rating_create": KEEPS_GROUP,
    "producers:certification_create": KEEPS_GROUP,
    "producers:follow_up_done": KEEPS_GROUP,
    "producers:product_edit": GROUP_A,
    "producers:photo_add": GROUP_A,
    "producers:photo_delete": GROUP_A,
    # Committees score applicants from every province by their products' photos.
    # A committee member opens the photos of applications they review, an officer those of the
    # groups they keep.
    "producers:photo_image": row(A, D, A, D, A, D, A),
    "producers:photo_thumbnail": row(A, D, A, D, A, D, A),
    "producers:my_groups": PRODUCERS,
    # The standards table: every office reads it; only the head office (and admin) extends it.
    "producers:standard_list": STAFF,
    "producers:standard_create": row(D, D, D, D, D, D, A),
    "producers:standard_edit": row(D, D, D, D, D, D, A),
    "producers:address_fields": EVERYONE,
    "producers:district_options": EVERYONE,
    # Fairs: officers manage the fairs of their provinces.
    "booths:fair_list": STAFF,
    # Every office screens for national fairs: district officers nominate and apply for groups.
    "booths:national_fairs": STAFF,
    "booths:fair_create": STAFF,
    "booths:fair_detail": KEEPS_FAIR,
    "booths:fair_edit": KEEPS_FAIR,
    "booths:fair_step": KEEPS_FAIR,
    "booths:zones": KEEPS_FAIR,
    "booths:booths": KEEPS_FAIR,
    "booths:booth_edit": KEEPS_FAIR,
    # A published plan: its officers, its committee and its producers (drafts: officers only).
    "booths:floor_plan": row(A, A, A, A, A, D, A, changed=D, elsewhere=D),
    "booths:booth_delete": KEEPS_FAIR,
    "booths:zone_delete": KEEPS_FAIR,
    "booths:zone_clear": KEEPS_FAIR,
    "booths:zone_move": KEEPS_FAIR,
    "booths:zone_rule": KEEPS_FAIR,
    "booths:group_flags": KEEPS_GROUP,
    "booths:floor_plan_save": KEEPS_FAIR,
    # The venue's picture under the plan: set by the fair's officers, seen with the plan.
    "booths:venue_plan": KEEPS_FAIR,
    "booths:venue_plan_image": row(A, A, A, A, A, D, A, changed=D, elsewhere=D),
    "booths:venue_plan_remove": KEEPS_FAIR,
    "booths:plan_pdf": KEEPS_FAIR,
    "booths:application_list": KEEPS_FAIR,
    "booths:application_detail": KEEPS_FAIR,
    "booths:eligibility_rules": KEEPS_FAIR,
    "booths:criteria": KEEPS_FAIR,
    "booths:committee": KEEPS_FAIR,
    "booths:member_reviews": KEEPS_FAIR,
    "booths:remove_review": KEEPS_FAIR,
    # One URL per action (issue 15): each button of the rules, rubric and committee pages.
    "booths:eligibility_rule_remove": KEEPS_FAIR,
    "booths:eligibility_evaluate": KEEPS_FAIR,
    "booths:criteria_copy": KEEPS_FAIR,
    "booths:committee_member_add": KEEPS_FAIR,
    "booths:committee_auto_assign": KEEPS_FAIR,
    "booths:committee_review_add": KEEPS_FAIR,
    "booths:committee_member_remove": KEEPS_FAIR,
    # A provincial fair has no province rubrics: the national rows are below.
    "booths:province_criteria": row(D, D, D, D, D, D, D),
    "booths:score_submit": row(D, D, A, D, D, D, A),
    "notifications:line_code": EVERYONE,
    # Scoring has closed (the fair is running): both sitting members see the ranked list.
    "booths:ranking": row(D, D, A, A, A, D, A, elsewhere=D),
    # A national fair's quota table: the head office only (column `national`, set below).
    "booths:quotas": row(D, D, D, D, D, D, A),
    "booths:quota_import": row(D, D, D, D, D, D, A),
    "booths:run_list": KEEPS_FAIR,
    "booths:run_detail": KEEPS_FAIR,
    "booths:run_compare": KEEPS_FAIR,
    "booths:holdings": KEEPS_FAIR,
    "booths:release": KEEPS_FAIR,
    "booths:excuse_no_show": KEEPS_FAIR,
    "booths:export_holdings": KEEPS_FAIR,
    "booths:my_applications": PRODUCERS,
    # Any producer may apply to any fair; a superuser without a group gets 404.
    "booths:apply": row(A, A, D, D, D, D, D, changed=D),
    "booths:apply_check": row(A, A, D, D, D, D, D, changed=D),
    "booths:withdraw": row(A, D, D, D, D, D, A),
    "booths:result": GROUP_A,
    "booths:booth_card": GROUP_A,
    "booths:respond_offer": row(A, D, D, D, D, D, A),
    "booths:accept_offer": row(A, D, D, D, D, D, A),
    "booths:decline_offer": row(A, D, D, D, D, D, A),
    # The one-tap link's signature is its permission: a forged token is refused to everyone.
    "booths:offer_by_link": SIGNED_NOT_SIGNED_IN,
    "booths:accept_by_link": SIGNED_NOT_SIGNED_IN,
    "booths:decline_by_link": SIGNED_NOT_SIGNED_IN,
    "booths:my_reviews": row(D, D, A, A, D, D, A),
    "booths:score_sheet": row(D, D, A, D, D, D, A),
    "booths:declare_conflict": row(D, D, A, D, D, D, A),
    # Fair time.
    "sales:my_sales": PRODUCERS,
    "sales:enter": GROUP_A,
    "sales:record_visit": KEEPS_FAIR,
    "sales:fair_list": STAFF,
    "sales:checkin": KEEPS_FAIR,
    "sales:cutoff": KEEPS_FAIR,
    # Group B holds a booth at the same fair, so it may report a problem there too.
    "sales:issue_new": row(A, A, D, D, A, D, A, changed=D),
    "sales:issue_list": PRODUCERS_AND_STAFF,
    "sales:issue_detail": GROUP_A,
    "sales:issue_move": KEEPS_FAIR,
    "sales:issue_photo": GROUP_A,
    "sales:issue_thumb": GROUP_A,
    # Reports and network meetings.
    "sales:report_index": PRODUCERS_AND_STAFF,
    "sales:fair_report": KEEPS_FAIR,
    "sales:fair_report_pdf": KEEPS_FAIR,
    "sales:fair_report_export": KEEPS_FAIR,
    "sales:group_report": GROUP_A,
    "sales:group_report_export": GROUP_A,
    "sales:meeting_list": PRODUCERS_AND_STAFF,
    "sales:meeting_create": STAFF,
    # Group A attended the meeting; group B was invited but absent.
    "sales:meeting_detail": GROUP_A,
    "sales:meeting_edit": KEEPS_FAIR,
    "sales:meeting_action_create": KEEPS_FAIR,
    "sales:meeting_action_edit": KEEPS_FAIR,
    # Accounts: officers keep the people of their provinces (here producer A), superusers everyone.
    "accounts:people_list": STAFF,
    "accounts:committee_create": STAFF,
    "accounts:officer_create": row(D, D, D, D, D, D, A),
    "accounts:print_slips": STAFF,
    "accounts:person_detail": KEEPS_PERSON,
    "accounts:person_reset": KEEPS_PERSON,
    "accounts:person_unlock": KEEPS_PERSON,
    "accounts:person_deactivate": KEEPS_PERSON,
    "accounts:person_activate": KEEPS_PERSON,
    "accounts:person_verify_email": KEEPS_PERSON,
    "accounts:group_accounts_create": STAFF,
    "accounts:group_account_create": KEEPS_GROUP,
    "accounts:group_data": GROUP_A,
    "accounts:group_anonymise": KEEPS_GROUP,
    "accounts:privacy_notice": EVERYONE,
    "sales:broadcast": KEEPS_FAIR,
    # Notifications: everyone's own settings; the delivery log of the officer's provinces; the
    # LINE webhook answers only LINE's signature, never a login (anonymous included).
    "notifications:mine": EVERYONE,
    "notifications:log": STAFF,
    "notifications:line_webhook": SIGNED_NOT_SIGNED_IN,
    # The public face (issue 24): the group chooses, officers may hide a page.
    "producers:public_settings": GROUP_A,
    "producers:public_hide": KEEPS_GROUP,
    "producers:public_show": KEEPS_GROUP,
    "booths:table_card": GROUP_A,
    "robots_txt": PUBLIC_ROW,
    "public:group": PUBLIC_ROW,
    "public:product": PUBLIC_ROW,
    "public:photo": PUBLIC_ROW,
    "public:directory": PUBLIC_ROW,
    "public:booth": PUBLIC_ROW,
    # The daily provincial report, visitors and target: the fair's officers.
    "sales:daily_national": KEEPS_FAIR,
    "sales:daily_national_pdf": KEEPS_FAIR,
    "sales:daily_province": KEEPS_FAIR,
    "sales:daily_province_pdf": KEEPS_FAIR,
    "sales:daily_province_png": KEEPS_FAIR,
    "sales:fair_figures": KEEPS_FAIR,
    "sales:record_visitors": KEEPS_FAIR,
    "sales:import_visitors": KEEPS_FAIR,
    "sales:set_target": KEEPS_FAIR,
    # Market channels: officers see their provinces' groups, producers their own group.
    "sales:channel_list": PRODUCERS_AND_STAFF,
    "sales:channel_new": PRODUCERS_AND_STAFF,
    "sales:fiscal_report": PRODUCERS_AND_STAFF,
    "sales:fiscal_report_export": PRODUCERS_AND_STAFF,
    # National fairs (issue 18): area officers screen their area's applications (Bangkok's
    # officer and the other district see the page without group A); the head office and the
    # host province (50) run the fair and see every province's progress.
    "booths:nomination_list": row(D, D, D, D, A, A, A),
    "booths:nominate": KEEPS_FAIR,
    # Progress: every province for the head office and the host; Bangkok's officer sees Bangkok.
    "booths:national_progress": STAFF,
    "booths:apply_on_behalf": KEEPS_GROUP,
    # Decision letters and appeals: the group's members appeal; the fair's officers decide.
    "booths:appeal": row(A, D, D, D, D, D, A),
    "booths:decision_letter": GROUP_A,
    "booths:appeal_list": KEEPS_FAIR,
    "booths:appeal_decide": KEEPS_FAIR,
    "booths:appeal_publish": KEEPS_FAIR,
}

# Offices (issue 17). The head office acts on every province: wherever the officer of province 50
# is allowed, so is it, and it is refused where that officer is. District officers keep the
# registry of their district (group A's, not the other district's) and nothing of fairs or people.
DISTRICT_KEEPS_GROUP_A = {
    "booths:group_flags",
    "producers:group_detail",
    "producers:group_edit",
    "producers:product_create",
    "producers:visit_create",
    "producers:rating_create",
    "producers:certification_create",
    "producers:follow_up_done",
    "producers:product_edit",
    "producers:photo_add",
    "producers:photo_delete",
    "producers:photo_image",
    "producers:photo_thumbnail",
    "accounts:group_account_create",
    "accounts:group_data",
    "producers:public_settings",
    "producers:public_hide",
    "producers:public_show",
    "booths:nominate",
    "booths:apply_on_behalf",
}
DISTRICT_REGISTRY = {
    "home",
    "password_change",
    "password_change_done",
    "producers:group_list",
    "producers:group_create",
    "producers:group_export_csv",
    "producers:group_export_xlsx",
    "producers:address_fields",
    "producers:district_options",
    "producers:standard_list",
    "booths:national_fairs",
    "accounts:privacy_notice",
    "notifications:mine",
    "notifications:line_code",
    # The fair's public face is open to everyone.
    "robots_txt",
    "public:group",
    "public:product",
    "public:photo",
    "public:directory",
    "public:booth",
    # Each district officer sees the nomination list of their own district.
    "booths:nomination_list",
}


# National reference data that only the head office changes (provincial officers are refused).
HEAD_OFFICE_ONLY = {"producers:standard_create", "producers:standard_edit"}


def _office_columns(name, columns):
    own = ALLOW if name in DISTRICT_KEEPS_GROUP_A | DISTRICT_REGISTRY else DENY
    other = ALLOW if name in DISTRICT_REGISTRY else DENY
    national = ALLOW if name in HEAD_OFFICE_ONLY else columns["officer_province"]
    return {"national": national, "district_a": own, "district_other": other}


EXPECTED = {name: {**cols, **_office_columns(name, cols)} for name, cols in EXPECTED.items()}
for _name in ("booths:quotas", "booths:quota_import"):
    EXPECTED[_name]["national"] = ALLOW
ALL_ROLES = (*ROLES, *OFFICE_ROLES)

# Actions that only accept POST (GET answers 405 to a signed-in user).
POST_ONLY = {
    "booths:appeal_publish",
    "producers:import_confirm",
    "producers:open_data_confirm",
    "producers:follow_up_done",
    "producers:photo_add",
    "producers:photo_delete",
    "booths:fair_step",
    "booths:booth_delete",
    "booths:zone_delete",
    "booths:zone_clear",
    "booths:floor_plan_save",
    "booths:venue_plan_remove",
    "booths:remove_review",
    "booths:eligibility_rule_remove",
    "booths:eligibility_evaluate",
    "booths:criteria_copy",
    "booths:committee_member_add",
    "booths:committee_auto_assign",
    "booths:committee_review_add",
    "booths:committee_member_remove",
    "booths:score_submit",
    "notifications:line_code",
    "booths:release",
    "booths:quota_import",
    "booths:excuse_no_show",
    "booths:withdraw",
    "booths:respond_offer",
    "booths:accept_offer",
    "booths:decline_offer",
    "booths:accept_by_link",
    "booths:decline_by_link",
    "sales:record_visit",
    "sales:issue_move",
    "accounts:print_slips",
    "accounts:person_reset",
    "accounts:person_unlock",
    "accounts:person_deactivate",
    "accounts:person_activate",
    "accounts:person_verify_email",
    "accounts:group_accounts_create",
    "accounts:group_account_create",
    "notifications:line_webhook",
    "producers:public_hide",
    "producers:public_show",
    "sales:record_visitors",
    "sales:import_visitors",
    "sales:set_target",
    "booths:nominate",
}


def _pks(w):
    """URL name → the object its first id parameter names (not given in `_other_kwargs`); every
    other one is the province-50 fair."""
    group = w.group_a.pk
    return {
        "producers:group_detail": group,
        "producers:group_edit": group,
        "producers:product_create": group,
        "producers:visit_create": group,
        "producers:rating_create": group,
        "producers:certification_create": group,
        "producers:follow_up_done": w.visit.pk,
        "producers:product_edit": w.product_a.pk,
        "producers:photo_add": w.product_a.pk,
        "producers:photo_delete": w.photo.pk,
        "producers:photo_image": w.photo.pk,
        "producers:photo_thumbnail": w.photo.pk,
        "booths:booth_edit": w.booth.pk,
        "booths:booth_delete": w.booth.pk,
        "booths:zone_delete": w.booth.zone_id,
        "booths:zone_clear": w.booth.zone_id,
        "booths:zone_move": w.booth.zone_id,
        "booths:zone_rule": w.booth.zone_id,
        "booths:group_flags": group,
        "booths:application_detail": w.application_a.pk,
        "booths:run_detail": w.run.pk,
        "booths:run_compare": w.run.pk,
        "booths:withdraw": w.application_a.pk,
        "booths:result": w.application_a.pk,
        "booths:booth_card": w.application_a.pk,
        "booths:respond_offer": w.offer.pk,
        "booths:accept_offer": w.offer.pk,
        "booths:decline_offer": w.offer.pk,
        "booths:score_sheet": w.review.pk,
        "booths:score_submit": w.review.pk,
        "booths:declare_conflict": w.seat.pk,
        "booths:committee_member_remove": w.seat.pk,
        "accounts:person_detail": w.users["producer_a"].pk,
        "accounts:person_reset": w.users["producer_a"].pk,
        "accounts:person_unlock": w.users["producer_a"].pk,
        "accounts:person_deactivate": w.users["producer_a"].pk,
        "accounts:person_activate": w.users["producer_a"].pk,
        "accounts:person_verify_email": w.users["producer_a"].pk,
        "accounts:group_account_create": group,
        "accounts:group_data": group,
        "accounts:group_anonymise": group,
        "producers:public_settings": group,
        "producers:public_hide": group,
        "producers:public_show": group,
        "booths:table_card": w.application_a.pk,
        "booths:quotas": w.national_fair.pk,
        "booths:quota_import": w.national_fair.pk,
        "booths:nomination_list": w.national_fair.pk,
        "booths:nominate": w.national_application_a.pk,
        "booths:national_progress": w.national_fair.pk,
        "booths:apply_on_behalf": w.national_fair.pk,
        "booths:appeal": w.application_a.pk,
        "booths:decision_letter": w.application_a.pk,
        "booths:appeal_decide": w.appeal.pk,
        "booths:appeal_publish": w.appeal.pk,
    }


def _other_kwargs(w):
    """URL name → its other keyword arguments (fair_id is the fair unless named)."""
    fair, group = w.fair.pk, w.group_a.pk
    return {
        "booths:fair_step": {"step": "close"},
        "booths:member_reviews": {"seat_id": w.seat.pk},
        "booths:remove_review": {"review_id": w.review.pk},
        "booths:eligibility_rule_remove": {"rule_id": w.fair.eligibility_rules.first().pk},
        "booths:run_compare": {"other_run_id": w.other_run.pk},
        "booths:release": {"assignment_id": w.holding_a.pk},
        "booths:excuse_no_show": {"assignment_id": w.no_show_b.pk},
        "booths:export_holdings": {"fmt": "csv"},
        "booths:offer_by_link": {"token": "forged-token"},
        "booths:accept_by_link": {"token": "forged-token"},
        "booths:decline_by_link": {"token": "forged-token"},
        "sales:enter": {"assignment_id": w.holding_a.pk},
        "sales:record_visit": {"assignment_id": w.holding_a.pk},
        "sales:issue_detail": {"issue_id": w.issue.pk},
        "sales:issue_move": {"issue_id": w.issue.pk},
        "sales:issue_photo": {"issue_id": w.issue.pk},
        "sales:issue_thumb": {"issue_id": w.issue.pk},
        "sales:fair_report_export": {"fair_id": fair, "table": "days", "fmt": "csv"},
        "sales:group_report": {"fair_id": fair, "group_id": group},
        "sales:group_report_export": {"fair_id": fair, "group_id": group, "fmt": "csv"},
        "sales:meeting_detail": {"meeting_id": w.meeting.pk},
        "sales:meeting_edit": {"meeting_id": w.meeting.pk},
        "sales:meeting_action_create": {"meeting_id": w.meeting.pk},
        "sales:meeting_action_edit": {"action_id": w.action.pk},
        "public:group": {"slug": w.public_a.slug},
        "public:product": {"slug": w.public_a.slug, "product_slug": w.product_a.public_slug},
        "public:photo": {
            "slug": w.public_a.slug,
            "product_slug": w.product_a.public_slug,
            "position": w.photo.position,
        },
        "public:booth": {"code": w.booth.code},
        "sales:daily_province": {"province_code": "50"},
        "sales:daily_province_pdf": {"province_code": "50"},
        "sales:daily_province_png": {"province_code": "50"},
        "sales:fiscal_report_export": {"per": "group", "fmt": "xlsx"},
        "producers:standard_edit": {"code": "mpc"},
        "booths:apply_on_behalf": {"group_id": group},
        "booths:province_criteria": {"province_code": "50"},
    }


def url_of(world, name):
    pattern = URL_PATTERNS[name]
    converters = pattern.pattern.converters
    kwargs = dict(_other_kwargs(world).get(name, {}))
    # The first id parameter, `<model>_id`.
    ids = (p for p in converters if p.endswith("_id") and p not in kwargs)
    named = next(ids, None)
    if named:
        kwargs[named] = _pks(world).get(name, world.fair.pk)
    if "fair_id" in converters:
        kwargs.setdefault("fair_id", world.fair.pk)
    return reverse(name, kwargs=kwargs)


URL_PATTERNS = {
    name: pattern
    for name, _route, pattern in walk(get_resolver().url_patterns)
    if not name.startswith("admin:") and name not in PUBLIC
}
NAMES = sorted(EXPECTED)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("matrix_media"))


@pytest.fixture(scope="module")
def clients(world):
    """A signed-in test client per role, made once for the module."""
    made = {"anon": Client()}
    for role, user in world.users.items():
        made[role] = Client()
        made[role].force_login(user)
    return made


def test_every_url_has_a_row():
    assert set(URL_PATTERNS) == set(EXPECTED), (
        "Add a row to EXPECTED for each new URL (and remove rows of removed ones): "
        f"missing {sorted(set(URL_PATTERNS) - set(EXPECTED))}, "
        f"stale {sorted(set(EXPECTED) - set(URL_PATTERNS))}"
    )


def _is_login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def _check(response, expected, label):
    status = response.status_code
    if expected == LOGIN:
        ok = _is_login_redirect(response)
    elif expected == ALLOW:
        ok = status in (200, 302) and not _is_login_redirect(response)
    else:
        ok = status in (403, 404)
    return None if ok else f"{label} answered {status}, expected {expected}"


def _answer(client, name, url, expected):
    """The problem with `client`'s answers to `url`, or None. Refused requests must leave the
    database as it was; allowed actions are rolled back so the world stays the same."""
    label = f"{name} {url}"
    with transaction.atomic():
        before = table_counts() if expected == DENY else None
        if name in POST_ONLY:
            responses = [client.post(url)]
        else:
            responses = [client.get(url)]
            if expected == DENY:
                responses.append(client.post(url, {"name": "x", "amount": "1"}))
        after = table_counts() if expected == DENY else None
        transaction.set_rollback(True)
    for response in responses:
        problem = _check(response, expected, f"{response.request['REQUEST_METHOD']} {label}")
        if problem:
            return problem
    if before != after:
        return f"refused {label} changed the database"
    return None


@pytest.mark.parametrize("name", NAMES)
def test_each_role_gets_the_expected_answer(db, world, clients, name):
    url = url_of(world, name)
    problems = [
        f"{role}: {problem}"
        for role in ALL_ROLES
        if (problem := _answer(clients[role], name, url, EXPECTED[name][role]))
    ]
    assert not problems, "\n".join(problems)


def test_post_only_actions_refuse_get(db, world, clients):
    """Every other URL is opened with GET by some allowed role above; these answer 405."""
    client = clients["superuser"]
    answers = {name: client.get(url_of(world, name)).status_code for name in sorted(POST_ONLY)}
    assert answers == dict.fromkeys(sorted(POST_ONLY), 405)


# Pages that show group A's name to roles outside it by design: the audit trail is the officers'
# (every province), and committee members rank every applicant once scoring has closed.
SHOWS_EVERY_GROUP = {"audit_log", "booths:ranking"} | {
    name for name in EXPECTED if name.startswith("public:")
}
GET_PAGES = sorted(set(NAMES) - POST_ONLY - SHOWS_EVERY_GROUP)


@pytest.mark.parametrize(
    "role",
    [
        "producer_b",
        "committee_other",
        "officer_other",
        "role_changed",
        "committee_elsewhere",
        "district_other",
    ],
)
def test_pages_open_to_outsiders_never_show_group_a(db, world, clients, role):
    client = clients[role]
    leaks = []
    for name in GET_PAGES:
        if EXPECTED[name][role] != ALLOW:
            continue
        response = client.get(url_of(world, name), follow=True)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        if world.group_a.name in text or world.group_a.registration_no in text:
            leaks.append(f"{name} ({response.status_code})")
    assert not leaks, f"{role} sees group A on: {leaks}"


# The same URLs pointed at other objects of the world, where the answer depends on the object:
# a meeting without a fair (it belongs to province 50, never to everyone), and the floor plan of
# a fair by its state (a draft: its officers only; being scored: its committee too).
OBJECT_ROWS = {
    "meeting without a fair": (
        "sales:meeting_detail",
        lambda w: {"meeting_id": w.meeting_without_fair.pk},
        GROUP_A,
    ),
    "edit a meeting without a fair": (
        "sales:meeting_edit",
        lambda w: {"meeting_id": w.meeting_without_fair.pk},
        KEEPS_FAIR,
    ),
    "action item of a meeting without a fair": (
        "sales:meeting_action_edit",
        lambda w: {"action_id": w.action_without_fair.pk},
        KEEPS_FAIR,
    ),
    "add an action to a meeting without a fair": (
        "sales:meeting_action_create",
        lambda w: {"meeting_id": w.meeting_without_fair.pk},
        KEEPS_FAIR,
    ),
    "floor plan of a draft fair": (
        "booths:floor_plan",
        lambda w: {"fair_id": w.draft_fair.pk},
        KEEPS_FAIR,
    ),
    "floor plan of a fair being scored": (
        "booths:floor_plan",
        lambda w: {"fair_id": w.scoring_fair.pk},
        row(D, D, A, D, A, D, A, elsewhere=D),
    ),
}


@pytest.mark.parametrize("label", sorted(OBJECT_ROWS))
def test_each_role_gets_the_expected_answer_for_each_object(db, world, clients, label):
    name, kwargs_of, expected = OBJECT_ROWS[label]
    url = reverse(name, kwargs=kwargs_of(world))
    problems = [
        f"{role}: {problem}"
        for role in ROLES
        if (problem := _answer(clients[role], name, url, expected[role]))
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("role", ["role_changed", "producer_b", "officer_other"])
def test_lists_go_by_role_not_by_leftover_province_links(db, world, clients, role):
    """The former officer (now a producer) keeps province 50's links but lists none of its
    problems or meetings; neither do outsiders."""
    issues = clients[role].get(reverse("sales:issue_list")).context["issues"]
    meetings = clients[role].get(reverse("sales:meeting_list")).context["meetings"]
    reports = clients[role].get(reverse("sales:report_index")).content.decode()
    assert world.issue not in list(issues)
    assert world.meeting_without_fair not in list(meetings)
    assert f'href="{reverse("sales:fair_report", args=[world.fair.pk])}"' not in reports


# A national fair's committees (issue 18): each province runs its own. The host province's
# officer (officer_province, 50) and the other province's (officer_other, 10) both open the
# committee page and act on their own province's seats only; the head office on every seat.
def _national_committee_row(officer, other, national):
    return {
        **row(D, D, D, D, officer, other, A),
        "national": national,
        "district_a": DENY,
        "district_other": DENY,
    }


NATIONAL_COMMITTEE_ROWS = {
    "committee page": (
        "booths:committee",
        lambda w: {"fair_id": w.national_fair.pk},
        _national_committee_row(A, A, A),
    ),
    "auto-assign": (
        "booths:committee_auto_assign",
        lambda w: {"fair_id": w.national_fair.pk},
        _national_committee_row(A, A, A),
    ),
    "rubric of province 50": (
        "booths:province_criteria",
        lambda w: {"fair_id": w.national_fair.pk, "province_code": "50"},
        _national_committee_row(A, D, A),
    ),
    "rubric of province 10": (
        "booths:province_criteria",
        lambda w: {"fair_id": w.national_fair.pk, "province_code": "10"},
        _national_committee_row(D, A, A),
    ),
    "remove a seat of province 50": (
        "booths:committee_member_remove",
        lambda w: {"seat_id": w.national_seats["50"].pk},
        _national_committee_row(A, D, A),
    ),
    "remove a seat of province 10": (
        "booths:committee_member_remove",
        lambda w: {"seat_id": w.national_seats["10"].pk},
        _national_committee_row(D, A, A),
    ),
}


@pytest.mark.parametrize("label", sorted(NATIONAL_COMMITTEE_ROWS))
def test_each_province_runs_its_own_committee_at_a_national_fair(db, world, clients, label):
    name, kwargs_of, expected = NATIONAL_COMMITTEE_ROWS[label]
    url = reverse(name, kwargs=kwargs_of(world))
    problems = [
        f"{role}: {problem}"
        for role in ALL_ROLES
        if (problem := _answer(clients[role], name, url, expected[role]))
    ]
    assert not problems, "\n".join(problems)
