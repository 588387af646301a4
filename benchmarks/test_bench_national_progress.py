"""The head office's progress page of a national fair at OTOP City size (issue 18): 25,000
applications from 900 districts of the 77 provinces, nominated or declined by their districts,
77 provincial committees of five, a submitted review per nominated application and 2,500 booths
held — the page after one warm-up view, median of three."""

import itertools
import random
import statistics
import time
from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from booths.models import (
    Application,
    ApplicationStatus,
    Assignment,
    Booth,
    CommitteeMember,
    Fair,
    FairLevel,
    FairState,
    Nomination,
    ReviewAssignment,
    ReviewStatus,
    Zone,
)
from otop_fair.thai import thai_sort_key
from producers.models import GroupType, ProducerGroup, Province, Subdistrict
from tests.factories import UserFactory

APPLICATIONS = 25_000
DISTRICTS = 900
MEMBERS_PER_PROVINCE = 5
BOOTHS = 2_500


def _groups(rng):
    """One subdistrict in each of 900 districts; the groups spread over them."""
    by_district = {}
    for code, district, province in Subdistrict.objects.order_by("code").values_list(
        "code", "district_id", "district__province_id"
    ):
        by_district.setdefault(district, (code, province))
    # Every province's first district before any province's second, so all 77 take part.
    per_province = defaultdict(list)
    for place in by_district.values():
        per_province[place[1]].append(place)
    rounds = itertools.zip_longest(*per_province.values())
    places = [place for row in rounds for place in row if place][:DISTRICTS]
    assert len({province for _code, province in places}) == 77
    groups = []
    for i in range(APPLICATIONS):
        code, province = places[i % len(places)]
        name = f"กลุ่มวิสาหกิจชุมชนบ้านนาใต้ {i}"
        groups.append(
            ProducerGroup(
                name=name,
                sort_name=thai_sort_key(name),
                group_type=GroupType.COMMUNITY,
                registration_no=f"NAT-{i:06d}",
                contact_name="สมศรี ใจดี",
                subdistrict_id=code,
                province_id=province,
            )
        )
    return ProducerGroup.objects.bulk_create(groups, batch_size=5000)


def _fair(head_office):
    today = timezone.localdate()
    return Fair.objects.create(
        name="OTOP City 2570",
        venue="อิมแพ็ค เมืองทองธานี",
        province=Province.objects.get(code="12"),
        level=FairLevel.NATIONAL,
        start_date=today,
        end_date=today,
        applications_open_on=today,
        applications_close_on=today,
        state=FairState.SCORING,
        created_by=head_office,
    )


def build_national_fair(head_office, seed=18):
    rng = random.Random(seed)
    fair = _fair(head_office)
    apps = Application.objects.bulk_create(
        (
            Application(
                fair=fair, group=group, category="textile", status=ApplicationStatus.ELIGIBLE
            )
            for group in _groups(rng)
        ),
        batch_size=5000,
    )
    district_officer = UserFactory(role="district_officer", username="bench_district")
    decisions = [rng.random() for _ in apps]
    Nomination.objects.bulk_create(
        (
            Nomination(
                application=app,
                decision="nominated" if d < 0.8 else "declined",
                reason="" if d < 0.8 else "สินค้ายังไม่พร้อม",
                by=district_officer,
            )
            for app, d in zip(apps, decisions, strict=True)
            if d < 0.9
        ),
        batch_size=5000,
    )
    members = {
        province: CommitteeMember.objects.bulk_create(
            CommitteeMember(
                fair=fair,
                province_id=province,
                user=UserFactory(role="committee", username=f"judge_{province}_{n}"),
            )
            for n in range(MEMBERS_PER_PROVINCE)
        )
        for province in Province.objects.values_list("code", flat=True)
    }
    ReviewAssignment.objects.bulk_create(
        (
            ReviewAssignment(
                member=rng.choice(members[app.group.province_id]),
                application=app,
                status=ReviewStatus.SUBMITTED,
                submitted_at=timezone.now(),
            )
            for app, d in zip(apps, decisions, strict=True)
            if d < 0.8
        ),
        batch_size=5000,
    )
    zone = Zone.objects.create(fair=fair, code="A", name="โซนผ้า")
    booths = Booth.objects.bulk_create(
        Booth(fair=fair, zone=zone, code=f"A{n:04d}") for n in range(BOOTHS)
    )
    seated = [app for app, d in zip(apps, decisions, strict=True) if d < 0.8][:BOOTHS]
    Assignment.objects.bulk_create(
        (
            Assignment(fair=fair, booth=b, application=a)
            for b, a in zip(booths, seated, strict=True)
        ),
        batch_size=5000,
    )
    return fair


@pytest.mark.django_db
def test_national_progress_page(client, report_bench):
    head_office = UserFactory(role="national_officer", username="bench_head_office")
    fair = build_national_fair(head_office)
    client.force_login(head_office)
    url = reverse("booths:national_progress", args=[fair.pk])
    assert client.get(url).status_code == 200
    timings = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == 77
    assert response.context["totals"]["applications"] == APPLICATIONS
    print(f"\n  progress page: {len(queries)} queries", flush=True)
    report_bench("national_progress_page_s", statistics.median(timings))
