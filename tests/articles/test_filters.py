"""ArticleFilter: topic, country and year on the news list, and bad input."""

import datetime

import pytest
from django.utils import timezone, translation

from articles.filters import ArticleFilter
from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def filtered(**data):
    filterset = ArticleFilter(data, queryset=Article.objects.published())
    assert filterset.is_valid(), filterset.errors
    return [article.pk for article in filterset.qs]


def errors(**data):
    """The form errors for *data*, in English whatever the catalogs say."""
    with translation.override("en"):
        filterset = ArticleFilter(data, queryset=Article.objects.published())
        assert not filterset.is_valid()
        return {field: list(messages) for field, messages in filterset.errors.items()}


def test_topic_filter_keeps_articles_with_that_topic():
    visits_topic, other_topic = factories.topic(), factories.topic()
    wanted = factories.article(topics=[visits_topic, other_topic])
    factories.article(topics=[other_topic])
    factories.article()

    assert filtered(topic=visits_topic.slug) == [wanted.pk]


def test_unknown_topic_is_a_form_error():
    assert "topic" in errors(topic="no-such-topic")


@pytest.mark.parametrize("code", ["kz", "Kz", "KZ"])
def test_country_filter_accepts_any_case(code):
    wanted = factories.article(countries=[factories.country("KZ")])
    factories.article(countries=[factories.country("DE")])

    assert filtered(country=code) == [wanted.pk]


def test_country_filter_lists_an_article_about_several_countries_once():
    wanted = factories.article(
        countries=[factories.country("KZ"), factories.country("DE")]
    )

    assert filtered(country="kz") == [wanted.pk]


def test_unknown_country_is_a_form_error():
    assert errors(country="XX")["country"] == [
        "There is no country with the code “XX”."
    ]


@pytest.mark.parametrize("value", ["kazakhstan", "k", "1!", "<script>"])
def test_malformed_country_is_a_form_error(value):
    message = errors(country=value)["country"][0]

    assert "is not a two-letter ISO country code" in message


def test_year_filter_keeps_articles_published_that_year():
    wanted = factories.article(
        published_at=datetime.datetime(2024, 5, 9, 14, 51, tzinfo=datetime.UTC)
    )
    factories.article(
        published_at=datetime.datetime(2023, 5, 9, 14, 51, tzinfo=datetime.UTC)
    )

    assert filtered(year="2024") == [wanted.pk]


def test_year_follows_the_site_time_zone():
    # 23:30 UTC on New Year's Eve is already the next year in Prague.
    new_year = factories.article(
        published_at=datetime.datetime(2023, 12, 31, 23, 30, tzinfo=datetime.UTC)
    )

    assert filtered(year="2024") == [new_year.pk]


@pytest.mark.parametrize("value", ["abc", "2024.5", "1800", "99999"])
def test_bad_year_is_a_form_error(value):
    assert "year" in errors(year=value)


def test_filter_never_adds_unpublished_articles():
    kz = factories.country("KZ")
    factories.article(status=Article.Status.DRAFT, countries=[kz])
    factories.article(
        published_at=timezone.now() + datetime.timedelta(days=1), countries=[kz]
    )

    assert filtered(country="KZ") == []
