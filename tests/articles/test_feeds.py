"""RSS and Atom feeds of the news: parsed as XML, per language, country and topic."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def absolute_url_of(obj, lang):
    with translation.override(lang):
        return "http://testserver" + obj.get_absolute_url()


def rss(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel")


def atom(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def rss_titles(channel):
    return [item.findtext("title") for item in channel.findall("item")]


def test_news_feed_paths_are_under_the_language_prefix():
    assert url("articles:feed", "en") == "/en/news/feed/"
    assert url("articles:feed_atom", "en") == "/en/news/feed/atom/"
    assert url("articles:country_feed", "en", code="kz") == "/en/news/feed/country/kz/"
    assert (
        url("articles:topic_feed", "en", slug="trade") == "/en/news/feed/topic/trade/"
    )


@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_rss_channel_declares_the_language_of_its_url(client, lang):
    factories.article()

    channel = rss(client, url("articles:feed", lang))

    assert channel.findtext("language") == lang


@pytest.mark.parametrize(
    "lang,title",
    [
        ("cs", "Velvyslanec v Plzni"),
        ("en", "Ambassador in Pilsen"),
        ("de", "Botschafter"),
    ],
)
def test_rss_item_titles_are_in_the_feed_language(client, lang, title):
    factories.article(
        title_cs="Velvyslanec v Plzni",
        title_en="Ambassador in Pilsen",
        title_de="Botschafter",
    )

    channel = rss(client, url("articles:feed", lang))

    assert rss_titles(channel) == [title]


def test_rss_item_description_is_the_lead_in_the_feed_language(client):
    factories.article(lead_cs="Perex česky.", lead_en="The lead in English.")

    channel = rss(client, url("articles:feed", "en"))

    assert channel.find("item").findtext("description") == "The lead in English."


@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_rss_item_links_to_the_article_in_the_feed_language(client, lang):
    article = factories.article(
        title_cs="Velvyslanec", title_en="Ambassador", title_de="Botschafter"
    )

    channel = rss(client, url("articles:feed", lang))

    assert channel.find("item").findtext("link") == absolute_url_of(article, lang)


def test_rss_channel_links_to_the_news_list_in_its_language(client):
    channel = rss(client, url("articles:feed", "de"))

    assert channel.findtext("link") == "http://testserver" + url("articles:list", "de")


def test_rss_never_lists_a_draft_or_an_article_in_review(client):
    factories.article(title_en="Public news")
    factories.article(title_en="Secret draft", status=Article.Status.DRAFT)
    factories.article(title_en="Under review", status=Article.Status.REVIEW)

    channel = rss(client, url("articles:feed"))

    assert rss_titles(channel) == ["Public news"]


def test_rss_never_lists_a_scheduled_article(client):
    factories.article(title_en="Public news")
    factories.article(
        title_en="Embargoed news",
        published_at=timezone.now() + datetime.timedelta(hours=2),
    )

    channel = rss(client, url("articles:feed"))

    assert rss_titles(channel) == ["Public news"]


def test_rss_lists_the_newest_twenty_newest_first(client):
    now = timezone.now()
    for n in range(25):
        factories.article(
            title_en=f"News {n:02d}", published_at=now - datetime.timedelta(days=n)
        )

    channel = rss(client, url("articles:feed"))

    assert rss_titles(channel) == [f"News {n:02d}" for n in range(20)]


def test_rss_item_carries_publication_date_author_and_topics(client):
    published = timezone.make_aware(datetime.datetime(2024, 5, 9, 14, 51))
    factories.article(
        byline="Ing. Milan Kozel",
        published_at=published,
        topics=[factories.topic(name_en="Diplomacy"), factories.topic(name_en="Trade")],
    )

    item = rss(client, url("articles:feed")).find("item")

    assert item.findtext("pubDate") == "Thu, 09 May 2024 12:51:00 +0000"
    assert item.findtext(DC_CREATOR) == "Ing. Milan Kozel"
    assert sorted(c.text for c in item.findall("category")) == ["Diplomacy", "Trade"]


def test_rss_item_guids_are_unique_and_differ_per_language(client):
    for _ in range(3):
        factories.article()

    en_ids = [
        item.findtext("guid")
        for item in rss(client, url("articles:feed", "en")).findall("item")
    ]
    de_ids = [
        item.findtext("guid")
        for item in rss(client, url("articles:feed", "de")).findall("item")
    ]

    assert len(set(en_ids)) == 3
    assert not set(en_ids) & set(de_ids)


def test_rss_item_guid_survives_a_changed_slug(client):
    article = factories.article(title_en="First title")
    before = rss(client, url("articles:feed")).find("item").findtext("guid")

    article.title_en = "Second title"
    article.slug_en = "second-title"
    article.save()
    item = rss(client, url("articles:feed")).find("item")

    assert item.findtext("guid") == before
    assert item.findtext("link").endswith("/en/news/second-title/")


def test_atom_feed_lists_published_entries_in_its_language(client):
    article = factories.article(title_en="Ambassador", title_de="Botschafter")
    factories.article(title_en="Secret draft", status=Article.Status.DRAFT)

    feed = atom(client, url("articles:feed_atom", "de"))

    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Botschafter"]
    assert entries[0].find(f"{ATOM}link").get("href") == absolute_url_of(article, "de")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"


def test_atom_entries_have_unique_ids_and_an_author(client):
    factories.article(byline="Ing. Milan Kozel")
    factories.article(byline="Jana Nováková")

    feed = atom(client, url("articles:feed_atom"))

    entries = feed.findall(f"{ATOM}entry")
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == 2
    assert {e.findtext(f"{ATOM}author/{ATOM}name") for e in entries} == {
        "Ing. Milan Kozel",
        "Jana Nováková",
    }


def test_country_feed_lists_only_articles_about_that_country(client):
    factories.article(title_en="About Kazakhstan", countries=[factories.country("KZ")])
    factories.article(title_en="About Germany", countries=[factories.country("DE")])
    factories.article(title_en="About nothing")

    channel = rss(client, url("articles:country_feed", code="kz"))

    assert rss_titles(channel) == ["About Kazakhstan"]
    assert channel.findtext("link") == "http://testserver/en/countries/kz/"
    assert "Kazakhstan" in channel.findtext("title")


def test_country_feed_never_lists_a_draft_about_that_country(client):
    kz = factories.country("KZ")
    factories.article(title_en="Public", countries=[kz])
    factories.article(title_en="Draft", countries=[kz], status=Article.Status.DRAFT)

    channel = rss(client, url("articles:country_feed", code="kz"))

    assert rss_titles(channel) == ["Public"]


def test_country_feed_accepts_the_code_in_any_case(client):
    factories.article(title_en="About Kazakhstan", countries=[factories.country("KZ")])

    channel = rss(client, url("articles:country_feed", code="KZ"))

    assert rss_titles(channel) == ["About Kazakhstan"]


@pytest.mark.parametrize("code", ["xx", "kaz", "k1"])
def test_country_feed_of_an_unknown_country_is_404(client, code):
    response = client.get(url("articles:country_feed", code=code))

    assert response.status_code == 404


def test_country_atom_feed_lists_articles_about_that_country(client):
    factories.article(title_en="About Kazakhstan", countries=[factories.country("KZ")])
    factories.article(title_en="About Germany", countries=[factories.country("DE")])

    feed = atom(client, url("articles:country_feed_atom", code="kz"))

    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["About Kazakhstan"]


def test_topic_feed_lists_only_articles_on_that_topic(client):
    trade = factories.topic(name_en="Trade", slug="trade")
    factories.article(title_en="Trade news", topics=[trade])
    factories.article(title_en="Other news", topics=[factories.topic()])
    factories.article(title_en="Draft on trade", topics=[trade], status="draft")

    channel = rss(client, url("articles:topic_feed", slug="trade"))

    assert rss_titles(channel) == ["Trade news"]
    assert channel.findtext("link") == "http://testserver/en/news/?topic=trade"
    assert "Trade" in channel.findtext("title")


def test_topic_atom_feed_lists_articles_on_that_topic(client):
    trade = factories.topic(name_en="Trade", slug="trade")
    factories.article(title_en="Trade news", topics=[trade])
    factories.article(title_en="Other news")

    feed = atom(client, url("articles:topic_feed_atom", slug="trade"))

    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles == ["Trade news"]


def test_topic_feed_of_an_unknown_topic_is_404(client):
    response = client.get(url("articles:topic_feed", slug="no-such-topic"))

    assert response.status_code == 404


def test_feed_title_with_markup_is_plain_text_in_the_xml(client):
    factories.article(title_en="Trade & <b>industry</b>")

    channel = rss(client, url("articles:feed"))

    assert rss_titles(channel) == ["Trade & <b>industry</b>"]


def test_feed_query_count_does_not_grow_with_items(
    client, django_assert_max_num_queries
):
    topics = [factories.topic() for _ in range(3)]
    for _ in range(25):
        factories.article(topics=topics)

    with django_assert_max_num_queries(2):
        response = client.get(url("articles:feed"))

    assert response.status_code == 200
