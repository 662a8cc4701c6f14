import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one did."""
    translation.activate("cs")
    yield
    translation.deactivate()


@pytest.fixture
def staff_client(client, django_user_model):
    """Staff who may see internal notes (protocol officers); see editor_client."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username="staff", password="pw-for-tests-only", is_staff=True
    )
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="delegations", codename="view_internal_notes"
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
