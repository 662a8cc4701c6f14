"""Edit conflicts: a save over someone else's newer save is refused, nothing lost."""

from unittest import mock

import pytest
import reversion
from django.db.models import F

from articles.admin import ArticleAdmin
from articles.models import Article
from articles.services import article_save
from regionnews.core.admin.conflicts import VERSION_FIELD
from regionnews.core.models import EditConflict
from tests import factories
from tests.editorial import EDITOR, change_url, form_data, member

pytestmark = pytest.mark.django_db

MINE = "My headline: ambassador visits Pilsen"
THEIRS = "Their headline: Kazakh envoy tours factories"
PURPOSE = "Economic cooperation."  # a public visit needs one complete language


def stored(article) -> Article:
    return Article.objects.get(pk=article.pk)


@pytest.fixture
def other_editor_client(client, django_user_model):
    """A second browser, logged in as another editor."""
    from django.test import Client

    other = Client()
    other.force_login(member(EDITOR, username="jana", first_name="Jana"))
    return other


@pytest.fixture
def editor_client(client):
    client.force_login(member(EDITOR, username="petr"))
    return client


@pytest.fixture
def article():
    """A draft with its first revision, as an article written in the admin has."""
    with reversion.create_revision():
        return factories.article(status=Article.Status.DRAFT, title_en="The original")


# The version.


def test_the_change_form_carries_the_version_it_was_opened_at(editor_client, article):
    response = editor_client.get(change_url(article))

    form = response.context["adminform"].form
    assert form[VERSION_FIELD].value() == article.version
    assert f'name="{VERSION_FIELD}"' in response.text
    assert form[VERSION_FIELD].is_hidden


def test_a_save_raises_the_version_by_one(editor_client, article):
    before = stored(article).version
    form = editor_client.get(change_url(article))

    editor_client.post(change_url(article), form_data(form, title_en=MINE))

    assert stored(article).version == before + 1


def test_every_save_raises_the_version_whoever_saves(article):
    before = stored(article).version

    article.save()
    Article.objects.get(pk=article.pk).save()

    assert stored(article).version == before + 2


def test_a_save_from_an_outdated_version_is_refused_and_writes_nothing(article):
    outdated = stored(article)
    article.title_en = THEIRS
    article.save()
    outdated.title_en = MINE

    with pytest.raises(EditConflict):
        outdated.save(expected_version=outdated.version)

    assert stored(article).title_en == THEIRS


# The conflict in the admin.


def test_a_save_after_someone_elses_is_refused_with_their_change(
    editor_client, other_editor_client, article
):
    mine = editor_client.get(change_url(article))
    theirs = other_editor_client.get(change_url(article))
    other_editor_client.post(change_url(article), form_data(theirs, title_en=THEIRS))

    response = editor_client.post(change_url(article), form_data(mine, title_en=MINE))

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert errors.as_data()[0].code == "edit_conflict"
    assert THEIRS in response.text
    assert "The original" in response.text  # what it was when I opened it
    assert "Jana" in response.text  # who saved


def test_without_the_opened_revision_the_conflict_compares_with_the_input(
    editor_client,
):
    article = factories.article(status=Article.Status.DRAFT, title_en="No history")
    mine = editor_client.get(change_url(article))
    article.title_en = THEIRS
    article.save()

    response = editor_client.post(
        change_url(article),
        form_data(mine, title_en=MINE),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "Your version" in response.text
    assert THEIRS in response.text


def test_the_conflict_keeps_the_users_input_in_the_form(
    editor_client, other_editor_client, article
):
    mine = editor_client.get(change_url(article))
    theirs = other_editor_client.get(change_url(article))
    other_editor_client.post(change_url(article), form_data(theirs, title_en=THEIRS))

    response = editor_client.post(change_url(article), form_data(mine, title_en=MINE))

    assert response.context["adminform"].form["title_en"].value() == MINE
    assert f'value="{MINE}"' in response.text


def test_the_conflict_keeps_the_other_save(editor_client, other_editor_client, article):
    mine = editor_client.get(change_url(article))
    theirs = other_editor_client.get(change_url(article))
    other_editor_client.post(change_url(article), form_data(theirs, title_en=THEIRS))

    editor_client.post(change_url(article), form_data(mine, title_en=MINE))

    assert stored(article).title_en == THEIRS


def test_a_save_through_a_service_meanwhile_is_a_conflict_too(editor_client, article):
    mine = editor_client.get(change_url(article))
    article_save(
        article=stored(article),
        title={"cs": article.title_cs, "en": THEIRS, "de": article.title_de},
        lead={"en": "Lead."},
        body={"en": "<p>Text.</p>"},
    )

    response = editor_client.post(change_url(article), form_data(mine, title_en=MINE))

    assert response.status_code == 200
    assert THEIRS in response.text
    assert stored(article).title_en == THEIRS


def test_saving_again_after_the_conflict_keeps_the_users_version(
    editor_client, other_editor_client, article
):
    mine = editor_client.get(change_url(article))
    theirs = other_editor_client.get(change_url(article))
    other_editor_client.post(change_url(article), form_data(theirs, title_en=THEIRS))
    conflict = editor_client.post(change_url(article), form_data(mine, title_en=MINE))

    response = editor_client.post(change_url(article), form_data(conflict))

    assert response.status_code == 302
    assert stored(article).title_en == MINE


def test_two_saves_racing_past_the_form_check_cannot_both_win(editor_client, article):
    """The other save lands after my form was checked, before mine is written.

    A test runs in one transaction, so the other save made inside my request is
    rolled back with it; the patched get_object() then replays it, as the other
    connection's committed save, before the view runs again.
    """
    mine = editor_client.get(change_url(article))
    raced = []

    def other_save():
        Article.objects.filter(pk=article.pk).update(
            title_en=THEIRS, version=F("version") + 1
        )

    def save_form(self, request, form, change):
        other_save()
        raced.append(True)
        return original_save_form(self, request, form, change)

    def get_object(self, request, object_id, from_field=None):
        if raced and stored(article).title_en != THEIRS:
            other_save()
        return original_get_object(self, request, object_id, from_field)

    original_save_form = ArticleAdmin.save_form
    original_get_object = ArticleAdmin.get_object
    with (
        mock.patch.object(ArticleAdmin, "save_form", save_form),
        mock.patch.object(ArticleAdmin, "get_object", get_object),
    ):
        response = editor_client.post(
            change_url(article), form_data(mine, title_en=MINE)
        )

    assert raced, "the save went through the form check"
    assert response.status_code == 200
    assert "edit-conflict" in response.text
    assert stored(article).title_en == THEIRS


def test_a_visit_save_after_someone_elses_is_refused(admin_client_logged):
    visit = factories.visit(title_en="The original", purpose_en=PURPOSE)
    mine = admin_client_logged.get(change_url(visit))
    visit.title_en = THEIRS
    visit.save()

    response = admin_client_logged.post(
        change_url(visit), form_data(mine, title_en=MINE)
    )

    assert response.status_code == 200
    assert THEIRS in response.text
    visit.refresh_from_db()
    assert visit.title_en == THEIRS


def test_a_visit_save_raises_its_version(admin_client_logged):
    visit = factories.visit(purpose_en=PURPOSE)
    before = visit.version
    form = admin_client_logged.get(change_url(visit))

    response = admin_client_logged.post(
        change_url(visit), form_data(form, title_en=MINE)
    )

    assert response.status_code == 302, response.context["errors"]
    visit.refresh_from_db()
    assert (visit.title_en, visit.version) == (MINE, before + 1)
