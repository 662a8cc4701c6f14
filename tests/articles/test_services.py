import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from articles.models import Article, Topic
from articles.services import article_save
from tests import factories

pytestmark = pytest.mark.django_db

TITLE = {"cs": "Titulek", "en": "Title", "de": "Titel"}


def test_article_save_creates_article_with_texts_in_each_language():
    article = article_save(
        title=TITLE,
        lead={"cs": "Perex", "en": "Lead", "de": "Vorspann"},
        body={"cs": "<p>Text</p>", "en": "<p>Text</p>", "de": "<p>Text</p>"},
        byline="Ing. Milan Kozel",
    )

    article.refresh_from_db()
    assert (article.title_cs, article.title_en, article.title_de) == (
        "Titulek",
        "Title",
        "Titel",
    )
    assert (article.lead_de, article.byline, article.status) == (
        "Vorspann",
        "Ing. Milan Kozel",
        Article.Status.DRAFT,
    )


def test_article_save_sets_every_relation():
    topic, visit = factories.topic(), factories.visit()
    person, organisation = factories.person(), factories.organisation()
    kz = factories.country("KZ")

    article = article_save(
        title=TITLE,
        topics=[topic],
        visits=[visit],
        countries=[kz],
        people=[person],
        organisations=[organisation],
    )

    assert list(article.topics.all()) == [topic]
    assert list(article.visits.all()) == [visit]
    assert list(article.countries.all()) == [kz]
    assert list(article.people.all()) == [person]
    assert list(article.organisations.all()) == [organisation]


def test_article_save_update_replaces_relations():
    old, new = factories.visit(), factories.visit()
    article = article_save(title=TITLE, visits=[old])

    article_save(article=article, title=TITLE, visits=[new])

    assert list(Article.objects.get().visits.all()) == [new]


def test_article_save_update_keeps_slugs_not_given():
    article = article_save(title=TITLE, slug={"en": "first-slug"})
    slug_cs = article.slug_cs

    article_save(
        article=article,
        title={"cs": "Nový titulek", "en": "New title"},
        slug={"de": "neuer-titel"},
    )

    article = Article.objects.get()
    assert (article.slug_cs, article.slug_en, article.slug_de) == (
        slug_cs,
        "first-slug",
        "neuer-titel",
    )


def test_article_save_stores_the_publication_time():
    when = timezone.now() - datetime.timedelta(days=1)

    article = article_save(
        title=TITLE, status=Article.Status.PUBLISHED, published_at=when
    )

    assert Article.objects.published().get() == article
    assert article.published_at == when


def test_article_save_rejects_an_unknown_status_and_saves_nothing():
    with pytest.raises(ValidationError) as error:
        article_save(title=TITLE, status="archived")

    assert "status" in error.value.message_dict
    assert not Article.objects.exists()


def test_article_save_rejects_an_article_without_title():
    with pytest.raises(ValidationError):
        article_save(title={})

    assert not Article.objects.exists()


def test_article_save_failing_relation_leaves_no_article():
    with pytest.raises(ValueError):
        article_save(title=TITLE, topics=[Topic(name_en="Never saved")])

    assert not Article.objects.exists()
