"""/healthz: what a load balancer asks before sending traffic."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_json_when_the_database_is_reachable(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok"}


def database_fails():
    """On PostgreSQL the check opens its own connection (beside the pool)."""
    if connection.vendor == "postgresql":
        import psycopg

        return mock.patch("psycopg.connect", side_effect=psycopg.OperationalError)
    return mock.patch.object(
        connection, "cursor", side_effect=OperationalError("connection refused")
    )


def test_healthz_answers_503_when_the_database_fails(client):
    with database_fails():
        response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="PostgreSQL: its own connection"
)
def test_healthz_answers_503_when_the_query_fails(client):
    cursor = mock.MagicMock()
    cursor.__enter__.return_value.execute.side_effect = OperationalError("gone")
    with mock.patch.object(connection, "cursor", return_value=cursor):
        response = client.get(reverse("healthz"))

    assert response.status_code == 503


def test_healthz_is_never_cached(client):
    response = client.get(reverse("healthz"))

    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_healthz_is_not_language_prefixed():
    assert reverse("healthz") == "/healthz"


def test_healthz_refuses_post(client):
    assert client.post(reverse("healthz")).status_code == 405


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_healthz_checks_postgresql_over_its_own_short_connection(client):
    import psycopg

    with mock.patch("psycopg.connect", wraps=psycopg.connect) as connect:
        response = client.get(reverse("healthz"))

    assert response.status_code == 200
    kwargs = connect.call_args.kwargs
    assert kwargs["connect_timeout"] == 1
    assert "statement_timeout=800" in kwargs["options"]
