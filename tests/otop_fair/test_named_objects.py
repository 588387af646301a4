"""Views get named objects (issue 15): `@requires` hands a view the object its URL names, by name,
and every id in a URL says which model it is (`<int:fair_id>`), so no view reads a bare `pk`."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import get_resolver

from otop_fair.permissions import requires
from tests.otop_fair.test_url_walk import walk

# Parameters that are numbers but not ids: a photo's place among a product's photos.
NOT_IDS = {("public:photo", "position")}


def _fair_from(request, fair_id):
    return {"fair_id": fair_id}


def test_the_older_get_object_form_is_refused():
    with pytest.raises(TypeError, match="get_object"):
        requires("booths.manage_fair", get_object=_fair_from)


def test_a_getter_taking_every_url_parameter_is_refused():
    def loose(request, fair_id, **kwargs):
        return fair_id

    with pytest.raises(TypeError, match="must name its URL parameters"):
        requires("booths.manage_fair", fair=loose)


def test_two_objects_are_refused():
    with pytest.raises(TypeError, match="one object"):
        requires("booths.manage_fair", fair=_fair_from, other=_fair_from)


def test_the_view_gets_the_object_by_name_and_not_the_id_the_getter_took():
    seen = {}

    @requires("public", fair=_fair_from)
    def view(request, **kwargs):
        seen.update(kwargs)
        return "page"

    request = RequestFactory().get("/")
    request.user = type("Anyone", (), {"has_perm": lambda self, perm, obj: True})()
    assert view(request, fair_id=7, fmt="csv") == "page"
    assert seen == {"fair": {"fair_id": 7}, "fmt": "csv"}


def test_a_refused_user_never_reaches_the_view():
    @requires("booths.manage_fair", fair=_fair_from)
    def view(request, fair):
        raise AssertionError("reached")

    request = RequestFactory().get("/")
    request.user = type("Nobody", (), {"has_perm": lambda self, perm, obj: False})()
    with pytest.raises(PermissionDenied):
        view(request, fair_id=7)


URL_IDS = [
    (name, parameter)
    for name, _route, pattern in walk(get_resolver().url_patterns)
    if not name.startswith("admin:")
    for parameter, converter in pattern.pattern.converters.items()
    if type(converter).__name__ == "IntConverter"
]


@pytest.mark.parametrize(("name", "parameter"), URL_IDS)
def test_every_id_in_a_url_names_its_model(name, parameter):
    assert parameter.endswith("_id") or (name, parameter) in NOT_IDS, (
        f"{name}: <int:{parameter}> — name the id after its model (<int:fair_id>)"
    )
