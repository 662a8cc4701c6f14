"""Brute force on the admin login is throttled per account and per address."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

LIMIT = 5


def login(client, username, password="wrong", address="203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def test_an_account_is_locked_after_the_failure_limit(client):
    factories.user(staff=True, username="chief")
    for _ in range(LIMIT - 1):
        assert login(client, "chief").status_code == 200
    login(client, "chief")

    response = login(client, "chief", password="pw-for-tests-only")

    assert response.status_code == 429
    assert "Logging in is blocked after 5 failed attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_another_address_too(client):
    factories.user(staff=True, username="chief")
    for n in range(LIMIT):
        login(client, "chief", address=f"198.51.100.{n}")

    response = login(client, "chief", password="pw-for-tests-only", address="192.0.2.1")

    assert response.status_code == 429


def test_an_address_is_locked_whatever_account_it_tries(client):
    factories.user(staff=True, username="someone")
    for n in range(LIMIT):
        login(client, f"guess{n}")

    response = login(client, "someone", password="pw-for-tests-only")

    assert response.status_code == 429


def test_fewer_failures_than_the_limit_do_not_lock(client):
    factories.user(staff=True, username="chief")
    for _ in range(LIMIT - 1):
        login(client, "chief")

    response = login(client, "chief", password="pw-for-tests-only")

    assert response.status_code == 302


def test_lockouts_are_listed_in_the_admin(client, admin_client_logged):
    for _ in range(LIMIT):
        login(client, "chief")

    response = admin_client_logged.get(reverse("admin:axes_accessattempt_changelist"))

    assert response.status_code == 200
    assert "chief" in response.text


def test_deleting_the_attempts_in_the_admin_unlocks(client, admin_client_logged):
    factories.user(staff=True, username="chief")
    for _ in range(LIMIT):
        login(client, "chief")
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))

    admin_client_logged.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )

    assert login(client, "chief", password="pw-for-tests-only").status_code == 302


def test_axes_reset_unlocks_from_the_shell(client):
    factories.user(staff=True, username="chief")
    for _ in range(LIMIT):
        login(client, "chief")

    call_command("axes_reset", verbosity=0)

    assert login(client, "chief", password="pw-for-tests-only").status_code == 302
