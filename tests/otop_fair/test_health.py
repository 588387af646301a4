from unittest import mock

from django.db import OperationalError
from django.test import Client


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_answers_503_when_the_database_does_not(client, db):
    with mock.patch(
        "otop_fair.views.connection.cursor", side_effect=OperationalError("server closed")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_a_page_shows_a_thai_error_when_the_database_fails(officer):
    client = Client(raise_request_exception=False)
    client.force_login(officer)
    with mock.patch(
        "otop_fair.views.audit.recent_changes", side_effect=OperationalError("server closed")
    ):
        response = client.get("/audit/")
    assert response.status_code == 503
    assert "ระบบขัดข้องชั่วคราว" in response.content.decode()
