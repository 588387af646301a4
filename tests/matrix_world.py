"""One small but complete world shared by the permission matrix and the bad-input tests.

A running fair in Chiang Mai (province 50) with two groups of the same province holding booths:
group A (member `producer_a`) and group B (member `producer_b`). Everything a URL can point at
exists for group A: product, photo, field visit, application, review, allocation runs, booth,
waiting-list offer, daily sales, a problem report with a photo, and a network meeting with an
action item. Two committee members sit on the fair: the first reviews group A's application,
the second only group B's. One officer keeps province 50, another keeps Bangkok (10).

Roles that must not slip through: an officer of province 50 whose account was deactivated, a
former officer who is now a producer (without a group) but still has the province link, and a
committee member who sits only on another province's fair. A network meeting without a fair
belongs to province 50. Every audited model has a history row in province 50, and a score on
the fair still being scored that nobody may read yet.

`build_world()` must run inside a transaction that the caller rolls back (see `world_fixture`).
"""

import datetime
import io
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone
from PIL import Image

from booths.models import (
    AllocationRun,
    Appeal,
    Assignment,
    ConflictOfInterest,
    Criterion,
    EligibilityOverride,
    EligibilityRule,
    Fair,
    FairState,
    Nomination,
    ProducerGroupFlag,
    ProvinceQuota,
    ReviewAssignment,
    Score,
    WaitlistOffer,
    ZoneRule,
)
from booths.services.venue import set_venue_plan
from otop_fair.uploads import validate_and_reencode_image
from producers import services as producer_services
from producers.models import District, Province, PublicProfile, StarRating, Subdistrict
from sales import services as sales_services
from sales.models import (
    ActionItem,
    ChannelSale,
    DailySales,
    EncouragementVisit,
    FairDayVisitors,
    FairSalesPolicy,
    MeetingAttendance,
    NetworkMeeting,
    SalesTarget,
)
from tests.factories import (
    ApplicationFactory,
    BoothFactory,
    CertificationFactory,
    CommitteeMemberFactory,
    FairFactory,
    ProducerGroupFactory,
    ProductFactory,
    RatingRoundFactory,
    UserFactory,
    VisitFactory,
    ZoneFactory,
)

ROLES = (
    "anon",
    "producer_a",
    "producer_b",
    "committee_assigned",
    "committee_other",
    "officer_province",
    "officer_other",
    "superuser",
    "inactive",
    "role_changed",
    "committee_elsewhere",
)
# Offices (issue 17): the head office, and district officers of group A's district and of another
# district of the same province. Kept apart from ROLES so the table's `row()` stays as it is.
OFFICE_ROLES = ("national", "district_a", "district_other")


class World:
    """The users by role and the objects by name (`world.fair`, `world.group_a`, …)."""

    def __init__(self, users, objects):
        self.users, self.objects = users, objects

    def __repr__(self):
        return "World()"

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def jpeg_upload(name="photo.jpg", size=(64, 48)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _users():
    province_50 = Province.objects.get(code="50")
    officer = UserFactory(username="mx_officer_50", role="officer")
    officer.officer_provinces.add(province_50)
    other = UserFactory(username="mx_officer_10", role="officer")
    other.officer_provinces.add(Province.objects.get(code="10"))
    return {
        "producer_a": UserFactory(username="mx_producer_a", role="producer"),
        "producer_b": UserFactory(username="mx_producer_b", role="producer"),
        "committee_assigned": UserFactory(username="mx_committee_1", role="committee"),
        "committee_other": UserFactory(username="mx_committee_2", role="committee"),
        "officer_province": officer,
        "officer_other": other,
        "superuser": UserFactory(username="mx_root", role="", is_superuser=True, is_staff=True),
        **_users_that_must_not_slip_through(province_50),
        **_office_users(),
    }


def _users_that_must_not_slip_through(province_50):
    inactive = UserFactory(username="mx_officer_gone", role="officer", is_active=False)
    inactive.officer_provinces.add(province_50)
    changed = UserFactory(username="mx_was_officer", role="producer")
    changed.officer_provinces.add(province_50)
    return {
        "inactive": inactive,
        "role_changed": changed,
        "committee_elsewhere": UserFactory(username="mx_committee_10", role="committee"),
    }


def _office_users():
    """Group A lies in the first subdistrict (by code) of province 50, as its factory places it."""
    district_a = Subdistrict.objects.filter(district__province_id="50").order_by("code")[0].district
    other = District.objects.filter(province_id="50").exclude(pk=district_a.pk).order_by("code")[0]
    district_officer = UserFactory(username="mx_district_a", role="district_officer")
    district_officer.officer_districts.add(district_a)
    other_officer = UserFactory(username="mx_district_other", role="district_officer")
    other_officer.officer_districts.add(other)
    return {
        "national": UserFactory(username="mx_national", role="national_officer"),
        "district_a": district_officer,
        "district_other": other_officer,
    }


def _registry(users):
    group_a = ProducerGroupFactory(name="กลุ่มทอผ้าบ้านเอ มีลับ", members=[users["producer_a"]])
    group_b = ProducerGroupFactory(name="กลุ่มจักสานบ้านบี", members=[users["producer_b"]])
    product_a = ProductFactory(group=group_a, name="ผ้าซิ่นตีนจกเอ")
    full, thumb = validate_and_reencode_image(jpeg_upload())
    photo = producer_services.add_photo(
        product=product_a, image=full, thumbnail=thumb, by=users["producer_a"]
    )
    visit = VisitFactory(
        group=group_a,
        officer=users["officer_province"],
        follow_up="ส่งตัวอย่างฉลากใหม่",
        follow_up_due=timezone.localdate() + datetime.timedelta(days=7),
    )
    CertificationFactory(group=group_a)
    # Group A's public page shows its products; group B never chose (issue 24).
    public_a = PublicProfile.objects.create(group=group_a, show_story=True, show_products=True)
    return {
        "public_a": public_a,
        "round": RatingRoundFactory(year=2025),
        "group_a": group_a,
        "group_b": group_b,
        "product_a": product_a,
        "photo": photo,
        "visit": visit,
    }


def _fair(users, reg):
    today = timezone.localdate()
    fair = FairFactory(
        province=Province.objects.get(code="50"),
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=2),
        applications_open_on=today - datetime.timedelta(days=60),
        applications_close_on=today - datetime.timedelta(days=30),
        state=FairState.RUNNING,
        created_by=users["officer_province"],
    )
    zone = ZoneFactory(fair=fair, code="A", name="ผ้าและเครื่องแต่งกาย")
    booths = [BoothFactory(zone=zone, code=f"A{n}") for n in range(1, 4)]
    criterion = Criterion.objects.create(
        fair=fair, name="คุณภาพสินค้า", weight=Decimal(2), max_score=10
    )
    app_a = ApplicationFactory(fair=fair, group=reg["group_a"], status="selected", zones=[zone])
    app_b = ApplicationFactory(fair=fair, group=reg["group_b"], status="selected", zones=[zone])
    seat_1 = CommitteeMemberFactory(fair=fair, user=users["committee_assigned"])
    seat_2 = CommitteeMemberFactory(fair=fair, user=users["committee_other"])
    review_a = ReviewAssignment.objects.create(member=seat_1, application=app_a)
    ReviewAssignment.objects.create(member=seat_2, application=app_b)
    now = timezone.now()
    officer = users["officer_province"]
    run_1 = AllocationRun.objects.create(
        fair=fair,
        version=1,
        seed=1,
        algorithm_version="matrix",
        created_by=officer,
        is_published=True,
        published_at=now,
        published_by=officer,
    )
    run_2 = AllocationRun.objects.create(
        fair=fair, version=2, seed=2, algorithm_version="matrix", created_by=officer
    )
    holding_a = Assignment.objects.create(fair=fair, booth=booths[0], application=app_a, run=run_1)
    holding_b = Assignment.objects.create(fair=fair, booth=booths[1], application=app_b, run=run_1)
    # Group B first held A3 and did not show up on the first day; A3 is now offered to group A.
    no_show_b = Assignment.objects.create(
        fair=fair,
        booth=booths[2],
        application=app_b,
        run=run_1,
        status="released",
        released_at=now,
        release_reason="ไม่มาออกบูธวันแรก",
        is_no_show=True,
    )
    offer = WaitlistOffer.objects.create(
        fair=fair, booth=booths[2], application=app_a, deadline=now + datetime.timedelta(days=2)
    )
    # A national fair hosted in province 50: its quota table is the head office's alone.
    national = FairFactory(province=fair.province, level="national", created_by=officer)
    national_zone = ZoneFactory(fair=national, code="N", name="โซนทั่วไป")
    BoothFactory(zone=national_zone, code="N1")
    ProvinceQuota.objects.create(
        fair=national, province=fair.province, category="textile", booths=1
    )
    ZoneRule.objects.create(zone=national_zone, min_stars=3)
    ProducerGroupFlag.objects.create(
        group=reg["group_a"], flag="disaster", reason="น้ำท่วม", set_by=officer
    )
    draft = FairFactory(province=fair.province, state=FairState.DRAFT, created_by=officer)
    draft_zone = ZoneFactory(fair=draft, code="D", name="โซนร่าง")
    return _scoring(users, reg) | {
        "draft_fair": draft,
        "national_fair": national,
        "draft_zone": draft_zone,
        "draft_booth": BoothFactory(zone=draft_zone, code="D1"),
        "fair": fair,
        "zone": zone,
        "criterion": criterion,
        "booth": booths[0],
        "application_a": app_a,
        "application_b": app_b,
        "seat": seat_1,
        "review": review_a,
        "run": run_1,
        "other_run": run_2,
        "holding_a": holding_a,
        "holding_b": holding_b,
        "no_show_b": no_show_b,
        "offer": offer,
    }


def _scoring(users, reg):
    """A second fair being scored, where the first committee member reviews group A."""
    fair = FairFactory(state=FairState.SCORING, created_by=users["officer_province"])
    criterion = Criterion.objects.create(fair=fair, name="บรรจุภัณฑ์", max_score=20)
    application = ApplicationFactory(fair=fair, group=reg["group_a"], status="eligible")
    seat = CommitteeMemberFactory(fair=fair, user=users["committee_assigned"])
    review = ReviewAssignment.objects.create(member=seat, application=application)
    draft_score = Score.objects.create(
        review=review, criterion=criterion, value=Decimal(13), comment="ร่าง: ฉลากยังไม่ชัด"
    )
    elsewhere = FairFactory(
        province=Province.objects.get(code="10"),
        state=FairState.SCORING,
        created_by=users["officer_other"],
    )
    CommitteeMemberFactory(fair=elsewhere, user=users["committee_elsewhere"])
    return {
        "scoring_fair": fair,
        "scoring_criterion": criterion,
        "scoring_review": review,
        "draft_score": draft_score,
        "elsewhere_fair": elsewhere,
    }


def _fair_time(users, reg, fair_objects):
    fair, holding = fair_objects["fair"], fair_objects["holding_a"]
    DailySales.objects.create(
        assignment=holding,
        day=fair.start_date,
        amount=Decimal("1250.50"),
        entered_by=users["producer_a"],
    )
    issue = sales_services.report_issue(
        fair=fair,
        assignment=holding,
        category="electricity",
        description="ไฟดับที่บูธตั้งแต่เช้า",
        photo_files=validate_and_reencode_image(jpeg_upload("issue.jpg")),
        by=users["producer_a"],
    )
    meeting = NetworkMeeting.objects.create(
        fair=fair,
        held_on=fair.end_date,
        place="ห้องประชุมสำนักงานพัฒนาชุมชน",
        created_by=users["officer_province"],
    )
    MeetingAttendance.objects.create(meeting=meeting, group=reg["group_a"], attended=True)
    MeetingAttendance.objects.create(meeting=meeting, group=reg["group_b"], attended=False)
    MeetingAttendance.objects.create(meeting=meeting, officer=users["officer_province"])
    ChannelSale.objects.create(
        group=reg["group_a"],
        day=fair.start_date,
        kind="mobile_unit",
        place="หน่วยบำบัดทุกข์ บำรุงสุข",
        takings=Decimal("3200"),
        entered_by=users["producer_a"],
    )
    action = ActionItem.objects.create(
        meeting=meeting, description="ทำฉลากสินค้าใหม่", owner_group=reg["group_a"]
    )
    fairless = NetworkMeeting.objects.create(
        fair=None,
        province=fair.province,
        held_on=fair.start_date,
        place="ศาลากลางจังหวัด",
        minutes="บันทึกการประชุมเครือข่ายจังหวัด",
        created_by=users["officer_province"],
    )
    MeetingAttendance.objects.create(meeting=fairless, group=reg["group_a"], attended=True)
    fairless_action = ActionItem.objects.create(
        meeting=fairless, description="นัดประชุมเครือข่ายครั้งหน้า", owner_group=reg["group_a"]
    )
    return {
        "issue": issue,
        "meeting": meeting,
        "action": action,
        "meeting_without_fair": fairless,
        "action_without_fair": fairless_action,
    }


def _every_audited_model(users, reg, fair_objects):
    """History rows in province 50 for the audited models the rest of the world leaves out."""
    fair, app_a, app_b = (
        fair_objects["fair"],
        fair_objects["application_a"],
        fair_objects["application_b"],
    )
    officer = users["officer_province"]
    # An earlier round's rating, so the forms may still rate product A in the world's round.
    earlier = RatingRoundFactory(year=2022)
    StarRating.objects.create(
        product=reg["product_a"],
        round=earlier,
        score=Decimal(85),
        stars=earlier.stars_for(Decimal(85)),
    )
    EligibilityRule.objects.create(fair=fair, kind="registered")
    EligibilityOverride.objects.create(
        application=app_b, is_eligible=True, reason="ยืนยันทะเบียนแล้ว", decided_by=officer
    )
    seat_2 = fair_objects["holding_b"].fair.committee.get(user=users["committee_other"])
    ConflictOfInterest.objects.create(member=seat_2, application=app_a, reason="ญาติ")
    score = Score.objects.create(
        review=fair_objects["review"], criterion=fair_objects["criterion"], value=Decimal(8)
    )
    FairSalesPolicy.objects.get_or_create(fair=fair)
    FairDayVisitors.objects.create(fair=fair, day=fair.start_date, count=1200, entered_by=officer)
    SalesTarget.objects.create(fair=fair, amount=Decimal(500000))
    EncouragementVisit.objects.create(
        assignment=fair_objects["holding_a"], day=fair.start_date, note="ให้กำลังใจ", officer=officer
    )
    return {"closed_score": score}


def _office_lists(users, reg):
    """Rows of the offices' other lists: a delivery log row in province 50 and one in Bangkok,
    and a pair of groups to merge in province 50."""
    from otop_fair.notifications.models import Notification
    from producers.models import GroupMergeCandidate

    for province, recipient in (("50", "producer_a"), ("10", "committee_elsewhere")):
        Notification.objects.create(
            recipient=users[recipient],
            channel="line",
            template="action_item_due",
            context={"due": "1 ม.ค. 2569", "item": "ส่งรายงาน"},
            province_id=province,
        )
    pair = GroupMergeCandidate.objects.create(
        group=reg["group_a"],
        same_as=reg["group_b"],
        normalised_registration_no=reg["group_a"].registration_no,
    )
    return {"merge_pair": pair}


def _national(users, reg, fair_objects):
    """A national fair hosted by province 50, in district nomination (issue 18): group A's
    application nominated by its district; an appeal of group A's on the running fair."""
    today = timezone.localdate()
    # The same national fair whose quota table the head office keeps (built in `_fair`).
    fair = fair_objects["national_fair"]
    Fair.objects.filter(pk=fair.pk).update(
        state=FairState.NOMINATING,
        created_by=users["national"],
        applications_open_on=today - datetime.timedelta(days=20),
        applications_close_on=today - datetime.timedelta(days=1),
        nomination_deadline=today + datetime.timedelta(days=5),
    )
    fair.refresh_from_db()
    app_a = ApplicationFactory(fair=fair, group=reg["group_a"], status="eligible")
    ApplicationFactory(fair=fair, group=reg["group_b"], status="eligible")
    Nomination.objects.create(application=app_a, decision="nominated", by=users["district_a"])
    appeal = Appeal.objects.create(
        application=fair_objects["application_a"],
        grounds="คะแนนด้านบรรจุภัณฑ์ไม่ตรงกับสินค้าที่ส่ง",
        filed_by=users["producer_a"],
    )
    # One committee seat per province: each province runs its own committee.
    seats = {
        code: CommitteeMemberFactory(
            fair=fair,
            user=UserFactory(username=f"mx_judge_{code}", role="committee"),
            province_id=code,
        )
        for code in ("50", "10")
    }
    return {
        "national_fair": fair,
        "national_application_a": app_a,
        "appeal": appeal,
        "national_seats": seats,
    }


def build_world():
    users = _users()
    reg = _registry(users)
    fair_objects = _fair(users, reg)
    objects = {**reg, **fair_objects, **_fair_time(users, reg, fair_objects)}
    objects |= _national(users, reg, fair_objects)
    objects |= _every_audited_model(users, reg, fair_objects)
    objects |= _office_lists(users, reg)
    # Group A entered the photographed product, so its reviewer may open the photo.
    fair_objects["application_a"].products.add(reg["product_a"])
    # The hall's own plan under the booths (issue 21), served to whoever sees the floor plan.
    full, _thumbnail = validate_and_reencode_image(jpeg_upload("hall.jpg", size=(80, 40)))
    objects["venue_plan"] = set_venue_plan(
        fair=fair_objects["fair"], image=full, width=400, by=users["officer_province"]
    )
    return World(users=users, objects=objects)


def world_fixture(django_db_blocker, media_root):
    """Generator for a module-scoped fixture: the world, built in a transaction that is rolled
    back afterwards, with uploads written under `media_root`."""
    from tests.conftest import ensure_geography

    with django_db_blocker.unblock():
        # A transactional test that ran before this module flushed the areas away.
        ensure_geography()
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=str(media_root)),
        transaction.atomic(),
    ):
        yield build_world()
        transaction.set_rollback(True)


# The database sessions that hold the prepared count query (see table_counts).
_PREPARED_ON = set()


def table_counts():
    """Rows in every table of the project's apps, in one query: a fingerprint of the database.

    The query is prepared once per database session: planning its ~90 counts took four fifths of
    each call, and the permission matrix alone calls it some 2,600 times."""
    from django.apps import apps

    tables = sorted(
        model._meta.db_table
        for label in ("accounts", "producers", "booths", "sales")
        for model in apps.get_app_config(label).get_models()
    )
    sql = ", ".join(f'(SELECT count(*) FROM "{table}")' for table in tables)
    with connection.cursor() as cursor:
        session = (id(connection.connection), connection.connection.info.backend_pid)
        if session not in _PREPARED_ON:
            # A prepared statement outlives a rollback; the session may have one already.
            cursor.execute("SELECT 1 FROM pg_prepared_statements WHERE name = 'otop_table_counts'")
            if cursor.fetchone() is None:
                cursor.execute(f"PREPARE otop_table_counts AS SELECT {sql}")
            _PREPARED_ON.add(session)
        cursor.execute("EXECUTE otop_table_counts")
        return dict(zip(tables, cursor.fetchone(), strict=True))


def signed_in_clients(world):
    """A test client per role (anonymous included), each signed in once."""
    from django.test import Client

    clients = {"anon": Client()}
    for role, user in world.users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    return clients
