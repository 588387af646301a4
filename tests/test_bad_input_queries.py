"""Hand-edited query strings on the pages that read them: a page or a 404, never a server error."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.matrix_world import signed_in_clients, world_fixture
from tests.test_bad_input import SETTINGS, nasty


def _pages(w):
    """URL name → (URL kwargs, role, query parameters the page reads)."""
    officer = "officer_province"
    return {
        "audit_log": ({}, officer, ["model", "user"]),
        "producers:group_list": (
            {},
            officer,
            ["q", "province", "district", "category", "stars", "certification", "sort", "page"],
        ),
        "producers:group_export_csv": ({}, officer, ["q", "province", "stars", "sort"]),
        "producers:address_fields": ({}, officer, ["province", "district", "subdistrict"]),
        "producers:district_options": ({}, officer, ["province"]),
        "booths:application_list": ({"fair_id": w.fair.pk}, officer, ["status", "q", "page"]),
        "booths:ranking": ({"fair_id": w.fair.pk}, officer, ["normalise", "page"]),
        "booths:run_detail": ({"run_id": w.run.pk}, officer, ["page"]),
        "booths:holdings": ({"fair_id": w.fair.pk}, officer, ["page"]),
        "booths:booths": ({"fair_id": w.fair.pk}, officer, ["page"]),
        "booths:apply_check": (
            {"fair_id": w.fair.pk},
            "producer_a",
            ["products", "category", "choice_1", "choice_2", "choice_3"],
        ),
        "sales:enter": ({"assignment_id": w.holding_a.pk}, "producer_a", ["day"]),
        "sales:checkin": ({"fair_id": w.fair.pk}, officer, ["day"]),
        "sales:issue_list": ({}, officer, ["status"]),
        "sales:fair_report": ({"fair_id": w.fair.pk}, officer, ["below"]),
        "sales:fair_report_export": (
            {"fair_id": w.fair.pk, "table": "days", "fmt": "csv"},
            officer,
            ["below"],
        ),
    }


PAGE_NAMES = [
    "audit_log",
    "booths:application_list",
    "booths:apply_check",
    "booths:booths",
    "booths:holdings",
    "booths:ranking",
    "booths:run_detail",
    "producers:address_fields",
    "producers:district_options",
    "producers:group_export_csv",
    "producers:group_list",
    "sales:checkin",
    "sales:enter",
    "sales:fair_report",
    "sales:fair_report_export",
    "sales:issue_list",
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("query_media"))


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


def test_every_page_case_is_listed(db, world):
    assert sorted(_pages(world)) == PAGE_NAMES


@pytest.mark.parametrize("name", PAGE_NAMES)
@SETTINGS
@given(data=st.data())
def test_any_query_string_gets_a_page_or_not_found(db, world, clients, name, data):
    kwargs, role, params = _pages(world)[name]
    query = {key: data.draw(nasty, label=key) for key in params}
    response = clients[role].get(reverse(name, kwargs=kwargs), query)
    has_nul = any("\x00" in key + value for key, value in query.items())
    assert response.status_code in ((400,) if has_nul else (200, 302, 404)), response.status_code


with_nul = st.tuples(nasty, nasty).map(lambda parts: parts[0] + "\x00" + parts[1])


@pytest.mark.parametrize("name", PAGE_NAMES)
@SETTINGS
@given(data=st.data())
def test_a_nul_in_any_query_parameter_is_a_bad_request(db, world, clients, name, data):
    kwargs, role, params = _pages(world)[name]
    query = {key: data.draw(st.one_of(nasty, with_nul), label=key) for key in params}
    query[data.draw(st.sampled_from(params))] = data.draw(with_nul, label="with NUL")
    response = clients[role].get(reverse(name, kwargs=kwargs), query)
    assert response.status_code == 400, response.status_code


@SETTINGS
@given(length=st.integers(min_value=151, max_value=5000), nul=st.booleans())
def test_an_overlong_username_gets_the_normal_refusal(db, client, settings, length, nul):
    settings.AXES_ENABLED, settings.AXES_FAILURE_LIMIT = True, 10_000
    username = "ก" * length + ("\x00" if nul else "")
    response = client.post(reverse("login"), {"username": username, "password": "x"})
    assert response.status_code == (400 if nul else 200)
