"""sitemap.xml and robots.txt: what search engines are told exists."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from articles.models import Article
from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
LANGUAGES = ("cs", "en", "de")


def section_pages(client):
    """The sitemap index's entries: (loc, lastmod) of every section page."""
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [
        (entry.findtext("sm:loc", namespaces=NS), entry.findtext("sm:lastmod", "", NS))
        for entry in root.findall("sm:sitemap", NS)
    ]


def sitemap(client):
    """Every <url> of every section page the index lists: loc -> alternates."""
    urls = {}
    for loc, _lastmod in section_pages(client):
        response = client.get(loc.removeprefix("http://testserver"))
        assert response.status_code == 200
        root = ET.fromstring(response.content)
        urls.update(
            {
                url.findtext("sm:loc", namespaces=NS): {
                    link.get("hreflang"): link.get("href")
                    for link in url.findall("xhtml:link", NS)
                }
                for url in root.findall("sm:url", NS)
            }
        )
    return urls


def urls_in_every_language(obj):
    urls = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            urls[lang] = "http://testserver" + obj.get_absolute_url()
    return urls


def test_sitemap_lists_a_published_article_in_every_language(client):
    article = factories.article(
        title_cs="Velvyslanec", title_en="Ambassador", title_de="Botschafter"
    )

    entries = sitemap(client)

    expected = urls_in_every_language(article)
    assert set(expected.values()) <= set(entries)
    assert expected["en"].endswith("/en/news/ambassador/")


def test_sitemap_article_entries_carry_hreflang_alternates(client):
    article = factories.article(title_en="Ambassador")

    entries = sitemap(client)

    expected = urls_in_every_language(article)
    alternates = entries[expected["de"]]
    assert alternates == expected


def test_sitemap_urls_all_carry_a_language_prefix(client):
    # A bare /news/<slug>/ is redirected to the browser's language, where the
    # slug may be different: every URL listed must name its language.
    factories.article(title_cs="Velvyslanec", title_en="Ambassador")
    factories.visit(country="KZ")

    entries = sitemap(client)

    listed = set(entries) | {
        href for links in entries.values() for href in links.values()
    }
    prefixes = tuple(f"http://testserver/{lang}/" for lang in LANGUAGES)
    assert listed
    assert all(url.startswith(prefixes) for url in listed)


def test_sitemap_lists_a_public_visit_in_every_language(client):
    visit = factories.visit(title_en="Ambassador of Kazakhstan")

    entries = sitemap(client)

    expected = urls_in_every_language(visit)
    assert set(expected.values()) <= set(entries)
    assert {lang: entries[expected["en"]][lang] for lang in LANGUAGES} == expected


def test_sitemap_lists_countries_with_public_visits(client):
    factories.visit(country="KZ")

    entries = sitemap(client)

    assert "http://testserver/en/countries/kz/" in entries


def test_sitemap_never_lists_a_draft(client):
    draft = factories.article(status=Article.Status.DRAFT, title_en="Secret draft")

    entries = sitemap(client)

    assert not set(urls_in_every_language(draft).values()) & set(entries)
    assert not any("secret-draft" in url for url in entries)


def test_sitemap_never_lists_a_scheduled_article(client):
    scheduled = factories.article(
        title_en="Embargoed news",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )

    entries = sitemap(client)

    assert not set(urls_in_every_language(scheduled).values()) & set(entries)


def test_sitemap_never_lists_an_internal_visit_or_its_country(client):
    internal = factories.visit(
        title_en="Confidential talks",
        country="DE",
        visibility=Visit.Visibility.INTERNAL,
    )

    entries = sitemap(client)

    assert not any("confidential-talks" in url for url in entries)
    assert not set(urls_in_every_language(internal).values()) & set(entries)
    assert "http://testserver/en/countries/de/" not in entries


def test_sitemap_alternates_never_point_at_unpublished_pages(client):
    factories.article(title_en="Public")
    factories.article(status=Article.Status.DRAFT, title_en="Hidden draft")

    entries = sitemap(client)

    all_links = {href for links in entries.values() for href in links.values()}
    assert not any("hidden-draft" in href for href in all_links)


def test_robots_txt_names_the_sitemap(client):
    response = client.get(reverse("robots_txt"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text.splitlines()


def test_robots_txt_disallows_the_admin(client):
    response = client.get(reverse("robots_txt"))

    assert "Disallow: /admin/" in response.text.splitlines()


# The index: paginated sections, lastmod, the non-object pages ----------------


def test_sitemap_is_an_index_of_sections(client):
    factories.article()
    factories.visit()
    locs = [loc for loc, _lastmod in section_pages(client)]
    for section in ("pages", "articles", "visits", "countries"):
        assert f"http://testserver/sitemap-{section}.xml" in locs


def test_sitemap_sections_are_paginated(client, settings):
    settings.SITEMAP_PAGE_SIZE = 2
    articles = [factories.article() for _ in range(5)]
    locs = [loc for loc, _lastmod in section_pages(client)]
    assert "http://testserver/sitemap-articles.xml?p=3" in locs
    assert "http://testserver/sitemap-articles.xml?p=4" not in locs
    listed = sitemap(client)
    for article in articles:
        for url in urls_in_every_language(article).values():
            assert url in listed


def test_sitemap_index_gives_each_section_its_latest_lastmod(client):
    older = factories.article()
    newer = factories.article()
    Article.objects.filter(pk=older.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=30)
    )
    newer.refresh_from_db()
    lastmods = dict(section_pages(client))
    articles = lastmods["http://testserver/sitemap-articles.xml"]
    assert articles.startswith(
        newer.updated_at.astimezone(datetime.UTC).date().isoformat()
    )


def test_sitemap_lists_home_lists_and_statistics_in_every_language(client):
    factories.article()
    listed = sitemap(client)
    for name in (
        "home",
        "articles:list",
        "delegations:visit_list",
        "delegations:country_list",
        "delegations:visit_statistics",
    ):
        for lang in LANGUAGES:
            with translation.override(lang):
                assert "http://testserver" + reverse(name) in listed


def test_sitemap_section_query_count_does_not_grow_with_the_archive(
    client, django_assert_max_num_queries
):
    for _ in range(30):
        factories.article()
    with django_assert_max_num_queries(4):
        response = client.get(
            reverse("sitemap_section", kwargs={"section": "articles"})
        )
    assert response.status_code == 200
    # A count and a MAX() per section, whatever the archive's size.
    with django_assert_max_num_queries(12):
        assert client.get(reverse("sitemap")).status_code == 200


def test_sitemap_index_is_kept_until_the_content_changes(
    client, settings, django_assert_num_queries
):
    factories.article()
    first = client.get(reverse("sitemap"))
    with django_assert_num_queries(0):
        again = client.get(reverse("sitemap"))
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]

    settings.SITEMAP_PAGE_SIZE = 1
    factories.article()  # a write: the kept index is stale at once
    locs = [loc for loc, _lastmod in section_pages(client)]

    assert "http://testserver/sitemap-articles.xml?p=2" in locs
