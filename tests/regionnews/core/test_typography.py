"""Czech and German typography: non-breaking spaces after one-letter words and
in dates (never inside tags or attributes), and date ranges in one style per
language with the stop date not repeated on one-day visits."""

import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeData, mark_safe

from regionnews.core.typography import NBSP, tie
from tests import factories

D = datetime.date


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load typography %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Návštěva v Plzni", f"Návštěva v{NBSP}Plzni"),
        ("s přáteli a v Praze", f"s{NBSP}přáteli a{NBSP}v{NBSP}Praze"),
        ("K jednání i o tom", f"K{NBSP}jednání i{NBSP}o{NBSP}tom"),
        ("Setkání u stolu z pohledu", f"Setkání u{NBSP}stolu z{NBSP}pohledu"),
        ("(v Plzni)", f"(v{NBSP}Plzni)"),
        ("4. dubna 2024", f"4.{NBSP}dubna 2024"),
        ("Škoda a.s. v Plzni", f"Škoda a.s. v{NBSP}Plzni"),
        ("Plzeň-v obraze", "Plzeň-v obraze"),  # part of a word, not a word
    ],
)
def test_czech_ties_one_letter_words_and_day_numbers(text, expected):
    assert tie(text, "cs") == expected


def test_german_ties_abbreviations_and_day_numbers():
    assert tie("z. B. am 4. April, Nr. 5", "de") == (
        f"z.{NBSP}B. am 4.{NBSP}April, Nr.{NBSP}5"
    )


def test_english_is_left_alone():
    assert tie("a visit in Pilsen", "en") == "a visit in Pilsen"


def test_plain_text_is_escaped_before_the_ties():
    result = tie("<b>v Plzni</b>", "cs")

    assert isinstance(result, SafeData)
    assert result == f"&lt;b&gt;v{NBSP}Plzni&lt;/b&gt;"


def test_html_has_only_its_text_changed_never_a_tag_or_attribute():
    body = mark_safe(
        '<p class="a v" title="s k">s přáteli <a href="/v a/">v Praze</a></p>'
        "<!-- a b --><pre>v kódu</pre>"
    )

    result = tie(body, "cs")

    assert result == (
        f'<p class="a v" title="s k">s{NBSP}přáteli <a href="/v a/">v{NBSP}Praze</a>'
        "</p><!-- a b --><pre>v kódu</pre>"
    )


def test_filter_uses_the_page_language():
    assert render("{{ text|nbsp }}", "cs", text="v Plzni") == f"v{NBSP}Plzni"
    assert render("{{ text|nbsp }}", "en", text="v Plzni") == "v Plzni"


@pytest.mark.parametrize(
    ("language", "start", "end", "expected"),
    [
        ("cs", D(2025, 6, 3), D(2025, 6, 4), f"3.–4.{NBSP}června 2025"),
        ("en", D(2025, 6, 3), D(2025, 6, 4), "3–4 June 2025"),
        ("de", D(2025, 6, 3), D(2025, 6, 4), f"3.–4.{NBSP}Juni 2025"),
        (
            "cs",
            D(2025, 5, 30),
            D(2025, 6, 2),
            f"30.{NBSP}května – 2.{NBSP}června 2025",
        ),
        (
            "en",
            D(2025, 5, 30),
            D(2025, 6, 2),
            "30 May – 2 June 2025",
        ),
        (
            "de",
            D(2024, 12, 30),
            D(2025, 1, 2),
            f"30.{NBSP}Dezember 2024 – 2.{NBSP}Januar 2025",
        ),
        ("cs", D(2024, 4, 4), D(2024, 4, 4), f"4.{NBSP}dubna 2024"),
        ("en", D(2024, 4, 4), None, "4 April 2024"),
    ],
)
def test_date_range_in_each_language(language, start, end, expected):
    html = render("{% date_range start end %}", language, start=start, end=end)

    text = html.replace("</time>", "")
    text = "".join(part.split(">", 1)[-1] for part in text.split("<time"))
    assert text == expected


def test_date_range_marks_each_date_up_as_a_time_element():
    html = render("{% date_range a b %}", "en", a=D(2025, 6, 3), b=D(2025, 6, 4))

    assert html == (
        '<time datetime="2025-06-03">3</time>–'
        '<time datetime="2025-06-04">4 June 2025</time>'
    )


@pytest.mark.django_db
def test_one_day_visit_does_not_repeat_its_date(client):
    visit = factories.visit(start_date=D(2024, 4, 4), end_date=D(2024, 4, 4))

    with translation.override("cs"):
        html = client.get(visit.get_absolute_url()).content.decode()

    facts = html[html.index('class="facts facts--stacked"') :]
    facts = facts[: facts.index("</dl>")]
    assert facts.count("<time") == 1
    assert f"4.{NBSP}dubna 2024" in facts


@pytest.mark.django_db
def test_article_page_ties_title_lead_and_body_in_czech_only(client):
    article = factories.article(
        title_cs="Velvyslanec v Plzni",
        lead_cs="Setkání s hejtmanem",
        body_cs="<p>Prohlídka <strong>v závodě</strong></p>",
        title_en="Ambassador in Pilsen",
    )

    with translation.override("cs"):
        html = client.get(article.get_absolute_url()).content.decode()

    assert f"Velvyslanec v{NBSP}Plzni</h1>" in html
    assert f"Setkání s{NBSP}hejtmanem" in html
    assert f"<strong>v{NBSP}závodě</strong>" in html


@pytest.mark.django_db
def test_article_byline_uses_the_one_date_style(client):
    article = factories.article(
        published_at=datetime.datetime(2024, 5, 9, 14, 51, tzinfo=datetime.UTC)
    )

    with translation.override("cs"):
        html = client.get(article.get_absolute_url()).content.decode()

    byline = html[html.index('class="byline"') :]
    assert "09." not in byline[: byline.index("</p>")]
    assert "9. května 2024" in byline[: byline.index("</p>")]


def test_home_lead_is_tied_in_czech(client, db):
    with translation.override("cs"):
        html = client.get(reverse("home")).content.decode()

    lead = html[html.index('<p class="lead">') :]
    assert f"Zprávy o{NBSP}zahraničních" in lead[: lead.index("</p>")]
