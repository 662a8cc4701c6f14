"""{% cached_for_readers %}: the filter forms, the cards, the header, footer and
Follow box, the visit list's results and the detail pages' content, rendered
once per content generation for anonymous readers, never for staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from delegations.filters import VisitFilter
from delegations.models import Visit
from delegations.views import CountryDetailView
from tests import factories

pytestmark = pytest.mark.django_db


def list_page(client, url_name, query=""):
    """The English page of a list, as HTML."""
    with translation.override("en"):
        url = reverse(url_name)
    response = client.get(url + query)
    assert response.status_code == 200
    return response.content.decode()


def visit_list(client, query=""):
    return list_page(client, "delegations:visit_list", query)


def test_the_second_reader_gets_the_form_without_its_choice_queries(client):
    factories.full_visit(country="KZ")
    first = visit_list(client)
    with CaptureQueriesContext(connection) as queries:
        second = visit_list(client)
    assert second == first
    assert not any("delegations_organisation" in q["sql"] for q in queries)


def test_a_kept_form_is_not_built_again(client, monkeypatch):
    factories.full_visit(country="KZ")
    first = visit_list(client)

    def no_form(self):
        raise AssertionError("the form was built for a kept fragment")

    monkeypatch.setattr(VisitFilter, "get_form_class", no_form)
    assert visit_list(client) == first


def test_the_second_reader_of_a_list_reads_no_rows(client):
    factories.full_visit(country="KZ")
    first = visit_list(client)
    with CaptureQueriesContext(connection) as queries:
        second = visit_list(client)
    assert second == first
    assert not any("delegations_visit" in q["sql"] for q in queries)
    assert not any("delegations_participation" in q["sql"] for q in queries)


def test_each_page_and_filter_of_the_list_keeps_its_own_rows(client):
    for n in range(25):
        factories.visit(country="KZ" if n % 2 else "FR", title_en=f"Talks {n:02}")
    first_page = visit_list(client)
    second_page = visit_list(client, "?page=2")
    french = visit_list(client, "?country=fr")
    assert first_page.count('class="card visit-card"') == 20
    assert second_page.count('class="card visit-card"') == 5
    assert "13 visits found" in french and "25 visits found" in first_page
    assert visit_list(client, "?page=2") == second_page


def test_a_write_shows_at_once_in_the_filter_choices(client):
    factories.visit(country="KZ")
    assert 'value="fr"' not in visit_list(client)
    factories.visit(country="FR")
    assert 'value="fr"' in visit_list(client)


def test_each_query_shows_its_own_values_and_errors(client):
    factories.visit(country="KZ")
    assert '<option value="kz" selected>' in visit_list(client, "?country=kz")
    assert '<option value="kz" selected>' not in visit_list(client)
    bad = visit_list(client, "?year=abc")
    assert "error-summary" in bad
    assert "error-summary" not in visit_list(client, "?year=2024")


def test_languages_are_kept_apart(client):
    factories.visit(country="DE")
    with translation.override("de"):
        german = client.get(reverse("delegations:visit_list")).content.decode()
    assert "Deutschland" in german
    assert "Germany" in visit_list(client)


def test_staff_get_their_own_choices_not_the_public_fragment(client):
    factories.visit(country="KZ")
    factories.visit(country="FR", visibility=Visit.Visibility.INTERNAL)
    assert 'value="fr"' not in visit_list(client)
    client.force_login(factories.user(staff=True))
    assert 'value="fr"' in visit_list(client)
    client.logout()
    assert 'value="fr"' not in visit_list(client)


def test_an_edited_visit_card_shows_at_once(client):
    visit = factories.full_visit(title_en="First title")
    assert "First title" in visit_list(client)
    visit.title_en = "Second title"
    visit.save()
    html = visit_list(client)
    assert "Second title" in html and "First title" not in html


def test_a_card_kept_for_one_page_is_not_reused_where_it_differs(client):
    """The country page's cards (another heading, no country) are not the list's."""
    factories.visit(country="KZ", title_en="Steppe talks")
    with translation.override("en"):
        country_url = reverse("delegations:country_detail", kwargs={"code": "kz"})
    assert 'href="/en/countries/kz/">Kazakhstan</a>' in visit_list(client)
    country = client.get(country_url).content.decode()
    assert "Steppe talks" in country
    assert (
        'href="/en/countries/kz/">Kazakhstan</a>'
        not in country.split("Steppe talks")[1].split("</article>")[0]
    )


def test_staff_see_the_internal_badge_on_a_card_the_public_never_sees(client):
    factories.visit(title_en="Public talks")
    visit_list(client)
    client.force_login(factories.user(staff=True))
    factories.visit(title_en="Closed talks", visibility=Visit.Visibility.INTERNAL)
    assert "badge--internal" in visit_list(client)
    client.logout()
    assert "Closed talks" not in visit_list(client)


def test_the_kept_world_map_follows_a_new_partner_country(client):
    factories.visit(country="KZ")
    with translation.override("en"):
        home, countries = reverse("home"), reverse("delegations:country_list")
    assert 'data-code="FR"' not in client.get(home).content.decode()
    factories.visit(country="FR")
    assert 'data-code="FR"' in client.get(countries).content.decode()
    assert 'data-code="FR"' in client.get(home).content.decode()


def test_the_kept_header_marks_the_page_of_each_kind(client):
    """The header is kept per kind of page: each marks its own section."""
    with translation.override("en"):
        news, visits = reverse("articles:list"), reverse("delegations:visit_list")
    for _ in range(2):  # rendered, then kept
        news_html = client.get(news).content.decode()
        visits_html = client.get(visits).content.decode()
        assert f'<a href="{news}" aria-current="page">News</a>' in news_html
        assert f'<a href="{visits}" aria-current="page">' not in news_html
        assert f'<a href="{visits}" aria-current="page">Visits</a>' in visits_html


def test_the_kept_header_keeps_each_pages_own_language_links(client):
    """The language switcher, between the kept parts, links this page."""
    first = factories.full_visit(title_en="First talks", country="KZ")
    second = factories.full_visit(title_en="Second talks", country="KZ")
    for visit in (first, second):
        with translation.override("en"):
            url = visit.get_absolute_url()
        with translation.override("de"):
            german = visit.get_absolute_url()
        html = client.get(url).content.decode()
        assert f'<a href="{german}" lang="de"' in html


def test_the_kept_follow_box_offers_each_pages_own_country(client):
    kazakh = factories.visit(country="KZ")
    french = factories.visit(country="FR")
    for _ in range(2):  # rendered, then kept
        with translation.override("en"):
            kazakh_html = client.get(kazakh.get_absolute_url()).content.decode()
            french_html = client.get(french.get_absolute_url()).content.decode()
        assert "/en/news/feed/country/kz/" in kazakh_html
        assert "/en/news/feed/country/kz/" not in french_html
        assert "/en/news/feed/country/fr/" in french_html


def test_an_edited_article_shows_at_once_in_its_kept_page(client):
    article = factories.article(title_en="First headline", lead_en="First lead")
    with translation.override("en"):
        url = article.get_absolute_url()
    assert "First headline" in client.get(url).content.decode()
    article.title_en, article.lead_en = "Second headline", "Second lead"
    article.save()
    html = client.get(url).content.decode()
    assert "Second headline" in html and "First headline" not in html
    assert "Second lead" in html and "First lead" not in html


def test_an_articles_kept_link_preview_names_the_host_it_was_asked_on(client):
    article = factories.article(title_en="Steppe news")
    with translation.override("en"):
        url = article.get_absolute_url()
    first = client.get(url, headers={"host": "localhost"}).content.decode()
    second = client.get(url, headers={"host": "127.0.0.1"}).content.decode()
    for html, host in ((first, "localhost"), (second, "127.0.0.1")):
        assert f'<meta property="og:url" content="http://{host}{url}">' in html
        assert f'"url": "http://{host}{url}"' in html  # the JSON-LD
    assert "http://localhost" not in second


def country_page(client, code="kz"):
    with translation.override("en"):
        url = reverse("delegations:country_detail", kwargs={"code": code})
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_kept_country_page_computes_no_section(client, monkeypatch):
    factories.full_visit(country="KZ", title_en="Steppe talks")
    first = country_page(client)

    def no_sections(self, user):
        raise AssertionError("the sections were computed for a kept page")

    monkeypatch.setattr(CountryDetailView, "sections", no_sections)
    assert country_page(client) == first
    client.force_login(factories.user(staff=True))
    with pytest.raises(AssertionError, match="for a kept page"):
        country_page(client)


def test_news_about_a_country_shows_at_once_on_its_kept_page(client):
    kz = factories.country("KZ")
    factories.visit(country="KZ")
    assert "Nomad summit" not in country_page(client)
    factories.article(title_en="Nomad summit", countries=[kz])
    assert "Nomad summit" in country_page(client)


def test_a_kept_country_page_is_per_country_and_language(client):
    factories.visit(country="KZ", title_en="Steppe talks")
    factories.visit(country="FR", title_en="Paris talks")
    assert "Steppe talks" in country_page(client)
    assert "Steppe talks" not in country_page(client, "fr")
    with translation.override("de"):
        url = reverse("delegations:country_detail", kwargs={"code": "kz"})
    german = client.get(url).content.decode()
    assert "Kasachstan" in german and ">Kazakhstan<" not in german


def page_of(client, record):
    with translation.override("en"):
        url = record.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("kind", ["person", "organisation"])
def test_person_and_organisation_pages_follow_writes_and_keep_staff_apart(client, kind):
    shown = factories.visit(title_en="Open talks")
    record = factories.person() if kind == "person" else factories.organisation()
    join = factories.participation if kind == "person" else factories.stop
    join(shown, record)
    assert "Open talks" in page_of(client, record)
    with CaptureQueriesContext(connection) as queries:
        page_of(client, record)
    assert len(queries) == 0  # the record itself is kept too

    join(factories.visit(title_en="Closed talks", visibility="internal"), record)
    join(factories.visit(title_en="Later talks"), record)
    assert "Closed talks" not in page_of(client, record)
    assert "Later talks" in page_of(client, record)
    client.force_login(factories.user(staff=True))
    assert "Closed talks" in page_of(client, record)
    client.logout()
    assert "Closed talks" not in page_of(client, record)


def test_a_kept_visit_page_reads_only_the_visit_and_follows_writes(client):
    visit = factories.full_visit(title_en="Steppe talks")
    first = page_of(client, visit)
    with CaptureQueriesContext(connection) as queries:
        assert page_of(client, visit) == first
    assert len(queries) == 0  # the visit itself is kept too
    factories.participation(visit, factories.person(name="Aigerim Newcomer"))
    html = page_of(client, visit)
    head, body = html.split("<body", 1)
    assert "Aigerim Newcomer" in head.split("application/ld+json", 1)[1]
    assert "Aigerim Newcomer" in body


def test_a_visit_page_keeps_its_json_ld_per_host(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    visit = factories.full_visit(title_en="Steppe talks")
    assert "http://testserver/en/visits/" in page_of(client, visit)
    with translation.override("en"):
        url = visit.get_absolute_url()
    other = client.get(url, HTTP_HOST="other.example").content.decode()
    assert '"url": "http://other.example/en/visits/' in other
    assert '"url": "http://testserver/' not in other


def test_staff_get_the_visit_page_with_its_internal_notes(client):
    visit = factories.full_visit(internal_notes="Bring the gifts.")
    assert "Bring the gifts." not in page_of(client, visit)
    client.force_login(factories.user(superuser=True, staff=True))
    assert "Bring the gifts." in page_of(client, visit)
    client.logout()
    assert "Bring the gifts." not in page_of(client, visit)


def test_a_kept_record_is_renamed_at_once_and_never_shown_to_the_public_when_internal(
    client,
):
    person = factories.person(name="Aigerim Firstname")
    factories.participation(factories.visit(), person)
    assert "<title>Aigerim Firstname" in page_of(client, person)
    with CaptureQueriesContext(connection) as queries:
        page_of(client, person)
    assert len(queries) == 0
    person.name = "Aigerim Secondname"
    person.save()
    assert "<title>Aigerim Secondname" in page_of(client, person)

    insider = factories.person(name="Closed Insider")
    factories.participation(
        factories.visit(visibility=Visit.Visibility.INTERNAL), insider
    )
    with translation.override("en"):
        url = insider.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(factories.user(staff=True))
    assert "Closed Insider" in client.get(url).content.decode()
    client.logout()
    assert client.get(url).status_code == 404


def news_list(client, query=""):
    return list_page(client, "articles:list", query)


def test_the_second_reader_of_the_news_reads_no_articles(client):
    factories.article(title_en="Steppe news")
    first = news_list(client)
    with CaptureQueriesContext(connection) as queries:
        second = news_list(client)
    assert second == first and "Steppe news" in second
    assert not any("articles_article" in q["sql"] for q in queries)


def test_each_page_of_the_news_keeps_its_own_articles_and_a_new_one_shows(client):
    for n in range(15):
        factories.article(title_en=f"Bulletin {n:02}")
    first_page, second_page = news_list(client), news_list(client, "?page=2")
    assert first_page.count("Bulletin ") == 10 and second_page.count("Bulletin ") == 5
    assert news_list(client, "?page=2") == second_page
    factories.article(title_en="Fresh bulletin")
    assert "Fresh bulletin" in news_list(client)
