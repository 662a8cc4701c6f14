import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one did."""
    translation.activate("cs")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: a test's rows are rolled back, but
    what was rendered from them (fragments, counts kept per content generation)
    would otherwise stay for the next test, at a generation nothing bumps."""
    from django.core.cache import caches

    caches["default"].clear()


@pytest.fixture
def staff_client(client, django_user_model):
    """Staff who may see internal notes (protocol officers); see editor_client."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="staff", password="pw-for-tests-only", is_staff=True
    )
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="delegations",
            codename__in=["view_internal_notes", "export_visits"],
        )
    )
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, django_user_model):
    """Staff without the internal-notes permission: sees internal visits only."""
    user = django_user_model.objects.create_user(
        username="editor", password="pw-for-tests-only", is_staff=True
    )
    client.force_login(user)
    return client


@pytest.fixture
def admin_client_logged(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="admin", password="pw-for-tests-only", email="admin@example.org"
    )
    client.force_login(user)
    return client


def module_data(build):
    """Turn *build* into a class-scoped fixture: rows made once for a test class.

    The rows are written in a transaction that stays open for the class and is
    rolled back at its end; each test's own transaction is nested inside it,
    so what a test writes is undone and the shared rows stay. Use it from the
    tests of one class (so no other test sees the rows), without
    `transaction=True` tests, for tests that read the objects rather than
    change them in memory.
    """

    @pytest.fixture(scope="class", name=build.__name__)
    def fixture(django_db_setup, django_db_blocker):
        from django.db import transaction

        with django_db_blocker.unblock(), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    fixture.__doc__ = build.__doc__
    return fixture
