"""What the audit trail (and the admin) calls a tracked row is what a person reads: the fair, the
province and the group by name and a choice by its Thai label, never their database numbers and
a raw choice value ("47 disaster" named a group flag before)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import translation

from booths.models import GroupFlag, ProducerGroupFlag, ProvinceQuota
from otop_fair import audit
from otop_fair.audit import save_with_history
from producers.models import Category, Province
from sales.models import FairDayVisitors, FairSalesPolicy, SalesTarget
from tests.factories import FairFactory, ProducerGroupFactory, officer_of

pytestmark = pytest.mark.django_db


def _labels(fair, group, province):
    return {
        "flag": ProducerGroupFlag(group=group, flag=GroupFlag.DISASTER, reason="น้ำท่วม"),
        "quota": ProvinceQuota(fair=fair, province=province, category=Category.FOOD, booths=3),
        "cut-off": FairSalesPolicy(fair=fair, days_after=1, cutoff_time=datetime.time(12)),
        "visitors": FairDayVisitors(fair=fair, day=fair.start_date, count=1200),
        "target": SalesTarget(fair=fair, province=province, amount=Decimal(50000)),
    }


def test_every_tracked_rows_label_names_things_and_never_shows_their_numbers():
    fair = FairFactory(name="งานทดสอบป้าย")
    group = ProducerGroupFactory(province_code="50", name="กลุ่มทอผ้าบ้านดอน")
    province = Province.objects.get(code="50")
    with translation.override("th"):
        for kind, row in _labels(fair, group, province).items():
            label = str(row)
            assert fair.name in label or group.name in label, (kind, label)
            # The old labels began with the fair's, group's or province's number.
            assert not re.match(rf"({fair.pk}|{group.pk}|{province.pk})\b", label), (kind, label)
        assert str(_labels(fair, group, province)["flag"]).endswith(str(GroupFlag.DISASTER.label))
        assert "อาหาร" in str(_labels(fair, group, province)["quota"])


def test_the_audit_trail_names_a_group_flag_by_its_group_and_its_thai_label():
    officer = officer_of("50", username="officer_flag_label")
    group = ProducerGroupFactory(province_code="50", name="กลุ่มจักสานบ้านใหม่")
    flag = ProducerGroupFlag(group=group, flag=GroupFlag.DISASTER, reason="น้ำท่วม", set_by=officer)
    save_with_history(flag, by=officer)
    with translation.override("th"):
        entries = audit.recent_changes(user=officer, model_key="booths.producergroupflag")
        assert [e.object_repr for e in entries] == [
            "กลุ่มจักสานบ้านใหม่: " + str(GroupFlag.DISASTER.label)
        ]
