"""The sitemap page for readers (the footer's "Sitemap" link)."""

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, lang="en"):
    with translation.override(lang):
        return reverse(name)


@pytest.mark.parametrize(
    ("lang", "path"),
    [
        ("en", "/en/sitemap/"),
        ("cs", "/cs/mapa-stranek/"),
        ("de", "/de/seitenuebersicht/"),
    ],
)
def test_sitemap_page_has_a_translated_path(lang, path):
    assert url("sitemap_page", lang) == path


def test_footer_sitemap_link_opens_the_page_not_the_xml(client):
    content = client.get(url("home")).content.decode()

    assert f'href="{url("sitemap_page")}"' in content
    assert 'href="/sitemap.xml"' not in content.split("<footer", 1)[1]


def test_sitemap_page_links_every_section_and_the_xml(client):
    content = client.get(url("sitemap_page")).content.decode()

    for name in (
        "articles:list",
        "delegations:visit_list",
        "delegations:visit_statistics",
        "delegations:country_list",
        "delegations:person_list",
        "delegations:organisation_list",
        "search",
    ):
        assert f'href="{url(name)}"' in content, name
    assert 'href="/sitemap.xml"' in content


def test_sitemap_page_lists_countries_and_topics_with_public_content(client):
    factories.visit(country="KZ")
    factories.visit(country="JP", visibility=Visit.Visibility.INTERNAL)
    shown = factories.topic(name_en="Diplomacy")
    hidden = factories.topic(name_en="Secret plans")
    factories.article(topics=[shown])
    factories.article(topics=[hidden], status=Article.Status.DRAFT)

    content = client.get(url("sitemap_page")).content.decode()

    assert 'href="/en/countries/kz/"' in content
    assert "/en/countries/jp/" not in content
    assert f"?topic={shown.slug}" in content
    assert "Secret plans" not in content


def test_sitemap_page_queries_are_bounded(client, django_assert_max_num_queries):
    for code in ("KZ", "DE", "AT", "JP", "CN", "SK"):
        factories.visit(country=code)
        factories.article(topics=[factories.topic()])

    with django_assert_max_num_queries(4):
        response = client.get(url("sitemap_page"))

    assert response.status_code == 200
