"""Search across articles, visits, people and organisations (regionnews.search).

Folding, inflection prefixes, visibility and highlighting behave the same on
both databases and are tested on both; trigram near misses and PostgreSQL's
word-prefix (not substring) matching are tested where CI runs PostgreSQL.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from delegations.models import Visit
from regionnews.search import results as results_module
from regionnews.search.results import search
from regionnews.search.text import (
    MAX_QUERY_LENGTH,
    InvalidQuery,
    highlight,
    parse_query,
    prefixes,
)
from tests import factories
from tests.conftest import module_data

pytestmark = pytest.mark.django_db

LANGUAGES = ["cs", "en", "de"]


@pytest.fixture
def requires_postgresql():
    """Skip where the behaviour under test exists only on PostgreSQL."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (full-text and trigram search); CI runs it")


@pytest.fixture
def site():
    """The Kazakhstan visit of the seed article, cross-linked."""
    kz = factories.country("KZ")
    governor = factories.person(name="Rudolf Špoták", country=factories.country("CZ"))
    ambassador = factories.person(name="Bakyt Dyussenbayev", country=kz)
    skoda = factories.organisation(
        name_cs="Škoda Transportation",
        name_en="Škoda Transportation",
        name_de="Škoda Transportation",
        city_cs="Plzeň",
        city_en="Pilsen",
        city_de="Pilsen",
    )
    visit = factories.visit(
        title_cs="Návštěva velvyslance",
        title_en="Visit of the ambassador",
        title_de="Besuch des Botschafters",
        purpose_cs="Jednání o hospodářské spolupráci.",
        country=kz,
    )
    factories.participation(visit=visit, person=ambassador)
    factories.participation(visit=visit, person=governor, side="host")
    factories.stop(visit=visit, organisation=skoda)
    article = factories.article(
        title_cs="Velvyslanec navštívil sídlo kraje",
        title_en="Ambassador visited the regional headquarters",
        title_de="Botschafter besuchte den Sitz der Region",
        lead_cs="Velvyslanec přijel v dubnu.",
        lead_en="The ambassador came in April.",
        lead_de="Der Botschafter kam im April.",
        body_cs="<p>Hejtman Rudolf Špoták přijal hosty.</p>",
        body_en="<p>Governor Rudolf Špoták received the guests.</p>",
        body_de="<p>Hauptmann Rudolf Špoták empfing die Gäste.</p>",
        visits=[visit],
        countries=[kz],
    )
    return {
        "article": article,
        "visit": visit,
        "governor": governor,
        "ambassador": ambassador,
        "skoda": skoda,
    }


def found(query, kind, *, user=None, language="cs"):
    """The objects of *kind* that *query* finds for *user* (anonymous if None)."""
    results = search(query, user=user, language=language)
    group = next(group for group in results.groups if group.kind == kind)
    return [hit.obj for hit in group.hits]


def hits_of(results, kind):
    """The hits of one kind, wherever the page lists its group."""
    return next(group.hits for group in results.groups if group.kind == kind)


def search_url(lang="cs", **params):
    with translation.override(lang):
        url = reverse("search")
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{url}?{query}" if query else url


# --- Parsing the query --------------------------------------------------------


def test_query_is_folded_to_lower_case_words_without_accents():
    assert parse_query("  Špoták, ŠKODA!  ").terms == ("spotak", "skoda")


def test_one_letter_words_are_dropped_beside_longer_ones():
    assert parse_query("v Plzni").terms == ("plzni",)


def test_one_letter_query_is_kept():
    assert parse_query("E").terms == ("e",)


def test_query_longer_than_the_limit_is_refused():
    with pytest.raises(InvalidQuery):
        parse_query("a" * (MAX_QUERY_LENGTH + 1))


def test_query_of_punctuation_only_is_refused():
    with pytest.raises(InvalidQuery):
        parse_query(" ?! … -- ")


def test_query_keeps_no_tsquery_syntax_from_the_text():
    query = parse_query("skoda:* & !(plzen) | 'xy'")

    assert query.alternatives == (("skoda", "skod"), ("plzen",), ("xy",))


def test_czech_case_ending_gives_the_nominative_prefix():
    assert "kazachstan" in prefixes("kazachstanu")


def test_dropped_e_of_inflected_name_is_put_back():
    assert "plzen" in prefixes("plzni")


def test_consonant_change_of_inflected_name_is_undone():
    assert "prah" in prefixes("praze")


# --- Matching -----------------------------------------------------------------


@pytest.mark.parametrize(
    "lang,title_word,body_word",
    [
        ("cs", "navštívil", "Hejtman"),
        ("en", "visited", "Governor"),
        ("de", "besuchte", "Hauptmann"),
    ],
)
def test_article_is_found_by_a_word_of_its_title_and_its_body(
    site, lang, title_word, body_word
):
    assert found(title_word, "articles", language=lang) == [site["article"]]
    assert found(body_word, "articles", language=lang) == [site["article"]]


def test_every_word_of_the_query_must_match():
    factories.article(title_en="Ambassador of Kazakhstan")
    factories.article(title_en="Ambassador of Japan")

    titles = [
        article.title_en
        for article in found("ambassador japan", "articles", language="en")
    ]

    assert titles == ["Ambassador of Japan"]


def test_other_languages_match_and_the_title_stays_in_the_readers(site):
    results = search("dubnu", user=None, language="en")
    hit = hits_of(results, "articles")[0]

    assert hit.obj == site["article"]
    assert hit.title == "Ambassador visited the regional headquarters"
    assert hit.snippet_language == "cs"


def test_search_without_accents_finds_person_and_article_with_them(site):
    assert found("Spotak", "people") == [site["governor"]]
    assert found("Spotak", "articles") == [site["article"]]


def test_search_without_accents_finds_organisation_with_them(site):
    assert found("skoda", "organisations") == [site["skoda"]]


def test_search_in_capitals_finds_accented_lower_case_text(site):
    assert found("ŠPOTÁK", "people") == [site["governor"]]


def test_inflected_country_name_finds_the_visit_to_that_country(site):
    # The visit's text does not say "Kazachstánu"; its country is "Kazachstán".
    assert found("Kazachstánu", "visits") == [site["visit"]]


def test_beginning_of_a_word_finds_the_visit(site):
    assert found("Kazachst", "visits") == [site["visit"]]


def test_inflected_city_finds_the_organisation_there(site):
    assert found("v Plzni", "organisations") == [site["skoda"]]


def test_title_match_ranks_above_body_match():
    body_only = factories.article(
        title_en="Regional news", body_en="<p>A word on Uzbekistan.</p>"
    )
    in_title = factories.article(
        title_en="Uzbekistan delegation",
        published_at=timezone.now() - datetime.timedelta(days=30),
    )

    assert found("Uzbekistan", "articles", language="en") == [
        in_title,
        body_only,
    ]


def test_readers_language_ranks_above_another(site):
    english = factories.article(title_en="Tbilisi", title_cs="Gruzie")
    czech = factories.article(
        title_en="Georgia",
        title_cs="Tbilisi",
        published_at=timezone.now() - datetime.timedelta(days=30),
    )

    assert found("Tbilisi", "articles", language="cs") == [czech, english]
    assert found("Tbilisi", "articles", language="en") == [english, czech]


def test_misspelt_name_finds_the_person(site, requires_postgresql):
    assert found("Dyusenbayev", "people") == [site["ambassador"]]


def test_middle_of_a_word_does_not_match_on_postgresql(site, requires_postgresql):
    assert found("achstan", "visits") == []


# --- Visibility ---------------------------------------------------------------


@pytest.fixture
def hidden():
    """Everything the public must not find, all about "Zanzibar"."""
    internal = factories.visit(
        title_en="Zanzibar trade talks", visibility=Visit.Visibility.INTERNAL
    )
    person = factories.person(name="Zanzibar Insider")
    organisation = factories.organisation(name_en="Zanzibar Holdings")
    factories.participation(visit=internal, person=person)
    factories.stop(visit=internal, organisation=organisation)
    factories.article(title_en="Zanzibar draft", status=Article.Status.DRAFT)
    factories.article(title_en="Zanzibar in review", status=Article.Status.REVIEW)
    factories.article(
        title_en="Zanzibar scheduled",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    return {"visit": internal, "person": person, "organisation": organisation}


def test_public_finds_nothing_unpublished_or_internal(hidden):
    results = search("Zanzibar", user=None, language="en")

    assert results.total == 0
    assert [group.count for group in results.groups] == [0, 0, 0, 0, 0]


def test_public_results_page_counts_and_links_nothing_hidden(client, hidden):
    translation.activate("en")
    response = client.get(search_url("en", q="Zanzibar"))
    content = response.content.decode()

    assert "0 results for “Zanzibar”." in content
    assert hidden["visit"].get_absolute_url() not in content
    assert hidden["person"].get_absolute_url() not in content
    assert "Zanzibar Holdings" not in content


def test_staff_find_internal_visit_marked_internal(hidden):
    staff = factories.user(staff=True)

    results = search("Zanzibar", user=staff, language="en")
    visits = hits_of(results, "visits")

    assert [hit.obj for hit in visits] == [hidden["visit"]]
    assert visits[0].internal


def test_staff_find_people_and_organisations_of_internal_visits_marked(hidden):
    staff = factories.user(staff=True)

    results = search("Zanzibar", user=staff, language="en")
    people, organisations = (
        hits_of(results, "people"),
        hits_of(results, "organisations"),
    )

    assert [(hit.obj, hit.internal) for hit in people] == [(hidden["person"], True)]
    assert [(hit.obj, hit.internal) for hit in organisations] == [
        (hidden["organisation"], True)
    ]


def test_staff_do_not_find_unpublished_articles(hidden):
    staff = factories.user(staff=True)

    assert found("Zanzibar", "articles", user=staff, language="en") == []


def test_older_matches_are_asked_for_when_the_newest_are_hidden(monkeypatch):
    """Articles in review are hidden: with only they in the first batch, search
    goes on to older ones, and stops once enough are shown."""
    monkeypatch.setattr(results_module, "CANDIDATES", 3)
    monkeypatch.setattr(results_module, "ENOUGH", 2)
    now = timezone.now()
    for hour in range(1, 5):
        factories.article(
            title_en=f"Zanzibar in review {hour}",
            status=Article.Status.REVIEW,
            published_at=now - datetime.timedelta(hours=hour),
        )
    shown = [
        factories.article(
            title_en=f"Zanzibar published {day}",
            published_at=now - datetime.timedelta(days=day),
        )
        for day in range(1, 6)
    ]

    results = search("Zanzibar", user=None, language="en")
    (group,) = [group for group in results.groups if group.kind == "articles"]

    # Round 1: three in review. Round 2: one in review and the two newest
    # published, which is enough; the rest is "more than".
    assert [hit.obj for hit in group.hits] == shown[:2]
    assert group.capped


def test_the_index_is_not_asked_for_articles_scheduled_for_later(monkeypatch):
    """Scheduled articles are the newest of all: search starts below them."""
    monkeypatch.setattr(results_module, "CANDIDATES", 3)
    monkeypatch.setattr(results_module, "ROUNDS", 1)
    now = timezone.now()
    for day in range(1, 5):
        factories.article(
            title_en=f"Zanzibar scheduled {day}",
            published_at=now + datetime.timedelta(days=day),
        )
    published = factories.article(
        title_en="Zanzibar published", published_at=now - datetime.timedelta(minutes=1)
    )

    assert found("Zanzibar", "articles", language="en") == [published]


def test_a_reader_asking_again_is_answered_without_searching(client):
    factories.article(title_en="Zanzibar trade fair")
    first = client.get(search_url("en", q="Zanzibar"))
    with CaptureQueriesContext(connection) as queries:
        second = client.get(search_url("en", q="Zanzibar"))

    assert second.content == first.content
    assert "trade fair" in second.content.decode()
    assert not any("search_" in query["sql"] for query in queries)


def test_a_kept_search_shows_a_new_article_at_once(client):
    factories.article(title_en="Zanzibar trade fair")
    url = search_url("en", q="Zanzibar")
    assert "spice route" not in client.get(url).content.decode()

    factories.article(title_en="Zanzibar spice route")

    assert "spice route" in client.get(url).content.decode()


def test_staff_and_readers_never_get_each_others_kept_results(client, hidden):
    factories.visit(title_en="Zanzibar public talks")
    url = search_url("en", q="Zanzibar")
    assert "trade talks" not in client.get(url).content.decode()

    client.force_login(factories.user(staff=True))
    assert "trade talks" in client.get(url).content.decode()
    client.logout()

    assert "trade talks" not in client.get(url).content.decode()


def test_public_person_is_not_marked_internal_for_staff(site):
    staff = factories.user(staff=True)

    results = search("Spotak", user=staff, language="cs")

    assert [hit.internal for hit in hits_of(results, "people")] == [False]


def test_staff_page_shows_the_internal_marker(staff_client, hidden):
    translation.activate("en")
    response = staff_client.get(search_url("en", q="Zanzibar"))

    assert 'badge--internal">Internal<' in response.content.decode()


# --- Highlighting -------------------------------------------------------------


def test_highlight_marks_the_matched_word_as_written():
    html = highlight("Hejtman Rudolf Špoták přijal", parse_query("spotak"))

    assert html == "Hejtman Rudolf <mark>Špoták</mark> přijal"


def test_highlight_marks_the_whole_inflected_word():
    html = highlight("Velvyslanec Kazachstánu v Plzni", parse_query("Kazachstán"))

    assert html == "Velvyslanec <mark>Kazachstánu</mark> v Plzni"


def test_highlight_escapes_the_text_around_and_inside_marks():
    html = highlight("Tom & <b>Špoták</b>", parse_query("spotak"))

    assert html == "Tom &amp; &lt;b&gt;<mark>Špoták</mark>&lt;/b&gt;"


def test_results_page_highlights_matches_in_titles_and_snippets(client, site):
    response = client.get(search_url("cs", q="Spotak"))
    content = response.content.decode()

    assert "Rudolf <mark>Špoták</mark></a>" in content
    assert "Hejtman Rudolf <mark>Špoták</mark> přijal hosty." in content


def test_html_in_the_query_is_shown_escaped(client, site):
    response = client.get(search_url("en", q="<script>alert(1)</script>"))
    content = response.content.decode()

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


# --- The page -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_results_page_renders_in_each_language(client, site, lang):
    response = client.get(search_url(lang, q="Spotak"))
    content = response.content.decode()

    assert response.status_code == 200
    assert f'<html lang="{lang}">' in content
    assert site["governor"].get_absolute_url() in content


def test_english_path_is_search():
    assert search_url("en") == "/en/search/"


def test_results_are_grouped_and_counted_by_type(client, site):
    translation.activate("en")
    response = client.get(search_url("en", q="Spotak"))
    content = response.content.decode()

    assert "Articles (1)" in content
    assert "Visits (1)" in content  # he hosted it
    assert "People (1)" in content
    assert "3 results for “Spotak”." in content


def test_title_only_in_another_language_is_marked_with_its_lang(client):
    factories.article(title_cs="Jen česky Bratislava", title_en="", title_de="")

    response = client.get(search_url("en", q="Bratislava"))

    assert 'lang="cs">Jen česky <mark>Bratislava</mark></a>' in (
        response.content.decode()
    )


def test_empty_query_shows_the_form_and_runs_no_search(client):
    response = client.get(search_url("en", q=""))

    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.content.decode()


def test_too_long_query_gets_a_message_not_an_error(client):
    translation.activate("en")
    response = client.get(search_url("en", q="x" * (MAX_QUERY_LENGTH + 1)))

    assert response.status_code == 200
    assert response.context["results"] is None
    assert "too long" in response.content.decode()


def test_punctuation_only_query_gets_a_message_not_an_error(client):
    translation.activate("en")
    response = client.get(search_url("en", q="%3F%21%2A"))

    assert response.status_code == 200
    assert response.context["results"] is None
    assert "at least one letter or digit" in response.content.decode()


def test_unknown_type_gets_a_message_not_an_error(client):
    response = client.get(search_url("en", q="x", type="secrets"))

    assert response.status_code == 200
    assert response.context["results"] is None
    assert response.context["form"].errors["type"]


def test_header_has_a_labelled_search_form(client):
    response = client.get(reverse("home"))
    content = response.content.decode()

    assert f'action="{reverse("search")}" role="search"' in content
    assert '<label class="visually-hidden" for="site-search-q">' in content


# --- Many results -------------------------------------------------------------


@module_data
def fifty_of_each():
    """50 public articles, visits, people and organisations about "Bavaria"."""
    people, organisations = [], []
    for n in range(50):
        visit = factories.visit(title_en=f"Bavaria mission {n}", country="DE")
        people.append(factories.person(name=f"Bavaria Person{n}"))
        organisations.append(factories.organisation(name_en=f"Bavaria Firm {n}"))
        factories.participation(visit=visit, person=people[-1])
        factories.stop(visit=visit, organisation=organisations[-1])
        factories.article(title_en=f"Bavaria news {n}")


class TestQueryBudgets:
    """The results page at 50 of each kind, in a fixed number of queries: per
    kind, one to the index and one for what the reader may see of it, and
    one for the objects on each page shown."""

    def test_combined_page_shows_five_of_each_type_with_a_link_to_all(
        self, client, fifty_of_each
    ):
        response = client.get(search_url("en", q="Bavaria"))
        results = response.context["results"]

        assert [len(group.hits) for group in results.groups] == [0, 5, 5, 5, 5]
        assert [group.count for group in results.groups] == [0, 50, 50, 50, 50]
        assert "type=articles" in response.content.decode()

    def test_one_type_is_paginated(self, client, fifty_of_each):
        response = client.get(search_url("en", q="Bavaria", type="visits", page="3"))
        results = response.context["results"]

        assert results.shown_groups[0].kind == "visits"
        assert len(results.shown_groups[0].hits) == 10
        assert [len(group.hits) for group in results.groups] == [0, 0, 10, 0, 0]

    def test_bad_page_number_shows_a_page_not_an_error(self, client, fifty_of_each):
        response = client.get(search_url("en", q="Bavaria", type="visits", page="x"))

        assert response.status_code == 200
        assert len(response.context["results"].shown_groups[0].hits) == 20

    def test_results_page_queries_are_bounded(
        self, client, fifty_of_each, django_assert_max_num_queries
    ):
        # The search, and one query for how long its results may be kept.
        with django_assert_max_num_queries(14):
            response = client.get(search_url("en", q="Bavaria"))

        assert response.context["results"].total == 200

    def test_staff_results_page_queries_are_bounded(
        self, staff_client, fifty_of_each, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(15):
            response = staff_client.get(search_url("en", q="Bavaria"))

        assert response.context["results"].total == 200

    def test_one_type_page_queries_are_bounded(
        self, client, fifty_of_each, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(11):  # as above
            response = client.get(search_url("en", q="Bavaria", type="people"))

        assert len(response.context["results"].shown_groups[0].hits) == 20
