import datetime
from decimal import Decimal

import pytest
from simple_history.models import registered_models

from booths.models import FairState, Score
from otop_fair import audit
from otop_fair.audit import save_with_history
from otop_fair.audit_scope import audited_province_lookups
from tests.factories import (
    CriterionFactory,
    FairFactory,
    ProducerGroupFactory,
    ReviewFactory,
    StarRatingFactory,
    UserFactory,
    VisitFactory,
    officer_of,
)


@pytest.fixture
def officer_50(db):
    return officer_of("50", username="officer_50")


@pytest.fixture
def officer_10(db):
    return officer_of("10", username="officer_10")


def _change_phone(group, by, phone):
    group.phone = phone
    save_with_history(group, by=by)


def test_officer_sees_who_changed_what_before_and_after(client_for, officer_50):
    group = ProducerGroupFactory(name="กลุ่มทอผ้าบ้านดอน", phone="0811111111")
    _change_phone(group, officer_50, "0822222222")
    page = client_for(officer_50).get("/audit/").content.decode()
    assert "กลุ่มทอผ้าบ้านดอน" in page
    assert "0811111111" in page and "0822222222" in page
    assert officer_50.get_full_name() in page


def test_an_officer_of_another_province_never_reads_a_groups_contact_history(
    client_for, officer_50, officer_10
):
    group = ProducerGroupFactory(name="กลุ่มทอผ้าบ้านดอน", phone="0811111111")
    _change_phone(group, officer_50, "0822222222")
    client = client_for(officer_10)
    for url in ("/audit/", "/audit/?model=producers.producergroup", "/audit/?user=officer_50"):
        page = client.get(url).content.decode()
        assert "0811111111" not in page and "กลุ่มทอผ้าบ้านดอน" not in page


def test_a_superuser_reads_every_province(client_for, officer_50):
    group = ProducerGroupFactory(name="กลุ่มทอผ้าบ้านดอน", phone="0811111111")
    _change_phone(group, officer_50, "0822222222")
    root = UserFactory(username="root", role="", is_superuser=True)
    assert "0822222222" in client_for(root).get("/audit/").content.decode()


def _scored(state):
    fair = FairFactory(state=state)
    review = ReviewFactory(application__fair=fair)
    score = Score.objects.create(
        review=review, criterion=CriterionFactory(fair=fair), value=Decimal("6.00"), comment="-"
    )
    score.value, score.comment = Decimal("7.50"), "ฉลากยังไม่ชัด"
    score.save()
    return fair


@pytest.mark.parametrize("state", [FairState.OPEN, FairState.SCORING])
def test_scores_and_comments_stay_hidden_until_scoring_closes(client_for, db, state):
    fair = _scored(state)
    officer = officer_of(fair.province_id, username="fair_officer")
    root = UserFactory(username="root", role="", is_superuser=True)
    for reader in (officer, root):
        page = client_for(reader).get("/audit/?model=booths.score").content.decode()
        assert "ฉลากยังไม่ชัด" not in page and "7.50" not in page


def test_scores_show_to_the_fairs_officers_once_scoring_has_closed(client_for, db):
    fair = _scored(FairState.ALLOCATED)
    officer = officer_of(fair.province_id, username="fair_officer")
    page = client_for(officer).get("/audit/?model=booths.score").content.decode()
    assert "ฉลากยังไม่ชัด" in page


def test_every_audited_model_names_its_province():
    """A newly audited model must say whose it is, or only superusers would read it."""
    tracked = {key for key, _label in audit.tracked_models()}
    assert tracked == set(audited_province_lookups())


def test_audit_trail_can_be_filtered_by_what_changed(client_for, officer_50):
    ProducerGroupFactory(name="กลุ่มจักสานหนองบัว")
    client = client_for(officer_50)
    assert "กลุ่มจักสานหนองบัว" in client.get("/audit/?model=producers.producergroup").content.decode()
    assert "กลุ่มจักสานหนองบัว" not in client.get("/audit/?model=booths.fair").content.decode()


def test_audit_trail_is_officers_only(client_for, producer_user):
    assert client_for(producer_user).get("/audit/").status_code == 403


def _history_of_visits(count, officers):
    for n in range(count):
        g = ProducerGroupFactory()
        g.phone = f"08{n:08d}"
        g.save()
        visit = VisitFactory(group=g, officer=officers[0])
        visit.officer = officers[1]
        visit.save()


def test_audit_page_query_count_does_not_grow_with_history(
    client_for, officer_50, django_assert_max_num_queries
):
    client = client_for(officer_50)
    officers = [officer_of("50", username=f"o{n}") for n in range(2)]
    _history_of_visits(2, officers)
    with django_assert_max_num_queries(80) as small:
        client.get("/audit/")
    _history_of_visits(40, officers)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/audit/")


def test_a_change_to_something_since_deleted_still_shows_to_a_superuser(client_for, db):
    rating = StarRatingFactory(certificate_no="OTOP-OLD-1")
    rating.certificate_no = "OTOP-NEW-2"
    rating.save()
    rating.product.delete()
    root = UserFactory(username="root", role="", is_superuser=True)
    page = client_for(root).get("/audit/")
    assert page.status_code == 200
    assert "OTOP-NEW-2" in page.content.decode()


# The trail reads as Thai (issue 12, point 11).


def _audited_fields():
    for model in {m for m in registered_models.values() if not m._meta.auto_created}:
        for model_field in model._meta.concrete_fields:
            if not model_field.primary_key and model_field.name not in audit.DERIVED_FIELDS:
                yield model, model_field


def test_every_audited_field_has_a_thai_label_not_its_attribute_name():
    from django.utils import translation

    with translation.override("th"):
        raw = [
            f"{model._meta.label_lower}.{f.name}"
            for model, f in _audited_fields()
            if audit.field_label(f).lower() in (f.name, f.name.replace("_", " "))
            or audit.field_label(f).isascii()
        ]
    assert not raw, f"labels still in English or raw: {raw}"


def test_a_change_reads_with_names_thai_labels_and_buddhist_era_dates(client_for, officer_50):
    group = ProducerGroupFactory(name="กลุ่มทอผ้าบ้านดอน")
    other = officer_of("50", username="somchai")
    other.first_name, other.last_name = "สมชาย", "ใจดี"
    other.save()
    visit = VisitFactory(group=group, officer=officer_50, visited_on=datetime.date(2026, 3, 2))
    visit.officer = other
    visit.visited_on = datetime.date(2026, 11, 24)
    save_with_history(visit, by=officer_50)
    page = client_for(officer_50).get("/audit/?model=producers.visit").content.decode()
    changes = page.split('<ul class="list-unstyled small mb-0">', 1)[1].split("</ul>", 1)[0]
    assert "สมชาย ใจดี" in changes  # the officer by name, not by number
    assert "24 พฤศจิกายน 2569" in changes and "2 มีนาคม 2569" in changes
    assert "2026" not in changes


def test_choices_read_by_their_thai_label(client_for, db):
    fair = FairFactory(state=FairState.DRAFT)
    fair.state = FairState.OPEN
    fair.save()
    officer = officer_of(fair.province_id, username="fair_officer")
    page = client_for(officer).get("/audit/?model=booths.fair").content.decode()
    assert "ร่าง" in page and "draft" not in page.split("<ol", 1)[1]


def test_times_show_without_microseconds():
    stamp = datetime.datetime(2026, 11, 24, 7, 5, 9, 123456, tzinfo=datetime.UTC)
    from sales.models import IssueReport

    shown = audit.show_value(stamp, IssueReport._meta.get_field("resolved_at"))
    assert shown == "24 พ.ย. 69 14:05"
