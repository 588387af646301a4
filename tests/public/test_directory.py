"""The shoppers' directory: search through public fields only, the map highlights what it finds,
a booth's page opens from the map, and the queries stay constant as the fair grows."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape

from booths.models import Assignment, FairState
from producers.models import PublicProfile
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    StarRatingFactory,
    ZoneFactory,
)


def _fair_with_holders(count, *, shows=True):
    fair = FairFactory(state=FairState.RUNNING)
    zone = ZoneFactory(fair=fair, code="A")
    groups = []
    for n in range(count):
        group = ProducerGroupFactory(name=f"กลุ่มที่ {n}")
        ProductFactory(group=group, name=f"ทั่วไป {n}", category="food")
        booth = BoothFactory(zone=zone, code=f"A{n:03d}")
        application = ApplicationFactory(fair=fair, group=group, status="selected")
        Assignment.objects.create(fair=fair, booth=booth, application=application)
        PublicProfile.objects.create(group=group, show_products=shows, show_location=shows)
        groups.append(group)
    return fair, groups


def _highlighted(html):
    return re.findall(r'booth/([^/]+)/"><rect class="match"', html)


@pytest.fixture
def fair_and_groups(db):
    return _fair_with_holders(3)


def test_thai_search_finds_a_product_typed_with_decomposed_sara_am(client, fair_and_groups):
    fair, groups = fair_and_groups
    ProductFactory(group=groups[1], name="น้ำพริกเผา", category="food")
    typed = "น\u0e49\u0e4d\u0e32พริก\u200b"  # sara am typed as two marks, and an invisible space
    html = client.get(reverse("public:directory", args=[fair.pk]), {"q": typed}).content.decode()
    assert _highlighted(html) == ["A001"]


def test_search_never_matches_what_a_group_keeps_private(client, fair_and_groups):
    fair, groups = fair_and_groups
    ProductFactory(group=groups[2], name="สบู่สมุนไพรลับ", category="herbal")
    StarRatingFactory(product=groups[2].products.first(), certificate_no="X")
    PublicProfile.objects.filter(group=groups[2]).update(show_products=False, show_location=False)
    url = reverse("public:directory", args=[fair.pk])
    for query in (
        {"q": "สบู่สมุนไพรลับ"},
        {"category": "herbal"},
        {"province": groups[2].province_id},
        {"stars": "4"},
    ):
        html = client.get(url, query).content.decode()
        assert "A002" not in _highlighted(html), query


def test_search_by_category_province_and_stars_highlights_the_matching_booths(
    client, fair_and_groups
):
    fair, groups = fair_and_groups
    ProductFactory(group=groups[0], category="herbal")
    StarRatingFactory(product=groups[0].products.first())
    PublicProfile.objects.filter(group=groups[0]).update(show_ratings=True)
    url = reverse("public:directory", args=[fair.pk])
    assert _highlighted(client.get(url, {"category": "herbal"}).content.decode()) == ["A000"]
    assert _highlighted(client.get(url, {"stars": "4"}).content.decode()) == ["A000"]
    by_province = client.get(url, {"province": "50"}).content.decode()
    assert _highlighted(by_province) == ["A000", "A001", "A002"]


def test_a_booth_page_opens_from_the_map(client, fair_and_groups):
    fair, groups = fair_and_groups
    html = client.get(reverse("public:directory", args=[fair.pk])).content.decode()
    booth_url = reverse("public:booth", args=[fair.pk, "A001"])
    assert f'href="{booth_url}"' in html
    booth = client.get(booth_url).content.decode()
    assert groups[1].name in booth
    assert reverse("public:group", args=[groups[1].public_profile.slug]) in booth


def test_unpublished_fair_has_no_directory(client, db):
    draft = FairFactory(state=FairState.OPEN)
    assert client.get(reverse("public:directory", args=[draft.pk])).status_code == 404


def test_bad_search_input_gets_a_page_not_an_error(client, fair_and_groups):
    fair, _groups = fair_and_groups
    url = reverse("public:directory", args=[fair.pk])
    for query in ({"stars": "9"}, {"province": "ZZ"}, {"q": "x" * 500}):
        assert client.get(url, query).status_code == 200
    # A NUL is refused whole, as everywhere in the app (RefuseNulCharactersMiddleware).
    assert client.get(url, {"q": "\x00"}).status_code == 400


@pytest.mark.parametrize("count", [3, 12])
def test_directory_queries_stay_constant(client, db, django_assert_max_num_queries, count):
    fair, _groups = _fair_with_holders(count)
    client.get(reverse("public:directory", args=[fair.pk]))  # draws the fair's plan once
    # Seven reads of the fair's data; the rest is the shared cache (rate count, version, page).
    with django_assert_max_num_queries(28):
        client.get(reverse("public:directory", args=[fair.pk]), {"q": "กลุ่ม", "stars": "3"})


@pytest.mark.parametrize("code", ["ก/12", "A 7", "B&C", "โซน๑-3"])
def test_any_booth_code_an_officer_types_opens_from_the_map(client, db, code):
    fair = FairFactory(state=FairState.RUNNING)
    BoothFactory(zone=ZoneFactory(fair=fair), code=code)
    html = client.get(reverse("public:directory", args=[fair.pk])).content.decode()
    links = re.findall(r'<a href="(/otop/fair/\d+/booth/[^"]+)"><rect', html)
    assert len(links) == 1
    page = client.get(links[0])
    assert page.status_code == 200
    assert escape(code) in page.content.decode()
