"""The rubric page: several blank rows at once and the total of the weights."""

import pytest

from tests.booths.test_constraint_messages import _rubric_post

pytestmark = pytest.mark.django_db


def test_rubric_offers_three_blank_rows_and_shows_the_total_weight(fair, cm_officer, client_for):
    page = client_for(cm_officer).get(f"/fairs/{fair.pk}/criteria/").content.decode()
    assert 'name="c-TOTAL_FORMS" value="5"' in page.replace(' id="id_c-TOTAL_FORMS"', "")
    total = page[page.index('data-testid="weight-total"') :].split("</td>")[0]
    assert total.endswith(">3")


def test_officer_adds_several_criteria_in_one_save(fair, cm_officer, client_for):
    criteria = list(fair.criteria.order_by("order", "pk"))
    new_rows = [
        {"name": "เรื่องราวสินค้า", "weight": "1.5"},
        {"name": "ราคาเหมาะสม", "weight": "0.5"},
    ]
    response = client_for(cm_officer).post(
        f"/fairs/{fair.pk}/criteria/", _rubric_post(criteria, new_rows=new_rows), follow=True
    )
    assert fair.criteria.count() == 4
    total = response.content.decode().split('data-testid="weight-total"')[1].split("</td>")[0]
    assert total.endswith(">5")
