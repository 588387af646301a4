"""The shopper's pages on a phone in the hall: after a first visit the directory with its map, a
booth's page and a product-story page (with its photo) open again with the network cut, marked as
an offline copy; a page never visited says plainly that it was not kept."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from producers.models import PUBLIC_SWITCHES
from tests.conftest import ARTIFACTS
from tests.factories import UserFactory
from tests.public.helpers import STORY, hold_booth, showcase_group
from tests.sales.phone_queue import poll

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PUBLIC_KEPT = """async () => {
  const names = (await caches.keys()).filter(n => n.startsWith('otop-public-'));
  if (!names.length) return [];
  return (await (await caches.open(names[0])).keys()).map(r => new URL(r.url).pathname);
}"""


@pytest.fixture
def shown_at_a_fair():
    group, product, profile = showcase_group(UserFactory(role="officer", username="officer_pub"))
    for name in PUBLIC_SWITCHES:
        setattr(profile, name, True)
    profile.save()
    fair, booth, _ = hold_booth(group)
    return fair, booth, product, profile


def test_public_pages_open_offline_after_the_first_visit(live_server, phone_page, shown_at_a_fair):
    fair, booth, product, profile = shown_at_a_fair
    base = live_server.url
    directory = reverse("public:directory", args=[fair.pk])
    pages = [
        directory,
        reverse("public:booth", args=[fair.pk, booth.code]),
        reverse("public:product", args=[profile.slug, product.public_slug]),
    ]
    phone_page.goto(base + pages[0])
    poll(phone_page, lambda: phone_page.evaluate("!!navigator.serviceWorker.controller"))
    for path in pages:
        phone_page.goto(base + path)
    poll(phone_page, lambda: set(pages) <= set(phone_page.evaluate(PUBLIC_KEPT)))
    assert any("/photo/" in path for path in phone_page.evaluate(PUBLIC_KEPT))

    phone_page.context.set_offline(True)
    for path in pages:
        phone_page.goto(base + path)
        expect(phone_page.locator("#offline-note")).to_be_visible()
        expect(phone_page.locator("#offline-note")).to_contain_text("สำเนาออฟไลน์")
    expect(phone_page.locator("main")).to_contain_text(STORY)
    assert phone_page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth)")
    phone_page.goto(base + directory)
    expect(phone_page.locator(f'svg a[href*="{booth.code}"]')).to_be_visible()
    phone_page.screenshot(path=str(ARTIFACTS / "public-directory-offline-360.png"), full_page=True)

    phone_page.goto(f"{base}{directory}?q=never-searched")
    expect(phone_page.locator("body")).to_contain_text("ออฟไลน์")
    assert phone_page.locator("#offline-note").count() == 0


def test_a_public_page_online_carries_no_offline_note(live_server, phone_page, shown_at_a_fair):
    fair, *_ = shown_at_a_fair
    phone_page.goto(live_server.url + reverse("public:directory", args=[fair.pk]))
    expect(phone_page.locator("#offline-note")).to_be_hidden()
