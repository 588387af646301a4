"""What the booths app tells people: results, offers (made, expiring, lapsed), each once, in the
event's own transaction."""

import datetime

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from booths import notices
from booths.models import FairState, WaitlistOffer
from booths.services import expire_offers, publish_allocation, release_assignment, run_allocation
from otop_fair.notifications.catalogue import render
from otop_fair.notifications.models import Notification
from tests.factories import ApplicationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored(fair):
    fair.state = FairState.SCORING
    fair.save()
    zone = fair.zones.get()
    apps = [ApplicationFactory(fair=fair, status="eligible", zones=[zone]) for _ in range(6)]
    for app in apps:
        app.group.members.add(UserFactory(role="producer"))
    return fair, apps


def published(scored, officer):
    fair, apps = scored
    run = run_allocation(fair=fair, by=officer, seed=5)
    publish_allocation(fair=fair, run=run, by=officer)
    return fair, run


def texts(template):
    rows = Notification.objects.filter(template=template).order_by("pk")
    return [(row.recipient, render(row.template, row.context)) for row in rows]


def test_publishing_tells_every_applicant_their_first_line_and_a_link(scored, cm_officer):
    fair, run = published(scored, cm_officer)
    told = texts("results_published")
    assert len(told) == 6
    for result in run.results.select_related("application__group"):
        (member,) = result.application.group.members.all()
        (text,) = [t for user, t in told if user == member]
        assert result.explanation.split("\n")[0][:50] in text
        assert f"/fairs/applications/{result.application_id}/result/" in text
    assert {row.province_id for row in Notification.objects.all()} == {fair.province_id}


def test_an_offer_tells_the_group_its_deadline_in_buddhist_era_and_how_to_answer(
    scored, cm_officer
):
    fair, run = published(scored, cm_officer)
    holding = fair.assignments.filter(status="active").select_related("booth", "fair").first()
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    offer = WaitlistOffer.objects.get()
    ((member, text),) = texts("offer_made")
    assert member in offer.application.group.members.all()
    deadline = timezone.localtime(offer.deadline)
    assert str(deadline.year + 543)[2:] in text and f"{deadline:%H:%M}" in text
    assert holding.booth.code in text and "/fairs/offers/answer/" in text


def test_an_offer_lapses_with_a_message_and_every_new_offer_is_told(scored, cm_officer):
    fair, run = published(scored, cm_officer)
    holding = fair.assignments.filter(status="active").select_related("booth", "fair").first()
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    expire_offers(fair=fair, now=timezone.now() + datetime.timedelta(days=3))
    assert len(texts("offer_lapsed")) == 1
    assert len(texts("offer_made")) == WaitlistOffer.objects.count()


def test_an_offer_ending_within_a_day_is_reminded_once(scored, cm_officer):
    fair, run = published(scored, cm_officer)
    holding = fair.assignments.filter(status="active").select_related("booth", "fair").first()
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    assert notices.offers_expiring() == 0  # 48 hours left
    later = timezone.now() + datetime.timedelta(hours=30)
    assert notices.offers_expiring(now=later) == 1
    assert notices.offers_expiring(now=later) == 0


def test_an_event_that_rolls_back_tells_nobody(scored, cm_officer):
    with pytest.raises(RuntimeError), transaction.atomic():
        published(scored, cm_officer)
        raise RuntimeError
    assert not Notification.objects.exists()


def _link_of(offer):
    row = Notification.objects.get(template="offer_made", dedupe_key=f"offer_made:{offer.pk}")
    return row.context["link"].removeprefix(settings.SITE_URL)


def _offered_with_link(scored, cm_officer):
    """A booth released at a published fair, offered to the next group with its one-tap link."""
    fair, run = published(scored, cm_officer)
    holding = fair.assignments.filter(status="active").select_related("booth", "fair").first()
    release_assignment(assignment=holding, by=cm_officer, reason="ถอนตัว")
    offer = WaitlistOffer.objects.get()
    return fair, holding, offer, _link_of(offer)


def test_the_one_tap_link_accepts_without_signing_in(scored, cm_officer, client):
    fair, holding, offer, link = _offered_with_link(scored, cm_officer)
    page = client.get(link).content.decode()
    assert holding.booth.code in page and "รับบูธ" in page
    offer.refresh_from_db()
    assert offer.status == "pending"  # opening the link (a preview, a crawler) answers nothing
    client.post(link, {"answer": "accept"})  # a tap on a page shown before the split
    offer.refresh_from_db()
    assert offer.status == "pending"  # shown again, not guessed
    client.post(link + "accept/")
    offer.refresh_from_db()
    assert offer.status == "accepted"
    assert fair.assignments.get(application=offer.application, status="active")


def test_the_one_tap_link_declines_on_its_own_url(scored, cm_officer, client):
    _fair, _holding, offer, link = _offered_with_link(scored, cm_officer)
    page = client.get(link).content.decode()
    assert f'action="{link}accept/"' in page and f'formaction="{link}decline/"' in page
    assert client.get(link + "decline/").status_code == 405  # a preview answers nothing
    client.post(link + "decline/")
    offer.refresh_from_db()
    assert offer.status == "declined"


def test_a_forged_or_altered_link_is_refused(scored, cm_officer, client):
    _fair, _holding, _offer, link = _offered_with_link(scored, cm_officer)
    assert client.post(link[:-3] + "abc/accept/").status_code == 404
    assert client.post(link[:-3] + "abc/decline/").status_code == 404
    assert client.get("/fairs/offers/answer/not-a-token/").status_code == 404
    assert WaitlistOffer.objects.get().status == "pending"


def test_before_publishing_the_officer_sees_whether_the_line_quota_suffices(
    scored, cm_officer, client_for, settings
):
    from otop_fair.notifications.models import ContactPreference

    settings.LINE_CHANNEL_ACCESS_TOKEN, settings.LINE_MONTHLY_PUSH_QUOTA = "token", 2
    fair, apps = scored
    for i, app in enumerate(apps):
        ContactPreference.objects.create(user=app.group.members.get(), line_user_id=f"U{i}")
    run = run_allocation(fair=fair, by=cm_officer, seed=5)
    page = client_for(cm_officer).get(f"/fairs/runs/{run.pk}/").content.decode()
    assert "เหลือ 2 ข้อความนี้ต้องใช้ 6" in page
    assert "โควตา LINE ไม่พอ" in page and "พิมพ์แล้วส่งให้ด้วยมือ: 4" in page
