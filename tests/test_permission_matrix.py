"""Who gets what: every role against the admin and public URLs of articles
and visits in every state. Built once per class (module_data), one request per
case; the expected status is a small rule per URL, stated next to it.
"""

import datetime

import pytest
import reversion
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from delegations.models import Visit
from tests import factories
from tests.conftest import module_data
from tests.editorial import CHIEF_EDITOR, EDITOR, PROTOCOL_OFFICER, member

ROLES = ["anonymous", "staff", "editor", "chief", "protocol", "superuser"]
ARTICLES = ["draft", "review", "scheduled", "published", "unpublished", "deleted"]
VISITS = ["public", "internal"]
WRITERS = {"editor", "chief", "superuser"}  # change articles
ARTICLE_READERS = WRITERS | {"protocol"}  # view articles in the admin
VISIT_READERS = {"editor", "chief", "protocol", "superuser"}
EXPORTERS = {"protocol", "superuser"}


@module_data
def matrix():
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    users = {
        "staff": factories.user(staff=True),
        "editor": member(EDITOR),
        "chief": member(CHIEF_EDITOR),
        "protocol": member(PROTOCOL_OFFICER),
        "superuser": factories.user(superuser=True),
    }
    draft = Article.Status.DRAFT
    articles = {
        "draft": factories.article(status=draft, published_at=None),
        "review": factories.article(status=Article.Status.REVIEW, published_at=None),
        "scheduled": factories.article(published_at=now + hour),
        "published": factories.article(),
        "unpublished": factories.article(status=draft, published_at=now - hour),
    }
    deleted = factories.article()
    with reversion.create_revision():
        deleted.save()
    deleted_pk, deleted_slug = deleted.pk, deleted.slug_en
    deleted.delete()
    visits = {
        "public": factories.visit(visibility=Visit.Visibility.PUBLIC),
        "internal": factories.visit(visibility=Visit.Visibility.INTERNAL),
    }
    return {
        "users": users,
        "articles": articles,
        "deleted": (deleted_pk, deleted_slug),
        "visits": visits,
    }


def login(client, matrix, role):
    if role != "anonymous":
        client.force_login(matrix["users"][role])


def article_ref(matrix, state):
    if state == "deleted":
        return matrix["deleted"]
    article = matrix["articles"][state]
    return article.pk, article.slug_en


def expected_admin_article(role, state):
    if role == "anonymous":
        return 302  # to the login page
    if role not in ARTICLE_READERS:
        return 403
    return 302 if state == "deleted" else 200  # "does not exist" redirect


def expected_public_article(role, state):
    return 200 if state == "published" else 404


def expected_admin_visit(role, state):
    if role == "anonymous":
        return 302
    return 200 if role in VISIT_READERS else 403


def expected_public_visit(role, state):
    if state == "public" or role not in ("anonymous",):
        return 200
    return 404


@pytest.mark.django_db
class TestArticles:
    @pytest.mark.parametrize("state", ARTICLES)
    @pytest.mark.parametrize("role", ROLES)
    def test_admin_change_form(self, client, matrix, role, state):
        login(client, matrix, role)
        pk, _slug = article_ref(matrix, state)

        response = client.get(reverse("admin:articles_article_change", args=[pk]))

        assert response.status_code == expected_admin_article(role, state)

    @pytest.mark.parametrize("state", ARTICLES)
    @pytest.mark.parametrize("role", ROLES)
    def test_public_page(self, client, matrix, role, state):
        login(client, matrix, role)
        _pk, slug = article_ref(matrix, state)
        with translation.override("en"):
            url = reverse("articles:detail", kwargs={"slug": slug})

        assert client.get(url).status_code == expected_public_article(role, state)

    @pytest.mark.parametrize("state", ARTICLES)
    @pytest.mark.parametrize("role", ROLES)
    def test_public_lists_and_feeds_show_only_the_published(
        self, client, matrix, role, state
    ):
        login(client, matrix, role)
        _pk, slug = article_ref(matrix, state)
        with translation.override("en"):
            pages = [reverse("articles:list"), reverse("articles:feed")]

        shown = any(slug in client.get(page).text for page in pages)

        assert shown is (state == "published")

    @pytest.mark.parametrize("role", ROLES)
    def test_recover_deleted_needs_the_publish_permission(self, client, matrix, role):
        from reversion.models import Version

        login(client, matrix, role)
        version = Version.objects.get_deleted(Article).get()

        response = client.get(
            reverse("admin:articles_article_recover", args=[version.pk])
        )

        expected = {"anonymous": 302, "chief": 200, "superuser": 200}.get(role, 403)
        assert response.status_code == expected


@pytest.mark.django_db
class TestVisits:
    @pytest.mark.parametrize("state", VISITS)
    @pytest.mark.parametrize("role", ROLES)
    def test_admin_change_form(self, client, matrix, role, state):
        login(client, matrix, role)
        visit = matrix["visits"][state]

        response = client.get(
            reverse("admin:delegations_visit_change", args=[visit.pk])
        )

        assert response.status_code == expected_admin_visit(role, state)

    @pytest.mark.parametrize("state", VISITS)
    @pytest.mark.parametrize("role", ROLES)
    def test_public_page(self, client, matrix, role, state):
        login(client, matrix, role)
        visit = matrix["visits"][state]
        with translation.override("en"):
            url = visit.get_absolute_url()

        assert client.get(url).status_code == expected_public_visit(role, state)

    @pytest.mark.parametrize("export", ["visit_export_csv", "visit_export_json"])
    @pytest.mark.parametrize("role", ROLES)
    def test_export_of_internal_visits(self, client, matrix, role, export):
        login(client, matrix, role)
        with translation.override("en"):
            url = reverse(f"delegations:{export}")

        response = client.get(url)

        if role == "anonymous":
            assert response.status_code == 404
        elif role in EXPORTERS:
            assert response.status_code == 200
            assert matrix["visits"]["internal"].slug in response.content.decode()
        else:
            assert response.status_code == 403
