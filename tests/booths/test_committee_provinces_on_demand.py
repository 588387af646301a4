"""The head office runs the committees of every province (77): the committee page says how many
in one line and lists the provinces, each a link to its rubric, only when opened."""

import re

import pytest
from django.urls import reverse

from producers.models import Province
from tests.booths.national import national_fair

pytestmark = pytest.mark.django_db


def _shown_before_opening(html):
    return re.sub(r"</summary>.*?</details>", "", html, flags=re.S)


def test_the_head_office_sees_one_line_for_its_committees_and_the_provinces_on_demand(client):
    world = national_fair()
    client.force_login(world.head_office)
    html = client.get(reverse("booths:committee", args=[world.fair.pk])).content.decode()
    block = html.split('data-testid="committee-provinces"', 1)[1].split("</details>", 1)[0]
    provinces = list(Province.objects.all())
    shown = _shown_before_opening(block + "</details>")
    assert f"{len(provinces)} จังหวัด" in shown
    assert not any(p.name_th in shown for p in provinces)
    for province in provinces:
        link = reverse("booths:province_criteria", args=[world.fair.pk, province.pk])
        assert block.count(f'href="{link}"') == 1
