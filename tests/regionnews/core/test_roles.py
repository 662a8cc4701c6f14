import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.core.management.sql import emit_post_migrate_signal
from django.urls import reverse

from articles.models import Article
from articles.workflow import article_publish, article_submit_for_review
from delegations.models import Visit
from regionnews.core.roles import ROLES, role_label, sync_roles
from tests import factories
from tests.editorial import (
    CHIEF_EDITOR,
    EDITOR,
    PROTOCOL_OFFICER,
    change_url,
    form_data,
    member,
)

pytestmark = pytest.mark.django_db


def group_permissions(role) -> set[str]:
    group = Group.objects.get(name=role.name)
    return {
        f"{app_label}.{codename}"
        for app_label, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def remove_permission(role, perm: str) -> None:
    app_label, codename = perm.split(".")
    Group.objects.get(name=role.name).permissions.remove(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
    )


# The groups and their synchronisation.


def test_migrations_create_a_group_for_every_role():
    names = set(Group.objects.values_list("name", flat=True))

    assert {role.name for role in ROLES} <= names


@pytest.mark.parametrize("role", ROLES, ids=lambda role: role.name)
def test_each_group_has_exactly_its_roles_permissions(role):
    assert group_permissions(role) == set(role.permissions)


def test_every_permission_a_role_names_exists():
    assert sync_roles() == []


def test_sync_roles_is_idempotent():
    before = {role.name: group_permissions(role) for role in ROLES}

    sync_roles()
    sync_roles()

    assert Group.objects.filter(name__in=[r.name for r in ROLES]).count() == 3
    assert {role.name: group_permissions(role) for role in ROLES} == before


def test_sync_roles_restores_a_removed_permission():
    remove_permission(CHIEF_EDITOR, "articles.publish_article")

    sync_roles()

    assert "articles.publish_article" in group_permissions(CHIEF_EDITOR)


def test_sync_roles_takes_back_a_permission_added_by_hand():
    Group.objects.get(name=EDITOR.name).permissions.add(
        Permission.objects.get(codename="publish_article")
    )

    sync_roles()

    assert "articles.publish_article" not in group_permissions(EDITOR)


def test_sync_roles_recreates_a_deleted_group():
    Group.objects.filter(name=PROTOCOL_OFFICER.name).delete()

    sync_roles()

    assert group_permissions(PROTOCOL_OFFICER) == set(PROTOCOL_OFFICER.permissions)


def test_every_migrate_puts_the_groups_back_in_step():
    remove_permission(EDITOR, "articles.add_article")

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert "articles.add_article" in group_permissions(EDITOR)


def test_group_names_are_stored_in_english_and_shown_translated():
    from django.utils import translation

    with translation.override("en"):
        assert role_label("Chief editor") == "Chief editor"
    assert role_label("Some other group") == "Some other group"


def test_only_the_chief_editor_role_publishes():
    publishers = {
        role.name for role in ROLES if "articles.publish_article" in role.permissions
    }

    assert publishers == {CHIEF_EDITOR.name}


# Editor.


def test_editor_can_write_an_article_in_the_admin(client):
    client.force_login(member(EDITOR))
    form = client.get(reverse("admin:articles_article_add"))

    response = client.post(
        reverse("admin:articles_article_add"),
        form_data(
            form,
            title_en="Ambassador of Kazakhstan visited the region",
            lead_en="The Governor received the Ambassador.",
            body_en="<p>Text.</p>",
            status=Article.Status.DRAFT,
        ),
    )

    assert response.status_code == 302, response.context["errors"]
    assert (
        Article.objects.get().title_en == "Ambassador of Kazakhstan visited the region"
    )


def test_editor_is_not_offered_the_published_status(client):
    client.force_login(member(EDITOR))

    response = client.get(reverse("admin:articles_article_add"))

    choices = dict(response.context["adminform"].form.fields["status"].choices)
    assert set(choices) == {Article.Status.DRAFT, Article.Status.REVIEW}


def test_editor_cannot_publish_through_the_form(client):
    article = factories.article(status=Article.Status.REVIEW)
    client.force_login(member(EDITOR))
    form = client.get(change_url(article))

    response = client.post(
        change_url(article), form_data(form, status=Article.Status.PUBLISHED)
    )

    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_editor_can_submit_for_review():
    editor = member(EDITOR)
    article = factories.article(status=Article.Status.DRAFT)

    article_submit_for_review(article=article, user=editor)

    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_editor_cannot_publish_through_the_workflow():
    article = factories.article(status=Article.Status.REVIEW)

    with pytest.raises(PermissionDenied):
        article_publish(article=article, user=member(EDITOR))


def test_editor_is_not_offered_the_publish_actions(client):
    client.force_login(member(EDITOR))

    response = client.get(reverse("admin:articles_article_changelist"))

    actions = {
        name
        for name, _label in response.context["action_form"].fields["action"].choices
    }
    assert "submit_for_review" in actions
    assert not {"publish", "unpublish"} & actions


def test_editor_cannot_change_a_visit(client):
    visit = factories.visit()
    client.force_login(member(EDITOR))

    response = client.post(change_url(visit), {"title_cs": "Přepsáno"})

    assert response.status_code == 403


def test_editor_cannot_see_internal_notes_of_a_visit(client):
    visit = factories.visit(internal_notes="Gift: a glass vase")
    client.force_login(member(EDITOR))

    response = client.get(change_url(visit))

    assert response.status_code == 200
    assert "internal_notes" not in response.context["adminform"].form.fields
    assert "glass vase" not in response.text


def test_editor_cannot_delete_an_article(client):
    article = factories.article()
    client.force_login(member(EDITOR))

    response = client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


# Chief editor.


def test_chief_editor_can_publish_through_the_form(client):
    article = factories.article(status=Article.Status.REVIEW, published_at=None)
    client.force_login(member(CHIEF_EDITOR))
    form = client.get(change_url(article))

    response = client.post(
        change_url(article), form_data(form, status=Article.Status.PUBLISHED)
    )

    assert response.status_code == 302, response.context["errors"]
    article.refresh_from_db()
    assert article.is_published


def test_chief_editor_can_unpublish_with_the_action(client):
    article = factories.article()
    client.force_login(member(CHIEF_EDITOR))

    client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "unpublish", "_selected_action": [article.pk]},
    )

    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_chief_editor_can_delete_an_article(client):
    article = factories.article()
    client.force_login(member(CHIEF_EDITOR))

    response = client.post(
        reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


# Protocol officer.


def test_protocol_officer_can_record_a_visit(client):
    client.force_login(member(PROTOCOL_OFFICER))
    url = reverse("admin:delegations_visit_add")
    form = client.get(url)

    response = client.post(
        url,
        form_data(
            form,
            title_en="Ambassador of Kazakhstan in Pilsen",
            purpose_en="Economic cooperation.",
            country=str(factories.country("KZ").pk),
            start_date="2024-04-04",
            internal_notes="Gift: a glass vase",
        ),
    )

    assert response.status_code == 302, response.context["errors"]
    assert Visit.objects.get().internal_notes == "Gift: a glass vase"


def test_protocol_officer_sees_internal_notes(client):
    visit = factories.visit(internal_notes="Gift: a glass vase")
    client.force_login(member(PROTOCOL_OFFICER))

    response = client.get(change_url(visit))

    assert "glass vase" in response.text


def test_protocol_officer_cannot_change_an_article(client):
    article = factories.article()
    client.force_login(member(PROTOCOL_OFFICER))

    response = client.post(change_url(article), {"title_cs": "Přepsáno"})

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title_cs != "Přepsáno"


def test_protocol_officer_sees_an_article_read_only(client):
    article = factories.article()
    client.force_login(member(PROTOCOL_OFFICER))

    response = client.get(change_url(article))

    assert response.status_code == 200
    assert not response.context["has_change_permission"]


def test_protocol_officer_cannot_publish():
    article = factories.article(status=Article.Status.REVIEW)

    with pytest.raises(PermissionDenied):
        article_publish(article=article, user=member(PROTOCOL_OFFICER))


def test_staff_without_a_role_sees_no_articles(client):
    client.force_login(factories.user(staff=True))

    response = client.get(reverse("admin:articles_article_changelist"))

    assert response.status_code == 403
