"""The visit extraction: the seed article field by field, and the corpus scores."""

import io
import json

import pytest
from django.core.management import call_command

from articles.extraction.evaluation import CORPUS, FIELDS, evaluate
from articles.extraction.extract import extract
from articles.extraction.gazetteer import country_gazetteer

SEED = CORPUS / "01-en-kazakhstan-ambassador.txt"


@pytest.fixture(scope="module")
def seed():
    out = io.StringIO()
    call_command("extract_visit", str(SEED), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_seed_publication_byline_language(seed):
    assert seed["published"] == "2024-05-09T14:51"
    assert seed["byline"] == "Ing. Milan Kozel"
    assert seed["language"] == "en"


def test_seed_visit_date_resolved_against_publication(seed):
    assert seed["visit_date"] == "2024-04-04"


def test_seed_country(seed):
    assert seed["country"] == "KZ"


def test_seed_guests_without_honorifics_with_roles(seed):
    assert seed["guests"] == [
        {"name": "Bakyt Dyussenbayev", "role": "Ambassador of Kazakhstan"},
        {
            "name": "Timur Akhmetzhanov",
            "role": "Commercial Counsellor of the Embassy of Kazakhstan in the "
            "Czech Republic",
        },
    ]


def test_seed_hosts(seed):
    assert seed["hosts"] == [
        {"name": "Rudolf Špoták", "role": "Governor of the Pilsen Region"}
    ]


def test_seed_organisations_in_text_order(seed):
    assert seed["organisations"] == [
        "University of West Bohemia",
        "Škoda Transportation",
        "Regional Chamber of Commerce in Pilsen Region",
        "Pilsner Urquell Brewery",
    ]


def test_seed_keys_are_exactly_the_documented_ones(seed):
    assert list(seed) == [
        "published", "byline", "language", "visit_date", "country",
        "guests", "hosts", "organisations",
    ]  # fmt: skip


def test_corpus_meets_the_targets():
    result = evaluate()
    assert result.articles >= 15
    for name in FIELDS:
        score = result.scores[name]
        assert score.precision >= 0.9, name
        assert score.recall >= 0.8, name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kazakhstan", "KZ"),
        ("the Kazakh side", "KZ"),
        ("Kazachstán", "KZ"),
        ("kazašský", "KZ"),
        ("Kasachstan", "KZ"),
        ("s Kazachstánem", "KZ"),
        ("v Kazachstánu", "KZ"),
        ("kasachische Firmen", "KZ"),
        ("z Jižní Koreje", "KR"),
        ("v Rakousku", "AT"),
    ],
)
def test_country_names_and_adjectives(text, code):
    assert [m.key for m in country_gazetteer().find(text)] == [code]


def test_czech_accusative_names_are_given_in_nominative():
    result = extract(
        title="Návštěva",
        paragraphs=[
            "Hejtman přijal velvyslance Kazachstánu J. E. Bakyta Dyussenbayeva "
            "a s náměstkyní hejtmana Janou Veselou jednal o spolupráci."
        ],
        language="cs",
        published=None,
    )
    names = [p.name for p in result.guests + result.hosts]
    assert names == ["Bakyt Dyussenbayev", "Jana Veselá"]
