"""Importing the department's open data: matched by province and normalised name, previewed
without writing, idempotent, with history; groups from it lack a registration number."""

import pytest

from producers.models import ProducerGroup, StarRating
from producers.open_data import AMBIGUOUS, MATCHED, NEW, OPC, REGISTER, OpenDataError, rows
from producers.open_data_import import OpenDataImport
from tests.factories import ProducerGroupFactory, RatingRoundFactory, UserFactory
from tests.matrix_world import table_counts
from tests.producers.open_data_samples import opc_csv, producers, register_csv

pytestmark = pytest.mark.django_db
# Enough rows to span both provinces' subdistricts and pass the ten examples a summary keeps of
# each outcome. The import has no batch or size threshold (one row at a time), so more rows only
# repeat the same path; the 100,000-row stream is test_open_data_memory.py's.
ROWS = 250


@pytest.fixture
def head_office():
    return UserFactory(role="national_officer")


@pytest.mark.parametrize("encoding", ["utf-8", "cp874"])
def test_a_register_and_its_opc_list_import_once_and_a_second_run_changes_nothing(
    encoding, head_office
):
    people = producers(ROWS)
    rating_round = RatingRoundFactory(year=2024)
    register = OpenDataImport(REGISTER, head_office)
    before = table_counts()
    preview = register.preview(register_csv(people, encoding))
    assert table_counts() == before
    assert preview.counts[NEW] == ROWS and preview.changes == ROWS
    assert register.apply(register_csv(people, encoding)).changes == ROWS
    assert register.apply(register_csv(people, encoding)).changes == 0
    created = ProducerGroup.objects.filter(registration_no="")
    assert created.count() == ROWS
    assert created.first().history.first().history_user == head_office
    opc = OpenDataImport(OPC, head_office, rating_round)
    first = opc.apply(opc_csv(people, encoding))
    assert first.counts[MATCHED] == ROWS and first.changes == 2 * ROWS
    assert StarRating.objects.filter(round=rating_round).count() == ROWS
    assert opc.apply(opc_csv(people, encoding)).changes == 0


def test_names_match_across_spacing_and_composed_sara_am(head_office):
    group = ProducerGroupFactory(province_code="50", name="กลุ่มทำน้ำพริก บ้านดอน")
    people = [("เชียงใหม่", "", "", "กลุ่มท\u0e4d\u0e32น้ำพริก  บ้านดอน")]
    summary = OpenDataImport(REGISTER, head_office).preview(register_csv(people))
    assert summary.counts == {MATCHED: 1}
    assert group.pk


def test_two_groups_of_one_name_in_a_province_are_ambiguous_and_untouched(head_office):
    ProducerGroupFactory(province_code="50", name="กลุ่มซ้ำ")
    ProducerGroupFactory(province_code="50", name="กลุ่มซ้ำ")
    people = [("จังหวัดเชียงใหม่", "", "", "กลุ่มซ้ำ")]
    job = OpenDataImport(OPC, head_office, RatingRoundFactory(year=2024))
    summary = job.apply(opc_csv(people))
    assert summary.counts == {AMBIGUOUS: 1} and summary.changes == 0


def test_a_provincial_officer_imports_only_their_provinces():
    officer = UserFactory(role="officer")
    people = producers(20, province_codes=("57",))
    summary = OpenDataImport(REGISTER, officer).apply(register_csv(people))
    assert summary.changes == 0 and not ProducerGroup.objects.exists()


def test_a_file_without_the_columns_is_refused_in_thai():
    import io

    with pytest.raises(OpenDataError, match="ไม่มีคอลัมน์"):
        list(rows(io.BytesIO("ชื่อ,ที่อยู่\nก,ข\n".encode()), REGISTER))


def test_an_officer_previews_then_confirms_an_upload_and_a_replay_writes_nothing(
    client, head_office, settings, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    settings.MEDIA_ROOT = str(tmp_path)
    people = producers(ROWS)
    client.force_login(head_office)
    upload = SimpleUploadedFile("register.csv", register_csv(people, "cp874").getvalue())
    preview = client.post(reverse("producers:open_data_upload"), {"kind": REGISTER, "file": upload})
    assert preview.status_code == 200
    assert preview.context["summary"].counts[NEW] == ROWS
    assert not ProducerGroup.objects.exists()
    confirm = {"token": preview.context["token"], "kind": REGISTER}
    url = reverse("producers:open_data_confirm")
    assert client.post(url, confirm).status_code == 302
    assert ProducerGroup.objects.filter(registration_no="").count() == ROWS
    client.post(url, confirm)
    assert ProducerGroup.objects.count() == ROWS
