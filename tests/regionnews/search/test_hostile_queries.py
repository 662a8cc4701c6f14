"""Whatever a reader types into search, the page answers; nothing is syntax.

The words reach PostgreSQL's to_tsquery() only as quoted lexemes, quoted in
SQL after the database's own folding (unaccent turns U+02D0 "ː" into ":").
"""

import pytest
from django.urls import reverse
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = [
    "ː",  # U+02D0 MODIFIER LETTER TRIANGULAR COLON: unaccent makes it ":"
    "aː",
    "ːː:*",
    "ʼ",  # U+02BC MODIFIER LETTER APOSTROPHE
    "aʼb",
    "ŉ",  # decomposes to ʼn
    "'",
    "''",
    "\\",
    "a\\b",
    "a'b",
    "x:*&!|()<->",
    "ǅ",
    "ﬁ",  # a ligature that NFKD splits
    "٣",  # an Arabic-Indic digit
    "\u0300",  # a lone combining accent
    "Ⅻ",
    "𝔞𝔟𝔠",
    "x" * 200,
]


def search(client, q):
    with translation.override("en"):
        return client.get(reverse("search"), {"q": q})


@pytest.mark.parametrize("q", HOSTILE)
def test_a_hostile_query_gets_a_page_not_an_error(client, q):
    factories.article(title_en="Kazakh ambassador in Pilsen")

    response = search(client, q)

    assert response.status_code == 200


def test_a_real_word_beside_a_hostile_character_still_finds(client):
    factories.article(title_en="Kazakh ambassador in Pilsen")

    response = search(client, "kazakh ː")

    assert response.status_code == 200
    assert "ambassador in Pilsen" in response.text


def test_modifier_letters_separate_words():
    from regionnews.search.text import parse_query

    assert parse_query("kazakhː pilsenʼs").terms == ("kazakh", "pilsen")
