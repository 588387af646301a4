"""A page never offers a person a link that then refuses them: each role follows the links of the
pages it can reach from its home page, and none answers 403 (a dead end that reads as an error)."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from tests.matrix_world import world_fixture

# The people who sign in for their daily work, each with the world's objects in their area.
ROLES = (
    "producer_a",
    "committee_assigned",
    "officer_province",
    "national",
    "district_a",
    "district_other",
)
HREF = re.compile(r'<a\b[^>]*\bhref="(/[^"#]*)"')
# Leaving, switching language and files are not pages with links of their own.
NOT_FOLLOWED = re.compile(r"^/(accounts/logout|i18n|admin)/|\.(pdf|csv|xlsx|zip|jpg|png)$")
PAGES_PER_ROLE = 120


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("links_media"))


def _route(url):
    try:
        return resolve(urlsplit(url).path).view_name
    except Resolver404:
        return None


def _refused_links(client):
    """Each page reachable by links (one per kind of page), and the links on it that answer 403."""
    refused, answered, visited_routes = [], {}, set()
    queue = [("/", "(start)")]
    while queue and len(answered) < PAGES_PER_ROLE:
        url, found_on = queue.pop(0)
        if url in answered or NOT_FOLLOWED.search(urlsplit(url).path):
            continue
        response = client.get(url)
        answered[url] = response.status_code
        if response.status_code == 403:
            refused.append(f"{url} (linked from {found_on})")
        if response.status_code == 302 and response["Location"].startswith("/"):
            queue.append((response["Location"], url))
        route = _route(url)
        if response.status_code != 200 or route in visited_routes:
            continue
        visited_routes.add(route)
        if "text/html" in response.get("Content-Type", ""):
            queue += [(href.replace("&amp;", "&"), url) for href in HREF.findall(response.text)]
    return refused


@pytest.mark.parametrize("role", ROLES)
def test_no_page_links_a_person_to_a_page_that_refuses_them(world, role):
    client = Client()
    client.force_login(world.users[role])
    refused = _refused_links(client)
    assert refused == [], "\n".join(refused)
