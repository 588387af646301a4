"""A zone's colour is only ever #rrggbb (it is written into the plan's SVG and styles); another
province's rubric is a copy source only when its fair shares it."""

import re

import pytest
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from booths.forms import ZoneForm
from booths.models import Criterion, Zone
from booths.rubric_forms import CopyCriteriaForm
from producers.models import Province
from tests.factories import FairFactory, officer_of

pytestmark = pytest.mark.django_db
RRGGBB = re.compile(r"#[0-9A-Fa-f]{6}")
colours = st.one_of(
    st.from_regex(RRGGBB, fullmatch=True),
    st.text(max_size=12),
    st.sampled_from(["red", "#fff", '#0d6efd"', "#0d6efd;x", "#0d6efd\n", "url(#a)", "#GGGGGG"]),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(colour=colours)
def test_the_zone_form_takes_only_rrggbb(colour):
    form = ZoneForm({"code": "A", "name": "ผ้า", "color": colour})
    # The form trims surrounding white space as every text field does; the rest must be exact.
    assert form.is_valid() == bool(RRGGBB.fullmatch(colour.strip())), (colour, form.errors)


@pytest.mark.parametrize("colour", ["#0d6efd\n", "#0d6efd\n\n"])
def test_a_colour_with_a_trailing_newline_fails_model_validation(colour):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        Zone(fair=FairFactory(), code="A", name="ผ้า", color=colour).full_clean()


def test_a_refused_colour_gets_a_thai_message_next_to_the_field():
    from django.utils import translation

    with translation.override("th"):
        form = ZoneForm({"code": "A", "name": "ผ้า", "color": "red;x:y"})
        assert "#rrggbb" in form.errors["color"][0]


@pytest.mark.parametrize("colour", ["red", "#fff", '#0d"/>x', "", "#12345g"])
def test_the_database_refuses_any_other_colour(colour):
    fair = FairFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Zone.objects.create(fair=fair, code="A", name="ผ้า", color=colour)


@pytest.fixture
def rubric_fairs(db):
    bangkok = FairFactory(province=Province.objects.get(code="10"))
    own = FairFactory()
    shared = FairFactory(province=bangkok.province, rubric_shared=True)
    private = FairFactory(province=bangkok.province)
    for fair in (shared, private):
        Criterion.objects.create(fair=fair, name="คุณภาพ", max_score=10)
    return own, shared, private


def test_another_provinces_rubric_is_a_copy_source_only_when_shared(rubric_fairs):
    own, shared, private = rubric_fairs
    officer = officer_of("50", username="o50")
    sources = set(CopyCriteriaForm(fair=own, user=officer).fields["source"].queryset)
    assert shared in sources and private not in sources


def test_an_officer_copies_their_own_provinces_rubric_shared_or_not(rubric_fairs):
    own, shared, private = rubric_fairs
    officer = officer_of("10", username="o10")
    sources = set(CopyCriteriaForm(fair=shared, user=officer).fields["source"].queryset)
    assert private in sources


def test_a_posted_private_rubric_of_another_province_is_refused(rubric_fairs):
    own, _shared, private = rubric_fairs
    officer = officer_of("50", username="o50")
    form = CopyCriteriaForm({"source": private.pk}, fair=own, user=officer)
    assert not form.is_valid() and "source" in form.errors
