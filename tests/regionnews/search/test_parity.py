"""One corpus, the same results on PostgreSQL and on SQLite.

CI runs this file on both databases. Each query's results are compared with
what the matching rule says they must be, worked out here in plain Python
from the corpus: every word of the query (or a Czech prefix of it) begins a
word of the record's text, in any language. Both databases agreeing with the
rule is both databases agreeing with each other, for the fixed queries and for
the ones hypothesis makes from the corpus's own words.
"""

import datetime
import html
import re

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from delegations.models import Visit
from regionnews.core.text import fold
from regionnews.search.results import search
from regionnews.search.text import parse_query, words
from tests import factories
from tests.conftest import module_data

pytestmark = pytest.mark.django_db

ARTICLES = [
    (
        "Velvyslanec Kazachstánu navštívil Plzeň",
        "Ambassador of Kazakhstan visits Pilsen",
    ),
    ("Delegace z Bavorska jednala o vodíku", "Bavarian delegation discussed hydrogen"),
    ("Hejtman přijal konzula Gruzie", "Governor received the consul of Georgia"),
    ("Memorandum s Hokkaidem podepsáno", "Memorandum with Hokkaido signed"),
    ("Studenti z Tbilisi na univerzitě", "Students from Tbilisi at the university"),
    (
        "Škoda Transportation hostila delegaci",
        "Škoda Transportation hosted a delegation",
    ),
    ("Straße der Partnerschaft otevřena", "Partnership street opened"),
    ("Velvyslankyně Japonska v regionu", "The Japanese ambassador in the region"),
]
BODIES = [
    "<p>Jednání se týkala energetiky a dopravy.</p>",
    "<p>Řeč byla o &quot;zelené&quot; ekonomice a vodíku.</p>",
    "<p>Konzul ocenil spolupráci univerzit.</p>",
    "<p>Partnerství trvá od roku 2004.</p>",
]


@module_data
def corpus():
    """Articles (one a draft), visits (one internal) with people and stops."""
    kz, ge = factories.country("KZ"), factories.country("GE")
    people = [
        factories.person(name="Bakyt Dyussenbayev", country=kz),
        factories.person(name="Rudolf Špoták", country=factories.country("CZ")),
        factories.person(name="Nino Kvaratskhelia", country=ge),
    ]
    organisations = [
        factories.organisation(
            name_cs="Západočeská univerzita",
            name_en="University of West Bohemia",
            name_de="Westböhmische Universität",
            city_cs="Plzeň",
            city_en="Pilsen",
            city_de="Pilsen",
        ),
        factories.organisation(name_cs="Pivovar Chodovar", name_en="Chodovar Brewery"),
    ]
    now = timezone.now()
    for n, ((title_cs, title_en), body) in enumerate(
        zip(ARTICLES, BODIES * 2, strict=True)
    ):
        factories.article(
            title_cs=title_cs,
            title_en=title_en,
            title_de="",
            lead_cs="",
            lead_en="",
            lead_de="",
            body_cs=body,
            body_en="",
            body_de="",
            published_at=now - datetime.timedelta(days=n),
        )
    factories.article(title_cs="Návrh o Kazachstánu", status="draft")
    for n, (title, country, person, organisation, visibility) in enumerate(
        [
            ("Návštěva velvyslance", kz, people[0], organisations[0], "public"),
            ("Konzul Gruzie v kraji", ge, people[2], organisations[1], "public"),
            ("Tajná jednání", kz, people[0], organisations[1], "internal"),
        ]
    ):
        visit = factories.visit(
            title_cs=title,
            title_en="",
            title_de="",
            country=country,
            visibility=visibility,
            start_date=datetime.date(2024, 4, 4) - datetime.timedelta(days=n),
        )
        factories.participation(visit=visit, person=person)
        factories.participation(visit=visit, person=people[1], side="host")
        factories.stop(visit=visit, organisation=organisation)


def _text(obj, *fields):
    values = []
    for name in fields:
        for code in ("", "_cs", "_en", "_de"):
            value = getattr(obj, f"{name}{code}", None)
            if isinstance(value, str):
                values.append(html.unescape(re.sub(r"<[^>]*>", " ", value)))
    return " ".join(values)


def expected(kind, query):
    """What the matching rule finds, from the visible records, in Python."""
    parsed = parse_query(query)
    if kind == "articles":
        from articles.models import Article

        records = {
            a: _text(a, "title", "lead", "body") for a in Article.objects.published()
        }
    else:
        records = {
            visit: " ".join(
                [
                    _text(visit, "title", "purpose", "outcome"),
                    _text(visit.country, "name"),
                    *(p.person.name for p in visit.participations.all()),
                    *(_text(s.organisation, "name") for s in visit.stops.all()),
                ]
            )
            for visit in Visit.objects.public()
        }

    def matches(text):
        found = words(fold(text))
        return all(
            any(word.startswith(prefix) for prefix in group for word in found)
            for group in parsed.alternatives
        )

    return {obj.pk for obj, text in records.items() if matches(text)}


def found(kind, query):
    results = search(query, user=None, language="cs", kind=kind, per_page=100)
    group = next(group for group in results.groups if group.kind == kind)
    return {hit.obj.pk for hit in group.hits}


QUERIES = [
    "Kazachstánu",  # Czech case ending: the nominative prefix
    "kazachstan",
    "PLZNI",  # dropped e of Plzeň, capitals
    "spotak",  # no accents
    "Škoda delegace",  # two words, both must match
    "strasse",  # ß folds to ss on both databases
    "vodik",
    "univerzit",
    "Chodovar",  # a stop of a visit
    "Dyussenbayev",  # a guest of a visit
    "tajna",  # only an internal visit: nothing for the public
    "návrh",  # only a draft: nothing
    "zelene ekonomice",
    "2004",
]


class TestSameResultsOnEitherDatabase:
    @pytest.mark.parametrize("query", QUERIES)
    @pytest.mark.parametrize("kind", ["articles", "visits"])
    def test_query_finds_what_the_rule_says(self, corpus, kind, query):
        assert found(kind, query) == expected(kind, query)

    def test_the_fixed_queries_find_something(self, corpus):
        hits = [
            query
            for query in QUERIES
            if found("articles", query) | found("visits", query)
        ]
        assert len(hits) >= 10

    def test_title_match_ranks_first(self, corpus):
        results = search("univerzita", user=None, language="cs", kind="articles")
        titles = [hit.title for hit in results.groups[1].hits]
        assert titles[0] == "Studenti z Tbilisi na univerzitě"

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(data=st.data())
    def test_prefixes_of_corpus_words_agree(self, corpus, data):
        vocabulary = sorted(
            {
                word
                for title in ARTICLES
                for text in title
                for word in words(fold(text))
                if len(word) >= 4
            }
        )
        word = data.draw(st.sampled_from(vocabulary))
        query = word[: data.draw(st.integers(min_value=4, max_value=len(word)))]
        assert found("articles", query) == expected("articles", query)
