"""Article rules: what is published, what a saved body may contain, slugs."""

import datetime

import pytest
from django.utils import timezone, translation

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db


def published_pks():
    return set(Article.objects.published().values_list("pk", flat=True))


def test_published_in_the_past_is_published():
    article = factories.article(
        published_at=timezone.now() - datetime.timedelta(days=1)
    )

    assert published_pks() == {article.pk}


def test_draft_is_not_published():
    factories.article(status=Article.Status.DRAFT)

    assert published_pks() == set()


def test_draft_with_a_past_publication_time_is_not_published():
    factories.article(
        status=Article.Status.DRAFT,
        published_at=timezone.now() - datetime.timedelta(days=1),
    )

    assert published_pks() == set()


def test_scheduled_article_is_not_published_before_its_time():
    factories.article(published_at=timezone.now() + datetime.timedelta(hours=1))

    assert published_pks() == set()


def test_scheduled_article_is_published_once_its_time_has_passed(monkeypatch):
    publish_at = timezone.now() + datetime.timedelta(hours=1)
    article = factories.article(published_at=publish_at)
    later = publish_at + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert published_pks() == {article.pk}


def test_is_published_agrees_with_the_queryset():
    scheduled = factories.article(
        published_at=timezone.now() + datetime.timedelta(hours=1)
    )
    draft = factories.article(status=Article.Status.DRAFT)
    live = factories.article()

    assert (scheduled.is_published, draft.is_published, live.is_published) == (
        False,
        False,
        True,
    )


def test_publishing_without_a_time_sets_it_to_now():
    before = timezone.now()
    article = factories.article(status=Article.Status.PUBLISHED, published_at=None)

    article.refresh_from_db()
    assert before <= article.published_at <= timezone.now()


def test_publishing_with_update_fields_also_stores_the_time():
    article = factories.article(status=Article.Status.DRAFT)

    article.status = Article.Status.PUBLISHED
    article.save(update_fields=["status"])

    assert published_pks() == {article.pk}


def test_a_draft_keeps_an_empty_publication_time():
    article = factories.article(status=Article.Status.DRAFT)

    article.refresh_from_db()
    assert article.published_at is None


# Body sanitising ---------------------------------------------------------------


def saved_body(html, lang="en"):
    article = factories.article(**{f"body_{lang}": html})
    article.refresh_from_db()
    return getattr(article, f"body_{lang}")


def test_body_loses_script_tags():
    body = saved_body("<p>Hello</p><script>alert(1)</script>")

    assert "<script" not in body
    assert "alert(1)" not in body
    assert "<p>Hello</p>" in body


def test_body_loses_event_handler_attributes():
    body = saved_body(
        '<p onclick="alert(1)">Hi</p><a href="/x" onmouseover="x()">x</a>'
    )

    assert "onclick" not in body
    assert "onmouseover" not in body


def test_body_loses_javascript_urls():
    body = saved_body('<a href="javascript:alert(1)">click</a>')

    assert "javascript:" not in body
    assert "click" in body


def test_body_loses_style_attributes_and_elements():
    body = saved_body(
        '<p style="color:red">Red</p><style>p{display:none}</style>', lang="de"
    )

    assert "style" not in body
    assert "Red" in body


def test_body_loses_iframes_and_images():
    body = saved_body('<iframe src="https://evil.example"></iframe><img src=x>')

    assert "<iframe" not in body
    assert "<img" not in body


def test_body_keeps_allowed_markup():
    html = (
        "<h2>Heading</h2><p>Text with <strong>bold</strong> and "
        '<a href="https://www.plzensky-kraj.cz/">a link</a>.</p>'
        "<ul><li>one</li></ul><ol><li>two</li></ol>"
    )

    body = saved_body(html, lang="cs")

    for fragment in (
        "<h2>Heading</h2>",
        "<strong>bold</strong>",
        'href="https://www.plzensky-kraj.cz/"',
        "<ul><li>one</li></ul>",
        "<ol><li>two</li></ol>",
    ):
        assert fragment in body


def test_every_language_body_is_sanitised():
    article = factories.article(
        body_cs="<script>cs()</script><p>cs</p>",
        body_en="<script>en()</script><p>en</p>",
        body_de="<script>de()</script><p>de</p>",
    )

    article.refresh_from_db()
    assert [article.body_cs, article.body_en, article.body_de] == [
        "<p>cs</p>",
        "<p>en</p>",
        "<p>de</p>",
    ]


# Slugs -------------------------------------------------------------------------


def test_each_language_gets_a_slug_from_its_own_title():
    article = factories.article(
        title_cs="Velvyslanec Kazachstánu v Plzni",
        title_en="Ambassador of Kazakhstan in Pilsen",
        title_de="Botschafter Kasachstans in Pilsen",
    )

    article.refresh_from_db()
    assert (article.slug_cs, article.slug_en, article.slug_de) == (
        "velvyslanec-kazachstanu-v-plzni",
        "ambassador-of-kazakhstan-in-pilsen",
        "botschafter-kasachstans-in-pilsen",
    )


def test_slug_follows_the_active_language():
    article = factories.article(
        title_cs="Návštěva", title_en="Visit", title_de="Besuch"
    )

    with translation.override("de"):
        assert article.get_absolute_url().endswith("/besuch/")
    with translation.override("en"):
        assert article.get_absolute_url().endswith("/visit/")


def test_colliding_slug_gets_a_number_suffix():
    factories.article(title_en="Same title")
    second = factories.article(title_en="Same title")
    third = factories.article(title_en="Same title")

    assert (second.slug_en, third.slug_en) == ("same-title-2", "same-title-3")


def test_language_without_a_title_gets_a_slug_from_the_czech_title():
    article = factories.article(title_cs="Jen česky", title_en="", title_de=None)

    article.refresh_from_db()
    assert (article.slug_en, article.slug_de) == ("jen-cesky", "jen-cesky")


def test_saving_in_another_language_does_not_collide_with_a_czech_slug():
    with translation.override("en"):
        factories.article(title_cs="Ahoj", title_en="Welcome")

    second = factories.article(title_cs="Welcome", title_en="Hello")

    assert (second.slug_cs, second.slug_en) == ("welcome", "hello")


def test_untranslated_columns_hold_czech_whoever_saves():
    with translation.override("de"):
        article = factories.article(title_cs="Ahoj", title_de="Hallo")

    assert Article.objects.rewrite(False).values_list("slug", "title").get(
        pk=article.pk
    ) == ("ahoj", "Ahoj")


def test_editor_set_slug_is_kept():
    article = factories.article(title_en="A long title", slug_en="short")

    article.title_en = "A changed title"
    article.save()

    article.refresh_from_db()
    assert article.slug_en == "short"


def test_slug_does_not_change_when_the_title_is_edited():
    article = factories.article(title_en="First title")

    article.title_en = "Second title"
    article.save()

    article.refresh_from_db()
    assert article.slug_en == "first-title"


def test_many_articles_can_be_saved_with_generated_slugs():
    articles = [factories.article() for _ in range(3)]

    assert len({a.slug_cs for a in articles}) == 3


def test_topic_slug_is_made_from_the_english_name():
    topic = factories.topic(name_en="Foreign relations", name_cs="Zahraniční vztahy")

    assert topic.slug == "foreign-relations"
