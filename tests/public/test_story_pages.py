"""Product-story pages: only what the group switched on, light, shareable, never a way into the app."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from producers.models import PUBLIC_SWITCHES, Product
from tests.otop_fair.test_url_walk import PUBLIC_FACE
from tests.public.helpers import (
    CONTACT,
    GROUP_CERTIFICATE,
    PERSONAL,
    PHOTO,
    PRICE,
    RATING_CERTIFICATE,
    STORY,
    STORY_EN,
    hold_booth,
    showcase_group,
)

# Each switch and the texts it alone reveals.
REVEALS = {
    "show_story": (STORY, STORY_EN),
    "show_products": (PRICE, PHOTO),
    "show_ratings": (RATING_CERTIFICATE, GROUP_CERTIFICATE),
    "show_contact": (CONTACT,),
}


@pytest.fixture
def showcase(db, producer_user):
    return showcase_group(producer_user)


def pages_of(client, profile, product):
    """The group page and (when the group shows products) the product page, as text."""
    texts = [client.get(reverse("public:group", args=[profile.slug])).content.decode()]
    response = client.get(reverse("public:product", args=[profile.slug, product.public_slug]))
    if profile.show_story or profile.show_products:
        assert response.status_code == 200
        texts.append(response.content.decode())
    else:
        assert response.status_code == 404
    return texts


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(switches=st.fixed_dictionaries({name: st.booleans() for name in PUBLIC_SWITCHES}))
def test_a_switched_off_part_never_appears_publicly(client, showcase, switches):
    group, product, profile = showcase
    for name, value in switches.items():
        setattr(profile, name, value)
    profile.save()
    location = group.subdistrict.district.name_th
    for text in pages_of(client, profile, product):
        assert group.name in text
        for switch, marks in REVEALS.items():
            for mark in marks:
                if switches[switch]:
                    # Certificates and stories show on the page where they belong.
                    continue
                assert mark not in text, (switch, mark)
        assert (location in text) == switches["show_location"]
        for personal in (*PERSONAL, group.registration_no):
            assert personal not in text


def test_each_switched_on_part_appears_on_the_product_page(client, showcase):
    group, product, profile = showcase
    for name in PUBLIC_SWITCHES:
        setattr(profile, name, True)
    profile.save()
    text = client.get(reverse("public:product", args=[profile.slug, product.public_slug]))
    text = text.content.decode()
    for marks in REVEALS.values():
        for mark in marks:
            if mark != GROUP_CERTIFICATE:
                assert mark in text, mark
    assert group.subdistrict.district.name_th in text
    group_page = client.get(reverse("public:group", args=[profile.slug])).content.decode()
    assert GROUP_CERTIFICATE in group_page


def test_story_page_carries_open_graph_title_description_and_image(client, showcase):
    _group, product, profile = showcase
    profile.show_story = profile.show_products = True
    profile.save()
    text = client.get(reverse("public:product", args=[profile.slug, product.public_slug]))
    tags = dict(
        re.findall(r'<meta property="(og:[a-z]+)" content="([^"]*)"', text.content.decode())
    )
    assert product.name in tags["og:title"]
    assert STORY[:20] in tags["og:description"]
    assert tags["og:image"].startswith("http://testserver/otop/")
    assert client.get(tags["og:image"].removeprefix("http://testserver")).status_code == 200


def test_story_page_is_light_and_runs_only_the_offline_script(client, showcase):
    group, product, profile = showcase
    for name in PUBLIC_SWITCHES:
        setattr(profile, name, True)
    profile.save()
    for n in range(8):
        Product.objects.create(
            group=group, name=f"สินค้า {n}", category="food", story_origin=STORY * 5
        )
    hold_booth(group)
    for url in (
        reverse("public:group", args=[profile.slug]),
        reverse("public:product", args=[profile.slug, product.public_slug]),
    ):
        body = client.get(url).content
        fonts = re.findall(r'url\("/static/([^"]+)"\)', body.decode())
        # The one script registers the service worker that keeps the page for offline use.
        scripts = re.findall(r'<script src="/static/([^"]+)"', body.decode())
        assert scripts == ["js/public-offline.js"] and body.count(b"<script") == 1
        files = fonts + scripts
        weight = len(body) + sum(Path(finders.find(f)).stat().st_size for f in files)
        assert weight <= 60 * 1024, (url, weight)
        assert b"bootstrap" not in body
        assert not re.findall(rb"<link[^>]+stylesheet", body)


def _links(html):
    return re.findall(r'(?:href|src)="([^"#]+)"', html)


def test_public_pages_link_only_to_public_pages(client, showcase):
    group, product, profile = showcase
    for name in PUBLIC_SWITCHES:
        setattr(profile, name, True)
    profile.save()
    fair, booth, _application = hold_booth(group)
    urls = [
        reverse("public:group", args=[profile.slug]),
        reverse("public:product", args=[profile.slug, product.public_slug]),
        reverse("public:directory", args=[fair.pk]) + "?q=ผ้า",
        reverse("public:booth", args=[fair.pk, booth.code]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        for link in _links(response.content.decode()):
            if link.startswith("/static/"):
                continue
            try:
                name = resolve(link.split("?")[0]).view_name
            except Resolver404:
                pytest.fail(f"{url} links to {link}, which is no page")
            assert name in PUBLIC_FACE, f"{url} links into the app: {link}"


def test_ids_do_not_open_public_pages(client, showcase):
    group, product, profile = showcase
    profile.show_story = True
    profile.save()
    assert client.get(f"/otop/{group.pk}/").status_code == 404
    assert client.get(f"/otop/{profile.slug}/{product.pk}/").status_code == 404
    assert client.get(reverse("public:group", args=[profile.slug])).status_code == 200


def test_officer_hides_a_page_with_a_reason_kept_in_the_history(
    client, client_for, showcase, officer
):
    group, _product, profile = showcase
    officer.officer_provinces.add(group.province)
    profile.show_story = True
    profile.save()
    url = reverse("public:group", args=[profile.slug])
    assert client.get(url).status_code == 200
    reason = "ใช้ภาพสินค้าของผู้อื่น"
    response = client_for(officer).post(
        reverse("producers:public_hide", args=[group.pk]), {"reason": reason}
    )
    assert response.status_code == 302
    assert client.get(url).status_code == 404
    last = profile.history.first()
    assert (last.is_hidden, last.hidden_reason, last.history_user) == (True, reason, officer)
    assert last.history_change_reason == reason


def test_hiding_without_a_reason_is_refused_in_thai(client_for, showcase, officer):
    group, _product, profile = showcase
    officer.officer_provinces.add(group.province)
    response = client_for(officer).post(
        reverse("producers:public_hide", args=[group.pk]), {"reason": " \u200b "}
    )
    assert response.status_code == 200
    errors = response.context["hide_form"].errors["reason"]
    assert errors and all(re.search("[\u0e00-\u0e7f]", str(e)) for e in errors)
    profile.refresh_from_db()
    assert not profile.is_hidden


def test_group_member_switches_parts_on_from_the_settings_page(
    client, client_for, showcase, producer_user
):
    group, _product, profile = showcase
    group.members.add(producer_user)
    response = client_for(producer_user).post(
        reverse("producers:public_settings", args=[group.pk]),
        {"show_contact": "on", "contact_channel": "@ใหม่\u200b"},
    )
    assert response.status_code == 302
    text = client.get(reverse("public:group", args=[profile.slug])).content.decode()
    assert "@ใหม่" in text and "\u200b" not in text
    assert STORY not in text


@pytest.mark.parametrize("extra_products", [0, 8])
def test_story_page_queries_stay_constant(
    client, showcase, django_assert_max_num_queries, extra_products
):
    group, _product, profile = showcase
    for name in PUBLIC_SWITCHES:
        setattr(profile, name, True)
    profile.save()
    for n in range(extra_products):
        Product.objects.create(group=group, name=f"สินค้า {n}", category="food")
    hold_booth(group)
    # Nine reads of the group's data; the rest is the shared cache (rate count, page).
    with django_assert_max_num_queries(22):
        client.get(reverse("public:group", args=[profile.slug]))
