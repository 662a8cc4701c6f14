"""The article page's article and relations are kept until the content changes
(page cache off): the second reader runs no query, and a write, an
unpublication or a scheduled publication shows at once."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from tests import factories
from tests.editorial import EDITOR, member

pytestmark = pytest.mark.django_db


def en_url(article):
    with translation.override("en"):
        return article.get_absolute_url()


def test_the_second_reader_runs_no_query(client, django_assert_num_queries):
    visit = factories.full_visit()
    article = factories.article(
        visits=[visit], people=[visit.participations.first().person]
    )
    first = client.get(en_url(article))
    with django_assert_num_queries(0):
        second = client.get(en_url(article))
    assert second.status_code == 200
    assert second.content == first.content


def test_an_edit_and_an_unpublication_show_at_once(client):
    article = factories.article(title_en="Old headline")
    url = en_url(article)
    assert "Old headline" in client.get(url).content.decode()
    article.title_en = "New headline"
    article.save()
    assert "New headline" in client.get(url).content.decode()
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(url).status_code == 404


def test_an_unknown_slug_stays_unknown_until_published(client):
    with translation.override("en"):
        url = reverse("articles:detail", kwargs={"slug": "later-news"})
    assert client.get(url).status_code == 404
    factories.article(slug_en="later-news", slug_cs="later-news")
    assert client.get(url).status_code == 200


def test_a_scheduled_article_appears_on_time(client, monkeypatch):
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    article = factories.article(published_at=publish_at, title_en="Embargoed")
    url = en_url(article)
    assert client.get(url).status_code == 404
    later = time.time() + 3601
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(
        timezone, "now", lambda: publish_at + datetime.timedelta(seconds=1)
    )
    assert "Embargoed" in client.get(url).content.decode()


def test_the_byline_links_a_person_once_public(client):
    person = factories.person(name="Milan Kozel")  # on record, but not public
    with translation.override("en"):
        person_url = person.get_absolute_url()
    article = factories.article(byline="Ing. Milan Kozel")
    url = en_url(article)
    assert person_url not in client.get(url).content.decode()
    factories.article(people=[person])  # a published article makes him public
    assert person_url in client.get(url).content.decode()


def test_a_previewed_draft_is_never_kept_for_the_public(client):
    client.force_login(member(EDITOR))
    draft = factories.article(title_en="Secret draft", status=Article.Status.DRAFT)
    preview = reverse("admin:articles_article_preview", args=[draft.pk, "en"])
    assert "Secret draft" in client.get(preview).content.decode()
    client.logout()
    assert client.get(en_url(draft)).status_code == 404
