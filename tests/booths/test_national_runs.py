"""A national fair's run: the quota table and the officer's release rule feed the national
allocation; the run page states the rule and the percentile ordering."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from booths.models import FairLevel, FairState, Nomination
from booths.services import run_allocation
from booths.services.quotas import save_quotas
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    FairFactory,
    ProducerGroupFactory,
    UserFactory,
    ZoneFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_office(db):
    return UserFactory(role="national_officer", username="head_office")


@pytest.fixture
def national(head_office):
    """Four booths; Chiang Mai sends three textile applicants, Nan one (all nominated by their
    districts); quotas 2 and 2."""
    fair = FairFactory(level=FairLevel.NATIONAL, state=FairState.SCORING, created_by=head_office)
    zone = ZoneFactory(fair=fair, code="A")
    for _ in range(4):
        BoothFactory(zone=zone)
    for province, count in (("50", 3), ("55", 1)):
        for _ in range(count):
            group = ProducerGroupFactory(province_code=province)
            application = ApplicationFactory(
                fair=fair, group=group, status="eligible", zones=[zone]
            )
            # Only applications their district nominated reach a national run.
            Nomination.objects.create(application=application, decision="nominated", by=head_office)
    quotas = {("50", "textile"): 2, ("55", "textile"): 2}
    save_quotas(fair=fair, table=quotas, by=head_office, reason="")
    return fair


@pytest.mark.parametrize(("release", "seated"), [("same_category", 4), ("keep_empty", 3)])
def test_the_quota_table_and_the_release_rule_decide_the_run(
    national, head_office, release, seated
):
    run = run_allocation(fair=national, by=head_office, rules={"release": release}, seed=5)
    assert run.seated_count == seated
    assert run.rules["release"] == release
    assert sorted(run.rules["quotas"]) == [["50", "textile", 2], ["55", "textile", 2]]
    explanations = list(run.results.values_list("explanation", flat=True))
    assert any("ของจังหวัดเชียงใหม่ ในสินค้าประเภท" in e for e in explanations)
    assert all("โควตา" in e for e in explanations)


def test_a_national_run_without_quotas_is_refused_in_thai(head_office):
    fair = FairFactory(level=FairLevel.NATIONAL, state=FairState.SCORING)
    with pytest.raises(ValidationError) as caught:
        run_allocation(fair=fair, by=head_office, rules={"release": "keep_empty"})
    assert "โควตา" in caught.value.messages[0]


def test_the_run_page_states_the_release_rule_and_the_percentile_order(
    national, head_office, client_for
):
    national.province.officers.add(head_office)
    client = client_for(head_office)
    form = client.get(reverse("booths:run_list", args=[national.pk])).content.decode()
    assert "ร้อยละ" in form and 'name="release"' in form
    response = client.post(
        reverse("booths:run_list", args=[national.pk]), {"seed": "3", "release": "waitlist"}
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "โควตาที่จังหวัดใดใช้ไม่หมดให้ผู้อยู่ในรายชื่อสำรองทุกประเภทสินค้า" in page
    assert "เรียงตามลำดับในจังหวัดของตนคิดเป็นร้อยละ" in page
