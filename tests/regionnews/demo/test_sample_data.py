"""generate_sample_data: deterministic, complete rows as save() would store them,
and the pages over 1,000 articles within the same query budgets as over 50."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from delegations.models import Organisation, Person, Visit
from regionnews.core.translation_status import (
    attribute_reader,
    updated_translation_status,
)
from regionnews.demo.sample_data import generate_sample_data
from tests import factories

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC)


def snapshot():
    """What the sample consists of, without ids and save times."""
    articles = Article.objects.order_by("slug_cs").values_list(
        "slug_cs", "title_en", "lead_de", "body_cs", "status", "published_at",
        "translation_fingerprints", "outdated_languages",
    )  # fmt: skip
    visits = Visit.objects.order_by("slug").values_list(
        "slug", "start_date", "country__code", "visibility", "status"
    )
    links = Article.objects.order_by("slug_cs").annotate(
        n=Count("visits") + Count("people") + Count("organisations")
    )
    return list(articles), list(visits), list(links.values_list("slug_cs", "n"))


def test_the_same_seed_gives_the_same_archive():
    generate_sample_data(articles=60, seed=7, now=NOW)
    first = snapshot()
    Article.objects.all().delete()
    Visit.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    generate_sample_data(articles=60, seed=7, now=NOW)
    assert snapshot() == first


def test_another_seed_gives_another_archive():
    generate_sample_data(articles=30, seed=1, now=NOW)
    first = snapshot()
    Article.objects.all().delete()
    Visit.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    generate_sample_data(articles=30, seed=2, now=NOW)
    assert snapshot() != first


def test_fingerprints_are_what_a_save_would_store():
    generate_sample_data(articles=40, seed=3, now=NOW)
    for obj in [*Article.objects.all(), *Visit.objects.all()]:
        expected, _outdated = updated_translation_status(
            attribute_reader(obj),
            required=obj.translation_required_fields,
            text_fields=obj.translation_text_fields,
            fingerprints={},
            outdated=[],
        )
        assert obj.translation_fingerprints == expected


def test_the_archive_has_drafts_scheduled_internal_and_linked_items():
    generate_sample_data(articles=400, seed=2004, now=NOW)
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    assert Article.objects.filter(published_at__gt=NOW).exists()
    assert Visit.objects.filter(visibility=Visit.Visibility.INTERNAL).exists()
    assert Visit.objects.exclude(participations=None).count() == Visit.objects.count()
    assert Article.objects.exclude(visits=None).exists()
    assert Article.objects.exclude(title_de="").exclude(title_de=None).exists()


def test_the_command_refuses_a_database_with_articles():
    factories.article()
    with pytest.raises(CommandError, match="empty database"):
        call_command("generate_sample_data", "--articles", "5")


# Each page's query budget over 1,000 articles: the same as over 50 rows
# (tests/articles, tests/delegations), so the count does not grow with N.
BUDGETS_AT_1000 = {
    # + the map and "at a glance" (r10-visual), with every section filled; the
    # first page rendered also asks when the next scheduled change is (+1).
    "home": 9,
    "articles:list": 6,
    "article": 8,
    "delegations:visit_list": 6,
    "visit": 8,
    "delegations:country_list": 2,
    "country": 9,
    "person": 5,
    "organisation": 6,
    "delegations:visit_statistics": 5,
    "sitemap": 12,
}


def test_every_page_keeps_its_query_budget_at_1000_articles(
    client, django_assert_max_num_queries
):
    generate_sample_data(articles=1000, seed=2004)
    article = Article.objects.published().order_by("-published_at").first()
    busiest = Visit.objects.public().values("country__code").annotate(n=Count("pk"))
    code = busiest.order_by("-n").first()["country__code"].lower()
    person = Person.objects.annotate(n=Count("participations")).order_by("-n").first()
    place = Organisation.objects.annotate(n=Count("stops")).order_by("-n").first()
    visit = Visit.objects.public().first()
    with translation.override("en"):
        urls = {
            "article": article.get_absolute_url(),
            "visit": visit.get_absolute_url(),
            "country": reverse("delegations:country_detail", kwargs={"code": code}),
            "person": person.get_absolute_url(),
            "organisation": place.get_absolute_url(),
            "sitemap": reverse("sitemap_section", kwargs={"section": "articles"}),
        }
        for name in BUDGETS_AT_1000:
            if name not in urls:
                urls[name] = reverse(name)
    for name, budget in BUDGETS_AT_1000.items():
        with django_assert_max_num_queries(budget, info=name):
            response = client.get(urls[name])
        assert response.status_code == 200, name
