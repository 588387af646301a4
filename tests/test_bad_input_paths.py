"""A hand-edited address: text captured from the path (a booth code, a public page's name, a
token) holding a NUL is answered 400 before any view runs, never a server error (PostgreSQL
cannot even compare text holding NUL)."""

import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import get_resolver
from hypothesis import given
from hypothesis import strategies as st

from tests.matrix_world import world_fixture
from tests.otop_fair.test_url_walk import walk
from tests.test_bad_input import SETTINGS, nasty

TEXT_KINDS = {"str", "path"}


CAPTURE = re.compile(r"<(\w+):(\w+)>")

# (name, route) of every URL that captures free text from the path.
TEXT_ROUTES = [
    (name, route)
    for name, route, _pattern in walk(get_resolver().url_patterns)
    if not name.startswith("admin:") and TEXT_KINDS & {k for k, _n in CAPTURE.findall(route)}
]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("path_media"))


def _address(route, text, ids):
    def value(match):
        kind, name = match.groups()
        return quote(text, safe="") if kind in TEXT_KINDS else str(ids.get(name, 1))

    return "/" + CAPTURE.sub(value, route)


def test_the_walk_finds_the_text_captures():
    names = {name for name, _route in TEXT_ROUTES}
    assert {"public:booth", "public:group", "booths:offer_by_link"} <= names


@pytest.mark.parametrize(("name", "route"), TEXT_ROUTES, ids=[r[0] for r in TEXT_ROUTES])
@SETTINGS
@given(before=nasty, after=nasty, signed_in=st.booleans())
def test_a_nul_in_an_address_is_a_bad_request(world, name, route, before, after, signed_in):
    client = Client()
    if signed_in:
        client.force_login(world.users["officer_province"])
    ids = {"fair_id": world.fair.pk, "group_id": world.group_a.pk}
    url = _address(route, f"{before}\x00{after}", ids)
    assert client.get(url).status_code == 400, url
