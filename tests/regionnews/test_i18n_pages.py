"""Every public page in every language: 200, the right lang, links to the others."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from delegations.models import Participation
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["cs", "en", "de"]


@pytest.fixture
def site():
    """One of each public object, cross-linked like the Kazakhstan example."""
    kz = factories.country("KZ")
    person = factories.person(name="Bakyt Dyussenbayev")
    organisation = factories.organisation(name_en="University of West Bohemia")
    visit = factories.visit(
        title_en="Visit of the Ambassador of Kazakhstan",
        start_date=datetime.date(2024, 4, 4),
        country=kz,
    )
    factories.participation(visit=visit, person=person)
    factories.stop(visit=visit, organisation=organisation)
    article = factories.article(
        title_cs="Velvyslanec Kazachstánu v Plzni",
        title_en="Ambassador of Kazakhstan in Pilsen",
        title_de="Botschafter Kasachstans in Pilsen",
        byline="Ing. Milan Kozel",
        published_at=timezone.make_aware(datetime.datetime(2024, 5, 9, 14, 51)),
        visits=[visit],
        countries=[kz],
    )
    return {
        "article": article,
        "visit": visit,
        "country": kz,
        "person": person,
        "organisation": organisation,
    }


# (URL name, a function of the fixture giving the reverse() kwargs)
PAGES = [
    ("home", lambda site: {}),
    ("articles:list", lambda site: {}),
    ("articles:detail", lambda site: {"slug": site["article"].slug}),
    ("delegations:visit_list", lambda site: {}),
    ("delegations:visit_detail", lambda site: {"slug": site["visit"].slug}),
    ("delegations:country_list", lambda site: {}),
    ("delegations:country_detail", lambda site: {"code": "kz"}),
    (
        "delegations:organisation_detail",
        lambda site: {"slug": site["organisation"].slug},
    ),
    ("delegations:person_detail", lambda site: {"slug": site["person"].slug}),
]


def page_url(name, kwargs, lang):
    """The URL in *lang*; kwargs may be a callable (article slugs are translated)."""
    with translation.override(lang):
        return reverse(name, kwargs=kwargs() if callable(kwargs) else kwargs)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name,kwargs", PAGES, ids=[name for name, _ in PAGES])
def test_public_page_renders_in_each_language(client, site, name, kwargs, lang):
    response = client.get(page_url(name, lambda: kwargs(site), lang))

    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name,kwargs", PAGES, ids=[name for name, _ in PAGES])
def test_public_page_links_to_itself_in_every_language(
    client, site, name, kwargs, lang
):
    html = client.get(page_url(name, lambda: kwargs(site), lang)).content.decode()

    for other in LANGUAGES:
        url = "http://testserver" + page_url(name, lambda: kwargs(site), other)
        assert f'<link rel="alternate" hreflang="{other}" href="{url}">' in html
    default_url = "http://testserver" + page_url(name, lambda: kwargs(site), "cs")
    assert f'<link rel="alternate" hreflang="x-default" href="{default_url}">' in html


def test_article_alternates_point_to_its_slug_in_each_language(client, site):
    article = site["article"]

    html = client.get(page_url("articles:detail", {"slug": article.slug_en}, "en"))
    html = html.content.decode()

    for lang, slug in [
        ("cs", "velvyslanec-kazachstanu-v-plzni"),
        ("en", "ambassador-of-kazakhstan-in-pilsen"),
        ("de", "botschafter-kasachstans-in-pilsen"),
    ]:
        url = "http://testserver" + page_url("articles:detail", {"slug": slug}, lang)
        assert f'hreflang="{lang}" href="{url}"' in html


def test_canonical_link_is_the_page_in_its_own_language(client, site):
    html = client.get(reverse("delegations:visit_list")).content.decode()

    url = "http://testserver" + page_url("delegations:visit_list", {}, "cs")
    assert f'<link rel="canonical" href="{url}">' in html


def test_language_switcher_marks_the_current_language(client, site):
    html = client.get(page_url("home", {}, "de")).content.decode()

    def link(code, name, current=""):
        # The name, and the code a phone shows instead (hidden from screen readers).
        return (
            f'<a href="/{code}/" lang="{code}" hreflang="{code}"{current}>'
            f'<span class="language-switcher__name">{name}</span>'
            f'<span class="language-switcher__code" aria-hidden="true">'
            f"{code.upper()}</span></a>"
        )

    assert link("de", "Deutsch", ' aria-current="true"') in html
    assert link("en", "English") in html
    assert link("cs", "Česky") in html


def test_language_switcher_keeps_the_reader_on_the_same_article(client, site):
    article = site["article"]

    html = client.get(page_url("articles:detail", {"slug": article.slug_cs}, "cs"))

    url = page_url(
        "articles:detail", {"slug": "botschafter-kasachstans-in-pilsen"}, "de"
    )
    assert f'<a href="{url}" lang="de"' in html.content.decode()


def test_language_switcher_keeps_the_filter_on_a_list(client, site):
    response = client.get(page_url("delegations:visit_list", {}, "en") + "?country=kz")

    url = page_url("delegations:visit_list", {}, "de") + "?country=kz"
    assert f'<a href="{url}" lang="de"' in response.content.decode()


@pytest.mark.parametrize(
    "lang,expected",
    # A non-breaking space ties the day to its month in Czech and German.
    [
        ("cs", "4.\u00a0dubna 2024"),
        ("en", "4 April 2024"),
        ("de", "4.\u00a0April 2024"),
    ],
)
def test_visit_dates_are_written_in_the_page_language(client, site, lang, expected):
    slug = getattr(site["visit"], f"slug_{lang}")  # visit slugs are translated
    url = page_url("delegations:visit_detail", {"slug": slug}, lang)

    assert expected in client.get(url).content.decode()


@pytest.mark.parametrize(
    "lang,expected",
    [
        # One date style per language: no "09. května" beside "9. května".
        ("cs", "9. května 2024 14:51</time>, Ing. Milan Kozel"),
        ("en", "9 May 2024 14:51</time>, Ing. Milan Kozel"),
        ("de", "9. Mai 2024 14:51</time>, Ing. Milan Kozel"),
    ],
)
def test_article_publication_line_is_localised(client, site, lang, expected):
    with translation.override(lang):
        url = site["article"].get_absolute_url()

    assert expected in client.get(url).content.decode()


def test_every_page_has_a_skip_link_to_main(client, site):
    html = client.get(page_url("home", {}, "en")).content.decode()

    assert 'href="#main"' in html
    assert '<main id="main"' in html


def test_guest_role_is_shown_in_the_page_language(client, site):
    participation = Participation.objects.get(visit=site["visit"])
    participation.role_cs = "Velvyslanec Kazachstánu"
    participation.save()
    url = page_url("delegations:visit_detail", {"slug": site["visit"].slug}, "cs")

    assert "Velvyslanec Kazachstánu" in client.get(url).content.decode()


def test_root_redirects_by_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 302
    assert response["Location"] == "/de/"
