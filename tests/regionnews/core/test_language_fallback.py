"""A text missing in the reader's language is shown in another one, marked with
that language's `lang` attribute and announced by a notice, on article and visit
pages, in every language."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from regionnews.core.templatetags.language_fallback import shown_language
from tests import factories

pytestmark = pytest.mark.django_db


def language_names(reader):
    """Each language's name as the page writes it for *reader* ("angličtina" in
    Czech with the project's catalog); read from gettext so that the tests also
    pass without compiled catalogs."""
    with translation.override(reader):
        return {
            code: str(translation.get_language_info(code)["name_translated"])
            for code in ("cs", "en", "de")
        }


def czech_only_article(**kwargs):
    return factories.article(
        title_cs="Velvyslanec Kazachstánu navštívil kraj",
        title_en="",
        title_de="",
        lead_cs="Hejtman přijal velvyslance.",
        lead_en="",
        lead_de="",
        body_cs="<p>Ve čtvrtek 4. dubna…</p>",
        body_en="",
        body_de="",
        **kwargs,
    )


def page(client, obj, lang):
    with translation.override(lang):
        url = obj.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def notice(html):
    """The text of the language notice, or None."""
    match = re.search(r'<p class="language-notice" role="note">(.*?)</p>', html, re.S)
    return " ".join(match.group(1).split()) if match else None


# --- the helper ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "reader,values,expected",
    [
        ("en", {"cs": "Titulek", "en": "", "de": ""}, "cs"),
        ("en", {"cs": "Titulek", "en": "Title", "de": ""}, "en"),
        ("de", {"cs": "", "en": "Title", "de": ""}, "en"),
        ("de", {"cs": "Titulek", "en": "Title", "de": ""}, "cs"),
        ("cs", {"cs": "", "en": "Title", "de": "Titel"}, "en"),
        ("cs", {"cs": "", "en": "", "de": "Titel"}, "de"),
    ],
)
def test_shown_language_follows_the_fallback_order(reader, values, expected):
    article = factories.article(**{f"title_{lang}": v for lang, v in values.items()})

    with translation.override(reader):
        assert shown_language(article, "title") == expected


def test_shown_language_is_the_reader_language_when_texts_are_equal():
    article = factories.article(title_cs="Expo 2025", title_en="Expo 2025")

    with translation.override("en"):
        assert shown_language(article, "title") == "en"


def test_shown_language_is_the_reader_language_when_every_text_is_empty():
    article = factories.article(lead_cs="", lead_en="", lead_de="")

    with translation.override("de"):
        assert shown_language(article, "lead") == "de"


def test_shown_language_works_for_visits_too():
    visit = factories.visit(purpose_cs="Jednání", purpose_en="", purpose_de="")

    with translation.override("en"):
        assert shown_language(visit, "purpose") == "cs"


# --- article page -------------------------------------------------------------------


@pytest.mark.parametrize("reader", ["en", "de"])
def test_czech_only_article_is_marked_czech_for_other_readers(client, reader):
    html = page(client, czech_only_article(), reader)

    assert f'<html lang="{reader}">' in html
    assert '<h1 lang="cs">Velvyslanec Kazachstánu navštívil kraj</h1>' in html
    assert '<p class="lead" lang="cs">Hejtman přijal velvyslance.</p>' in html
    # Czech typography for the Czech text (a non-breaking space in "4. dubna").
    assert '<div class="prose" lang="cs"><p>Ve čtvrtek 4.\u00a0dubna…</p></div>' in html


@pytest.mark.parametrize("reader", ["en", "de"])
def test_czech_only_article_has_a_notice_naming_both_languages(client, reader):
    text = notice(page(client, czech_only_article(), reader))

    names = language_names(reader)
    assert text is not None
    assert names[reader] in text
    assert names["cs"] in text


def test_notice_reads_in_english_for_an_english_reader(client):
    text = notice(page(client, czech_only_article(), "en"))

    assert text == "This article is not available in English; it is shown in Czech."


def test_english_only_article_is_marked_english_for_czech_readers(client):
    article = factories.article(
        title_cs="",
        title_en="Ambassador visits the region",
        title_de="",
        lead_cs="",
        lead_de="",
        body_cs="",
        body_de="",
    )

    html = page(client, article, "cs")

    assert '<h1 lang="en">Ambassador visits the region</h1>' in html
    assert '<div class="prose" lang="en">' in html
    text = notice(html)
    names = language_names("cs")
    assert names["en"] in text and names["cs"] in text


@pytest.mark.parametrize("reader", ["cs", "en", "de"])
def test_fully_translated_article_has_no_notice_and_no_lang_marks(client, reader):
    html = page(client, factories.article(), reader)

    assert notice(html) is None
    assert "<h1>" in html
    assert '<div class="prose">' in html


def test_article_missing_only_its_body_marks_only_the_body(client):
    article = factories.article(
        title_en="Ambassador visits", lead_en="The governor received him.", body_en=""
    )

    html = page(client, article, "en")

    assert "<h1>Ambassador visits</h1>" in html
    assert '<p class="lead">The governor received him.</p>' in html
    assert '<div class="prose" lang="cs">' in html
    assert notice(html) is not None


def test_main_image_alt_text_in_another_language_is_marked(client):
    article = factories.article(
        main_image=factories.image_file(),
        main_image_alt_cs="Hejtman s velvyslancem",
        main_image_alt_en="",
    )

    html = page(client, article, "en")

    assert 'alt="Hejtman s velvyslancem" lang="cs"' in html


# --- visit page -----------------------------------------------------------------------


def czech_only_visit():
    return factories.visit(
        title_cs="Návštěva velvyslance",
        title_en="",
        title_de="",
        purpose_cs="Hospodářská spolupráce.",
        outcome_cs="Dohoda o výměně studentů.",
    )


@pytest.mark.parametrize("reader", ["en", "de"])
def test_czech_only_visit_is_marked_czech(client, reader):
    html = page(client, czech_only_visit(), reader)

    assert '<h1><span lang="cs">Návštěva velvyslance</span>' in html
    assert '<div class="prose" lang="cs"><p>Hospodářská spolupráce.</p></div>' in html
    # Czech typography for the Czech text: "o" tied to the next word.
    outcome = '<div class="prose" lang="cs"><p>Dohoda o\u00a0výměně studentů.</p></div>'
    assert outcome in html


@pytest.mark.parametrize("reader", ["en", "de"])
def test_czech_only_visit_has_a_notice(client, reader):
    text = notice(page(client, czech_only_visit(), reader))

    names = language_names(reader)
    assert names["cs"] in text
    assert names[reader] in text


def test_visit_notice_reads_in_english(client):
    text = notice(page(client, czech_only_visit(), "en"))

    assert text == (
        "This visit’s description is not available in English; it is shown in Czech."
    )


@pytest.mark.parametrize("reader", ["cs", "en", "de"])
def test_translated_visit_has_no_notice(client, reader):
    visit = factories.visit(purpose_cs="Účel", purpose_en="Purpose", purpose_de="Zweck")

    html = page(client, visit, reader)

    assert notice(html) is None
    assert "<h1><span>" in html


def test_list_cards_mark_a_fallback_title_with_its_language(client):
    factories.article(title_en="", lead_en="", body_en="", title_cs="Jen česky")
    factories.visit(title_en="", title_de="", title_cs="Návštěva jen česky")

    with translation.override("en"):
        news = client.get(reverse("articles:list")).content.decode()
        visits = client.get(reverse("delegations:visit_list")).content.decode()

    assert 'lang="cs">Jen česky</a>' in news
    assert 'lang="cs">Návštěva jen česky</a>' in visits
