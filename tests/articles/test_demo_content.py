"""The demo loader: idempotent, faithful to the seed article, cross-linked end to end.

The one place where the suite loads the demo content (unit tests use factories).
"""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from articles import demo_content
from articles.models import Article
from delegations.models import Country, Participation, Visit

pytestmark = pytest.mark.django_db

SEED_SLUG = "ambassador-of-kazakhstan-visited-the-headquarters-of-the-pilsen-region"
KAZAKHSTAN_VISIT = "ambassador-of-kazakhstan-2024"


def load():
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def demo():
    load()


@pytest.fixture
def seed_article(demo):
    return Article.objects.get(slug_en=SEED_SLUG)


@pytest.fixture
def kazakhstan_visit(demo):
    return Visit.objects.get(slug_en=KAZAKHSTAN_VISIT)


def row_counts():
    return {
        model._meta.label: model._base_manager.count()
        for app in ("articles", "delegations")
        for model in apps.get_app_config(app).get_models()
    } | {
        through._meta.label: through.objects.count()
        for through in (
            Article.topics.through,
            Article.visits.through,
            Article.countries.through,
            Article.people.through,
            Article.organisations.through,
        )
    }


def test_loading_twice_leaves_the_same_rows():
    load()
    first = row_counts()

    load()

    assert row_counts() == first


def test_loader_creates_exactly_the_demo_visits_and_articles(demo):
    assert set(Visit.objects.values_list("slug_en", flat=True)) == {
        visit["slug"] for visit in demo_content.VISITS
    }
    assert set(Article.objects.values_list("slug_en", flat=True)) == {
        article["slug"] for article in demo_content.ARTICLES
    }
    assert Article.objects.published().count() == len(demo_content.ARTICLES)


def test_loader_prints_a_summary(capsys):
    call_command("load_demo_content")

    assert "Demo content: 4 articles, 6 visits" in capsys.readouterr().out


def test_seed_article_title_and_byline(seed_article):
    assert seed_article.title_en == (
        "Ambassador of Kazakhstan visited the headquarters of the Pilsen Region"
    )
    assert seed_article.title_cs == (
        "Velvyslanec Kazachstánu navštívil sídlo Plzeňského kraje"
    )
    assert seed_article.byline == "Ing. Milan Kozel"


def test_seed_article_is_published_at_the_prague_time_of_the_date_line(seed_article):
    prague = ZoneInfo("Europe/Prague")
    assert seed_article.published_at == datetime.datetime(
        2024, 5, 9, 14, 51, tzinfo=prague
    )
    assert Article.objects.published().filter(pk=seed_article.pk).exists()


def test_seed_article_lead_is_the_first_paragraph_and_body_the_rest(seed_article):
    assert seed_article.lead_en.startswith("On Thursday, 4 April, the Governor")
    paragraphs = re.findall(r"<p>(.*?)</p>", seed_article.body_en, flags=re.S)
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Bakyt Dyussenbayev emphasized")
    assert paragraphs[-1].endswith("about 30 Czech companies operating in Kazakhstan.")


def test_seed_article_links_its_visit_country_people_and_places(seed_article):
    assert [v.slug_en for v in seed_article.visits.all()] == [KAZAKHSTAN_VISIT]
    assert [c.code for c in seed_article.countries.all()] == ["KZ"]
    assert {p.slug for p in seed_article.people.all()} == {
        "bakyt-dyussenbayev",
        "timur-akhmetzhanov",
        "rudolf-spotak",
    }
    assert seed_article.organisations.count() == 5
    assert {t.name_en for t in seed_article.topics.all()} == {"Diplomacy", "Economy"}


@pytest.mark.parametrize("field", ["title", "slug", "lead", "body"])
def test_seed_article_has_czech_and_german_text_for_each_translated_field(
    seed_article, field
):
    # main_image_alt is translated too, but the demo has no images to describe.
    english = getattr(seed_article, f"{field}_en")
    for code in ("cs", "de"):
        text = getattr(seed_article, f"{field}_{code}")
        assert text
        assert text != english


def test_every_demo_article_has_the_same_paragraphs_in_each_language(demo):
    for article in Article.objects.all():
        counts = {
            code: getattr(article, f"body_{code}").count("<p>")
            for code in ("cs", "en", "de")
        }
        assert len(set(counts.values())) == 1, (article.slug_en, counts)
        assert counts["en"] >= 2


def test_kazakhstan_visit_facts(kazakhstan_visit):
    assert kazakhstan_visit.start_date == datetime.date(2024, 4, 4)
    assert kazakhstan_visit.country.code == "KZ"
    assert (
        kazakhstan_visit.direction,
        kazakhstan_visit.status,
        kazakhstan_visit.visibility,
    ) == ("incoming", "held", "public")
    assert kazakhstan_visit.title_cs and kazakhstan_visit.title_de
    assert kazakhstan_visit.outcome_de


def test_kazakhstan_visit_has_two_guests_then_one_host_with_roles(kazakhstan_visit):
    rows = [
        (p.person.name, p.side, p.role_en)
        for p in kazakhstan_visit.participations.order_by("order")
    ]
    assert rows == [
        (
            "Bakyt Dyussenbayev",
            Participation.Side.GUEST,
            "Ambassador of Kazakhstan to the Czech Republic",
        ),
        (
            "Timur Akhmetzhanov",
            Participation.Side.GUEST,
            "Commercial Counsellor of the Embassy of Kazakhstan in the Czech Republic",
        ),
        ("Rudolf Špoták", Participation.Side.HOST, "Governor of the Pilsen Region"),
    ]
    host = kazakhstan_visit.participations.get(side=Participation.Side.HOST)
    assert host.role_cs == "hejtman Plzeňského kraje"
    assert host.person.country.code == "CZ"


def test_ambassador_is_his_excellency_in_each_language(kazakhstan_visit):
    ambassador = kazakhstan_visit.participations.get(order=0).person
    assert (
        ambassador.honorific_cs,
        ambassador.honorific_en,
        ambassador.honorific_de,
    ) == ("J. E.", "H. E.", "S. E.")


def test_kazakhstan_visit_stops_in_the_order_of_the_article(kazakhstan_visit):
    with translation.override("en"):
        names = [s.organisation.name for s in kazakhstan_visit.stops.order_by("order")]
    assert names == [
        "Regional Authority of the Pilsen Region",
        "University of West Bohemia",
        "Škoda Transportation",
        "Regional Chamber of Commerce of the Pilsen Region",
        "Pilsner Urquell Brewery",
    ]
    assert [s.organisation.kind for s in kazakhstan_visit.stops.order_by("order")] == [
        "government",
        "university",
        "company",
        "chamber",
        "company",
    ]


def test_demo_has_visits_from_at_least_four_countries_with_an_article_each(demo):
    public_held = Visit.objects.public().filter(status=Visit.Status.HELD)
    countries = {visit.country.code for visit in public_held if visit.articles.exists()}
    assert len(countries) >= 4


def test_demo_has_a_planned_public_visit_in_the_future(demo):
    assert (
        Visit.objects.public()
        .filter(status=Visit.Status.PLANNED, start_date__year=2027)
        .exists()
    )


def test_internal_demo_visit_has_notes_and_no_published_article(demo):
    internal = Visit.objects.get(visibility=Visit.Visibility.INTERNAL)

    assert internal.internal_notes
    assert not Article.objects.published().filter(visits=internal).exists()


def test_demo_pages_are_cross_linked_end_to_end(client, demo):
    with translation.override("en"):
        article = Article.objects.get(slug_en=SEED_SLUG)
        visit = Visit.objects.get(slug=KAZAKHSTAN_VISIT)
        kz = Country.objects.get(code="KZ")
        home_url = reverse("home")
        article_url = article.get_absolute_url()
        visit_url = visit.get_absolute_url()
        country_url = kz.get_absolute_url()
        stop_urls = [s.organisation.get_absolute_url() for s in visit.stops.all()]
        person_urls = [p.person.get_absolute_url() for p in visit.participations.all()]
    assert (home_url, country_url) == ("/en/", "/en/countries/kz/")

    home = client.get(home_url)
    article_page = client.get(article_url)
    visit_page = client.get(visit_url)
    country_page = client.get(country_url)

    assert [
        page.status_code for page in (home, article_page, visit_page, country_page)
    ] == [200, 200, 200, 200]
    assert article_url in home.text
    assert visit_url in article_page.text
    assert all(url in article_page.text for url in stop_urls)
    assert all(url in visit_page.text for url in stop_urls + person_urls)
    assert article_url in visit_page.text
    assert country_url in visit_page.text
    assert visit_url in country_page.text
    assert article_url in country_page.text
    assert "Ambassador of Kazakhstan to the Czech Republic" in visit_page.text
