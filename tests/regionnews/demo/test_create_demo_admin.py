"""`create_demo_admin`: the local superuser of `make run`, refused with DEBUG off."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("create_demo_admin", *args, stdout=out)
    return out.getvalue()


def test_creates_a_superuser_and_prints_the_login(settings):
    settings.DEBUG = True

    output = run("--port", "8000")

    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff and user.check_password("admin")
    assert "Admin: http://127.0.0.1:8000/admin/  user: admin  password: admin" in output


def test_running_again_resets_the_password_without_a_second_user(settings):
    settings.DEBUG = True
    run()

    run("--password", "changed-secret")

    users = get_user_model().objects.filter(username="admin")
    assert users.count() == 1
    assert users.get().check_password("changed-secret")


def test_restores_superuser_rights_of_an_existing_admin(settings, django_user_model):
    settings.DEBUG = True
    django_user_model.objects.create_user(username="admin", is_active=False)

    run()

    user = django_user_model.objects.get(username="admin")
    assert (user.is_active, user.is_staff, user.is_superuser) == (True, True, True)


def test_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        run()

    assert not get_user_model().objects.filter(username="admin").exists()


def test_force_runs_with_debug_off(settings):
    settings.DEBUG = False

    run("--force")

    assert get_user_model().objects.filter(username="admin", is_superuser=True).exists()
