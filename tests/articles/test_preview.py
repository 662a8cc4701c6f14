import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from tests import factories
from tests.editorial import EDITOR, PROTOCOL_OFFICER, change_url, member

pytestmark = pytest.mark.django_db

LANGUAGES = ("cs", "en", "de")


def preview_url(article, lang):
    return reverse("admin:articles_article_preview", args=[article.pk, lang])


@pytest.fixture
def editor_client(client):
    client.force_login(member(EDITOR))
    return client


@pytest.fixture
def draft():
    return factories.article(
        status=Article.Status.DRAFT,
        title_cs="Velvyslanec navštívil kraj",
        title_en="Ambassador visited the region",
        title_de="Botschafter besuchte die Region",
        body_en="<p>The Governor received him.</p>",
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_preview_shows_a_draft_in_each_language(editor_client, draft, lang):
    response = editor_client.get(preview_url(draft, lang))

    assert response.status_code == 200
    assert getattr(draft, f"title_{lang}") in response.text
    assert f'<html lang="{lang}">' in response.text


def test_preview_renders_the_public_article_template(editor_client, draft):
    response = editor_client.get(preview_url(draft, "en"))

    used = {template.name for template in response.templates}
    assert "articles/article_detail.html" in used
    assert "<p>The Governor received him.</p>" in response.text


def test_preview_says_it_is_not_published(editor_client, draft):
    response = editor_client.get(preview_url(draft, "en"), HTTP_ACCEPT_LANGUAGE="en")

    assert "Preview — not published" in response.text


def test_preview_is_not_indexed(editor_client, draft):
    response = editor_client.get(preview_url(draft, "en"))

    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "noindex" in response["X-Robots-Tag"]


def test_preview_has_no_canonical_link_to_the_public_page(editor_client, draft):
    response = editor_client.get(preview_url(draft, "en"))

    assert 'rel="canonical"' not in response.text


def test_preview_is_never_cached(editor_client, draft):
    response = editor_client.get(preview_url(draft, "en"))

    cache_control = response["Cache-Control"]
    assert "no-cache" in cache_control
    assert "no-store" in cache_control
    assert "private" in cache_control


def test_preview_links_to_every_language(editor_client, draft):
    response = editor_client.get(preview_url(draft, "cs"))

    for lang in LANGUAGES:
        assert f'href="{preview_url(draft, lang)}"' in response.text


def test_preview_links_back_to_the_change_form(editor_client, draft):
    response = editor_client.get(preview_url(draft, "de"))

    assert f'href="{change_url(draft)}"' in response.text


def test_preview_of_an_article_in_review(editor_client):
    article = factories.article(status=Article.Status.REVIEW, title_en="In review")

    response = editor_client.get(preview_url(article, "en"), HTTP_ACCEPT_LANGUAGE="en")

    assert "In review" in response.text
    assert "Preview — not published" in response.text


def test_preview_of_a_scheduled_article_says_when_it_appears(editor_client):
    when = timezone.now() + datetime.timedelta(days=2)
    article = factories.article(published_at=when, title_en="Coming soon")

    response = editor_client.get(preview_url(article, "en"), HTTP_ACCEPT_LANGUAGE="en")

    assert "Coming soon" in response.text
    assert "Scheduled" in response.text


def test_preview_does_not_publish(editor_client, draft):
    editor_client.get(preview_url(draft, "en"))

    with translation.override("en"):
        public = editor_client.get(draft.get_absolute_url())
    assert public.status_code == 404


def test_preview_sends_a_visitor_to_the_login(client, draft):
    response = client.get(preview_url(draft, "en"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_preview_sends_a_user_who_is_not_staff_to_the_login(client, draft):
    client.force_login(factories.user())

    response = client.get(preview_url(draft, "en"))

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_preview_refuses_staff_who_may_not_change_articles(client, draft):
    client.force_login(member(PROTOCOL_OFFICER))

    response = client.get(preview_url(draft, "en"))

    assert response.status_code == 403


def test_preview_of_an_unknown_language_is_not_found(editor_client, draft):
    response = editor_client.get(preview_url(draft, "fr"))

    assert response.status_code == 404


def test_preview_of_an_unknown_article_is_not_found(editor_client):
    response = editor_client.get(
        reverse("admin:articles_article_preview", args=[987654, "en"])
    )

    assert response.status_code == 404


def test_change_form_has_a_preview_button(editor_client, draft):
    response = editor_client.get(change_url(draft))

    assert f'href="{preview_url(draft, "cs")}"' in response.text


def test_change_form_of_a_read_only_user_has_no_preview_button(client, draft):
    client.force_login(member(PROTOCOL_OFFICER))

    response = client.get(change_url(draft))

    assert preview_url(draft, "cs") not in response.text


def test_preview_query_count_is_bounded(editor_client, django_assert_max_num_queries):
    article = factories.article(
        status=Article.Status.DRAFT,
        topics=[factories.topic() for _ in range(5)],
        people=[factories.person() for _ in range(5)],
        visits=[factories.full_visit() for _ in range(3)],
    )

    with django_assert_max_num_queries(16):
        response = editor_client.get(preview_url(article, "en"))

    assert response.status_code == 200
