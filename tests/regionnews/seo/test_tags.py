"""What a page tells search engines, feed readers and social networks.

Canonical links, Open Graph and Twitter card tags, feed advertisements (in the
head and visibly on the page) and the people and organisations in sitemap.xml.
"""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["cs", "en", "de"]


class HeadParser(HTMLParser):
    """<meta> and <link> elements of the head, and every <a> of the page."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.anchors = [], [], []
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif tag == "meta" and self._in_head:
            self.meta.append(attrs)
        elif tag == "link" and self._in_head:
            self.links.append(attrs)
        elif tag == "a":
            self.anchors.append(attrs)

    def handle_endtag(self, tag):
        if tag == "head":
            self._in_head = False


def parse(html: str) -> HeadParser:
    parser = HeadParser()
    parser.feed(html)
    return parser


def og(parsed: HeadParser, name: str) -> list[str]:
    """Values of <meta property=name> (Open Graph) or <meta name=name> (Twitter)."""
    return [
        m["content"]
        for m in parsed.meta
        if m.get("property") == name or m.get("name") == name
    ]


def links(parsed: HeadParser, rel: str, type_: str | None = None) -> list[dict]:
    return [
        link
        for link in parsed.links
        if link.get("rel") == rel and (type_ is None or link.get("type") == type_)
    ]


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return parse(response.content.decode())


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


def url_of(obj, lang="en"):
    with translation.override(lang):
        return obj.get_absolute_url()


@pytest.fixture
def site():
    kz = factories.country("KZ")
    person = factories.person(name="Bakyt Dyussenbayev", title_en="Ambassador")
    organisation = factories.organisation(name_en="University of West Bohemia")
    visit = factories.visit(title_en="Ambassador of Kazakhstan", country=kz)
    factories.participation(visit=visit, person=person)
    factories.stop(visit=visit, organisation=organisation)
    topic = factories.topic(name_en="Diplomacy", slug="diplomacy")
    article = factories.article(
        title_en="Ambassador of Kazakhstan in Pilsen",
        lead_en="The Governor received the Ambassador.",
        visits=[visit],
        countries=[kz],
        topics=[topic],
    )
    return {
        "article": article,
        "visit": visit,
        "country": kz,
        "person": person,
        "organisation": organisation,
        "topic": topic,
    }


def every_page(site, lang):
    return [
        url("home", lang),
        url("articles:list", lang),
        url_of(site["article"], lang),
        url("delegations:visit_list", lang),
        url_of(site["visit"], lang),
        url("delegations:country_list", lang),
        url_of(site["country"], lang),
        url_of(site["organisation"], lang),
        url_of(site["person"], lang),
        url("delegations:person_list", lang),
        url("delegations:organisation_list", lang),
    ]


# Canonical ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_has_exactly_one_canonical_link_to_itself(client, site, lang):
    for path in every_page(site, lang):
        canonical = links(get(client, path), "canonical")

        assert [link["href"] for link in canonical] == ["http://testserver" + path]


def test_canonical_of_a_filtered_list_is_the_unfiltered_list(client, site):
    path = url("articles:list")

    parsed = get(client, path + "?topic=diplomacy&page=1")

    assert [link["href"] for link in links(parsed, "canonical")] == [
        "http://testserver" + path
    ]


def test_canonical_of_a_visit_list_page_drops_the_query(client, site):
    path = url("delegations:visit_list", "de")

    parsed = get(client, path + "?country=kz&year=2024")

    assert links(parsed, "canonical")[0]["href"] == "http://testserver" + path


def test_hreflang_links_of_a_filtered_list_point_at_the_canonical_lists(client, site):
    parsed = get(client, url("delegations:visit_list") + "?country=kz")

    hreflangs = {
        link["hreflang"]: link["href"]
        for link in links(parsed, "alternate")
        if link.get("hreflang")
    }
    assert hreflangs["de"] == "http://testserver" + url("delegations:visit_list", "de")
    assert all("?" not in href for href in hreflangs.values())


def test_canonical_of_an_article_uses_its_slug_in_the_page_language(client, site):
    article = site["article"]
    article.title_de = "Botschafter Kasachstans"
    article.slug_de = "botschafter-kasachstans"
    article.save()

    parsed = get(client, url_of(article, "de"))

    assert links(parsed, "canonical")[0]["href"] == (
        "http://testserver" + url_of(article, "de")
    )
    assert url_of(article, "de").endswith("/botschafter-kasachstans/")


# Open Graph and Twitter -------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_public_page_has_the_basic_open_graph_tags(client, site, lang):
    for path in every_page(site, lang):
        parsed = get(client, path)

        for name in ("og:title", "og:description", "og:type", "og:site_name"):
            assert len(og(parsed, name)) == 1, (path, name)
        assert og(parsed, "og:url") == ["http://testserver" + path]
        assert og(parsed, "twitter:card") in (["summary"], ["summary_large_image"])


@pytest.mark.parametrize(
    "lang,locale,alternates",
    [
        ("cs", "cs_CZ", {"en_GB", "de_DE"}),
        ("en", "en_GB", {"cs_CZ", "de_DE"}),
        ("de", "de_DE", {"cs_CZ", "en_GB"}),
    ],
)
def test_open_graph_locale_names_the_page_language_and_the_others(
    client, site, lang, locale, alternates
):
    parsed = get(client, url_of(site["article"], lang))

    assert og(parsed, "og:locale") == [locale]
    assert set(og(parsed, "og:locale:alternate")) == alternates


def test_article_open_graph_describes_the_article(client, site):
    parsed = get(client, url_of(site["article"]))

    assert og(parsed, "og:type") == ["article"]
    assert og(parsed, "og:title") == ["Ambassador of Kazakhstan in Pilsen"]
    assert og(parsed, "og:description") == ["The Governor received the Ambassador."]
    assert og(parsed, "article:tag") == ["Diplomacy"]
    assert og(parsed, "article:published_time")


def test_article_with_a_main_image_shares_it_as_an_absolute_url(client):
    article = factories.article(
        main_image=factories.image_file(size=(1200, 630)),
        main_image_alt_en="The Governor shakes hands with the Ambassador",
    )

    parsed = get(client, url_of(article))

    image_url = "http://testserver" + article.main_image.url
    assert og(parsed, "og:image") == [image_url]
    assert og(parsed, "og:image:width") == ["1200"]
    assert og(parsed, "og:image:height") == ["630"]
    assert og(parsed, "og:image:alt") == [
        "The Governor shakes hands with the Ambassador"
    ]
    assert og(parsed, "twitter:card") == ["summary_large_image"]
    assert og(parsed, "twitter:image") == [image_url]


def test_article_without_image_is_previewed_with_the_regions_emblem(client):
    parsed = get(client, url_of(factories.article()))

    assert og(parsed, "og:image") == ["http://testserver/static/img/social-card.png"]
    assert og(parsed, "og:image:width") == ["1200"]
    assert og(parsed, "og:image:alt") == ["The emblem of the Pilsen Region"]


def test_article_open_graph_title_is_in_the_page_language(client):
    article = factories.article(title_cs="Velvyslanec", title_de="Botschafter")

    parsed = get(client, url_of(article, "de"))

    assert og(parsed, "og:title") == ["Botschafter"]
    assert og(parsed, "twitter:title") == ["Botschafter"]


def test_visit_open_graph_is_a_website_with_its_title(client, site):
    parsed = get(client, url_of(site["visit"]))

    assert og(parsed, "og:type") == ["website"]
    assert og(parsed, "og:title") == ["Ambassador of Kazakhstan"]


def test_list_page_open_graph_title_names_the_list(client, site):
    parsed = get(client, url("delegations:visit_list"))

    assert og(parsed, "og:title") == ["Visits"]


def test_person_open_graph_names_the_person_and_position(client, site):
    parsed = get(client, url_of(site["person"]))

    assert og(parsed, "og:title") == ["Bakyt Dyussenbayev"]
    assert og(parsed, "og:description") == ["Bakyt Dyussenbayev, Ambassador"]


# Feeds in the head and on the page -------------------------------------------


def feed_hrefs(parsed, type_="application/rss+xml"):
    return [link["href"] for link in links(parsed, "alternate", type_)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_advertises_the_news_feeds_of_its_language(client, site, lang):
    rss = "http://testserver" + url("articles:feed", lang)
    atom = "http://testserver" + url("articles:feed_atom", lang)
    for path in every_page(site, lang):
        parsed = get(client, path)

        assert rss in feed_hrefs(parsed)
        assert atom in feed_hrefs(parsed, "application/atom+xml")
        feeds = [link for link in links(parsed, "alternate") if link.get("type")]
        assert all(link.get("title") for link in feeds)


def test_country_page_advertises_its_feed_in_the_head_and_visibly(client, site):
    parsed = get(client, url_of(site["country"]))

    feed = url("articles:country_feed", code="kz")
    assert "http://testserver" + feed in feed_hrefs(parsed)
    assert feed in [a.get("href") for a in parsed.anchors]


def test_news_list_links_visibly_to_its_feeds(client, site):
    parsed = get(client, url("articles:list"))

    hrefs = [a.get("href") for a in parsed.anchors]
    assert url("articles:feed") in hrefs
    assert url("articles:feed_atom") in hrefs


def test_topic_filtered_list_advertises_the_topic_feed(client, site):
    parsed = get(client, url("articles:list") + "?topic=diplomacy")

    feed = url("articles:topic_feed", slug="diplomacy")
    assert "http://testserver" + feed in feed_hrefs(parsed)
    assert feed in [a.get("href") for a in parsed.anchors]


def test_country_filtered_list_advertises_the_country_feed(client, site):
    parsed = get(client, url("articles:list") + "?country=KZ")

    assert "http://testserver" + url("articles:country_feed", code="kz") in feed_hrefs(
        parsed
    )


def test_list_with_a_bad_filter_advertises_only_the_news_feeds(client, site):
    parsed = get(client, url("articles:list") + "?topic=no-such-topic&country=x1")

    assert feed_hrefs(parsed) == ["http://testserver" + url("articles:feed")]


def test_visit_list_advertises_the_calendar_in_the_head_and_visibly(client, site):
    parsed = get(client, url("delegations:visit_list"))

    calendar = url("delegations:visit_calendar")
    assert feed_hrefs(parsed, "text/calendar") == ["http://testserver" + calendar]
    assert calendar in [a.get("href") for a in parsed.anchors]


def test_article_page_has_no_visible_feed_list(client, site):
    html = client.get(url_of(site["article"])).content.decode()

    assert 'class="feed-links"' not in html


def test_advertised_feeds_answer(client, site):
    pages = [
        url("articles:list") + "?topic=diplomacy",
        url_of(site["country"]),
        url("delegations:visit_list"),
    ]
    advertised = set()
    for path in pages:
        parsed = get(client, path)
        advertised |= {
            link["href"]
            for link in parsed.links
            if link.get("rel") == "alternate" and link.get("type")
        }

    assert len(advertised) == 5
    for href in advertised:
        assert client.get(href).status_code == 200, href


# sitemap.xml: organisations and people ----------------------------------------

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client):
    """Every <loc> of every section the sitemap index lists."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    index = ET.fromstring(response.content)
    urls = set()
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        section = client.get(loc.text.removeprefix("http://testserver"))
        assert section.status_code == 200
        root = ET.fromstring(section.content)
        urls |= {url.text for url in root.findall("sm:url/sm:loc", NS)}
    return urls


def test_sitemap_lists_public_organisations_and_people_in_every_language(client, site):
    listed = sitemap_urls(client)

    for lang in LANGUAGES:
        assert "http://testserver" + url_of(site["organisation"], lang) in listed
        assert "http://testserver" + url_of(site["person"], lang) in listed


def test_sitemap_never_lists_people_or_organisations_of_internal_visits_only(client):
    visit = factories.visit(visibility=Visit.Visibility.INTERNAL)
    person = factories.person(name="Secret Envoy")
    organisation = factories.organisation(name_en="Secret Works")
    factories.participation(visit=visit, person=person)
    factories.stop(visit=visit, organisation=organisation)

    listed = sitemap_urls(client)

    assert not any("secret" in loc for loc in listed)


def test_sitemap_never_lists_people_named_only_in_a_draft(client):
    person = factories.person(name="Draft Person")
    factories.article(status=Article.Status.DRAFT, people=[person])

    listed = sitemap_urls(client)

    assert not any("draft-person" in loc for loc in listed)
