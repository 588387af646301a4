"""List and detail agree, for every model with `visible_to` and every role of the matrix world.

For each such model (found through the app registry, so a new one fails here until its pages are
named below) and each role: the rows `Model.objects.visible_to(user)` returns, the rows the
object predicate allows, the rows whose detail page answers 200 and the rows its list pages show
are one and the same set. A model without a detail page (or object predicate) compares what it
has.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.urls import resolve, reverse

from otop_fair.rules import sees_row
from tests.matrix_world import OFFICE_ROLES, ROLES, signed_in_clients, world_fixture
from tests.sales.test_visible_to import SHOWN_ON


def _pks(items):
    """The pks of what a page lists: objects, (object, extra) pairs or bare ids."""
    items = getattr(items, "object_list", items)
    rows = (item[0] if isinstance(item, tuple) else item for item in items)
    return {getattr(row, "pk", row) for row in rows}


def shown(key):
    """The rows a list page shows under the context name `key`."""
    return lambda response: _pks(response.context[key])


def shown_or_opened(key):
    """A list that opens its only row's detail page directly (a producer with one group)."""

    def read(response):
        if response.status_code == 302:
            return {resolve(response["Location"]).kwargs["group_id"]}
        return _pks(response.context[key])

    return read


@dataclass(frozen=True)
class Pages:
    lists: Callable  # world → [(url, reader of the rows shown)]
    detail: Callable | None = None  # object → its detail page's url
    # The object predicate: a permission's name, or None for the shared `sees_row`.
    perm: str | None = None


PAGES = {
    "booths.fair": Pages(
        lists=lambda w: [(reverse("booths:fair_list"), shown("fairs"))],
        detail=lambda fair: reverse("booths:fair_detail", args=[fair.pk]),
        perm="booths.manage_fair",
    ),
    "booths.application": Pages(
        lists=lambda w: [
            (reverse("booths:my_applications"), shown("applications")),
            *(
                (reverse("booths:application_list", args=[fair.pk]), shown("page"))
                for fair in apps.get_model("booths", "Fair").objects.all()
            ),
        ],
        detail=lambda application: reverse("booths:result", args=[application.pk]),
        perm="booths.view_result",
    ),
    "producers.producergroup": Pages(
        lists=lambda w: [
            (reverse("producers:group_list"), shown("page")),
            (reverse("producers:my_groups"), shown_or_opened("groups")),
        ],
        detail=lambda group: reverse("producers:group_detail", args=[group.pk]),
        perm="producers.view_group",
    ),
    "producers.groupmergecandidate": Pages(
        lists=lambda w: [(reverse("producers:group_list"), shown("merge_pairs"))],
    ),
    "notifications.notification": Pages(
        lists=lambda w: [(reverse("notifications:log"), shown("page"))],
    ),
    # The ledger shows the newest rows only; the world has fewer.
    "sales.channelsale": Pages(lists=lambda w: [(reverse("sales:channel_list"), shown("sales"))]),
}

# The sales models are checked row by row against their pages' permissions in
# tests/sales/test_visible_to.py (SHOWN_ON); every other model with visible_to is named here.
CHECKED_IN_SALES = {model._meta.label_lower for model in SHOWN_ON} - set(PAGES)
MODELS = sorted(
    model._meta.label_lower
    for model in apps.get_models()
    if hasattr(model._default_manager, "visible_to")
    and model._meta.label_lower not in CHECKED_IN_SALES
)
SIGNED_IN = [role for role in (*ROLES, *OFFICE_ROLES) if role != "anon"]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from world_fixture(django_db_blocker, tmp_path_factory.mktemp("visible_media"))


@pytest.fixture(scope="module")
def clients(world):
    return signed_in_clients(world)


def test_every_model_with_visible_to_names_its_pages():
    assert set(MODELS) == set(PAGES), (
        "Name the list and detail pages of each model with visible_to: "
        f"missing {sorted(set(MODELS) - set(PAGES))}, stale {sorted(set(PAGES) - set(MODELS))}"
    )


def _listed(client, world, pages):
    rows = set()
    for url, read in pages.lists(world):
        response = client.get(url)
        signed_out = response.status_code == 302 and "/accounts/login/" in response["Location"]
        if response.status_code in (200, 302) and not signed_out:
            rows |= read(response)
    return rows


def _allowed_by_predicate(user, pages, objects):
    if pages.perm:
        return {obj.pk for obj in objects if user.has_perm(pages.perm, obj)}
    return {obj.pk for obj in objects if sees_row(user, obj)}


@pytest.mark.parametrize("role", SIGNED_IN)
@pytest.mark.parametrize("label", MODELS)
def test_list_detail_visible_to_and_predicate_agree(db, world, clients, label, role):
    model, pages = apps.get_model(label), PAGES[label]
    user, client = world.users[role], clients[role]
    objects = list(model._default_manager.all())
    visible = set(model._default_manager.visible_to(user).values_list("pk", flat=True))
    answers = {"listed": _listed(client, world, pages)}
    if pages.detail:
        answers["detail 200"] = {
            obj.pk for obj in objects if client.get(pages.detail(obj)).status_code == 200
        }
    if pages.perm or hasattr(model, "area"):
        answers["predicate"] = _allowed_by_predicate(user, pages, objects)
    disagree = {name: rows for name, rows in answers.items() if rows != visible}
    assert not disagree, f"{role} on {label}: visible_to {sorted(visible)}, but {disagree}"


def test_the_world_gives_each_model_rows_some_role_sees(db, world):
    """A model whose rows nobody sees would make the agreement above hold trivially."""
    empty = [
        label
        for label in MODELS
        if not apps.get_model(label)._default_manager.exists() and label in PAGES
    ]
    assert not empty, f"add rows to the matrix world for {empty}"
