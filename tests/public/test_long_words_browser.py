"""Long words a group types into its public story (a web address, a LINE account, a name without
spaces) wrap inside the page on a 360 px phone: a shopper never scrolls the page sideways."""

import pytest
from django.urls import reverse

from producers.models import Product, PublicProfile
from tests.conftest import ARTIFACTS
from tests.factories import UserFactory
from tests.public.helpers import hold_booth, showcase_group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ADDRESS = "https://www.facebook.com/groups/otop.nonkhor.silk.weaving/permalink/1234567890123456789/"
NAME = "ผ้าไหมมัดหมี่" + "x" * 60


@pytest.fixture
def story_with_long_words():
    group, product, profile = showcase_group(UserFactory(role="officer", username="officer_long"))
    Product.objects.filter(pk=product.pk).update(name=NAME, story_origin=ADDRESS)
    switches = [f.name for f in PublicProfile._meta.fields if f.name.startswith("show_")]
    PublicProfile.objects.filter(pk=profile.pk).update(
        contact_channel="@" + "baanphasilk" * 4, **dict.fromkeys(switches, True)
    )
    fair, booth, _ = hold_booth(group)
    product.refresh_from_db()
    profile.refresh_from_db()
    return fair, booth, product, profile


def test_long_words_in_a_story_wrap_inside_a_phone_screen(
    live_server, phone_page, story_with_long_words
):
    fair, booth, product, profile = story_with_long_words
    pages = {
        "group": reverse("public:group", args=[profile.slug]),
        "product": reverse("public:product", args=[profile.slug, product.public_slug]),
        "booth": reverse("public:booth", args=[fair.pk, booth.code]),
        "directory": reverse("public:directory", args=[fair.pk]),
    }
    for name, path in pages.items():
        phone_page.goto(live_server.url + path)
        phone_page.screenshot(path=str(ARTIFACTS / f"long-words-{name}-360.png"), full_page=True)
        assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360, name
