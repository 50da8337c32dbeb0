"""/healthz tells a load balancer whether the site can reach its database."""

from http import HTTPStatus
from unittest import mock

from django.db import OperationalError, connection


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().strip() == "ok"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client, db):
    with mock.patch.object(
        connection, "cursor", side_effect=OperationalError("connection refused")
    ):
        response = client.get("/healthz")

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "ok" not in response.content.decode()


def test_healthz_refuses_writes(client, db):
    assert client.post("/healthz").status_code == HTTPStatus.METHOD_NOT_ALLOWED
