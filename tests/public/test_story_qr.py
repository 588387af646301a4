"""The booth card and the A6 table card carry a QR code that opens the group's story page."""

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from tests.accounts.helpers import path_of, qr_links
from tests.public.helpers import STORY, hold_booth, showcase_group


@pytest.fixture
def holder(db, producer_user):
    group, product, profile = showcase_group(producer_user)
    profile.show_story = True
    profile.save()
    group.members.add(producer_user)
    _fair, booth, application = hold_booth(group)
    return group, booth, application, profile


@pytest.mark.parametrize("card", ["booths:booth_card", "booths:table_card"])
def test_qr_on_the_card_opens_the_story_page_without_an_account(
    client_for, producer_user, holder, card
):
    group, booth, application, profile = holder
    response = client_for(producer_user).get(reverse(card, args=[application.pk]))
    assert response["Content-Type"] == "application/pdf"
    links = qr_links(response.content)
    assert links == [f"http://testserver{reverse('public:group', args=[profile.slug])}"]
    story = Client().get(path_of(links[0]))
    assert story.status_code == 200
    text = story.content.decode()
    assert group.name in text and STORY in text and booth.code in text


def test_table_card_is_one_a6_page(client_for, producer_user, holder):
    _group, _booth, application, _profile = holder
    response = client_for(producer_user).get(reverse("booths:table_card", args=[application.pk]))
    pages = PdfReader(__import__("io").BytesIO(response.content)).pages
    width_mm = float(pages[0].mediabox.width) / 72 * 25.4
    assert len(pages) == 1 and round(width_mm) == 105


def test_card_of_a_group_that_never_chose_opens_a_page_with_only_name_and_booth(
    client_for, producer_user, db
):
    from producers.models import PublicProfile
    from tests.factories import ProducerGroupFactory

    group = ProducerGroupFactory(members=[producer_user])
    _fair, booth, application = hold_booth(group, code="Q01")
    response = client_for(producer_user).get(reverse("booths:booth_card", args=[application.pk]))
    profile = PublicProfile.objects.get(group=group)
    assert not profile.is_public
    text = Client().get(path_of(qr_links(response.content)[0])).content.decode()
    assert group.name in text and "Q01" in text
    assert group.contact_name not in text and group.phone not in text
