"""Canonical URLs of list pages and the link-preview image of pages without one."""

import pytest

from tests import factories
from tests.regionnews.seo.test_tags import get, links, og, url

pytestmark = pytest.mark.django_db

STATIC = "http://testserver/static/"


@pytest.fixture
def many_visits():
    for n in range(25):
        factories.visit(title_en=f"Visit {n}")


def test_page_two_of_a_list_has_its_own_canonical_url(client, many_visits):
    path = url("delegations:visit_list")

    parsed = get(client, path + "?page=2&country=kz")

    assert [link["href"] for link in links(parsed, "canonical")] == [
        f"http://testserver{path}?page=2"
    ]
    assert og(parsed, "og:url") == [f"http://testserver{path}?page=2"]


def test_page_two_hreflang_links_point_at_page_two_in_each_language(
    client, many_visits
):
    parsed = get(client, url("delegations:visit_list") + "?page=2")

    hreflangs = {
        link["hreflang"]: link["href"]
        for link in links(parsed, "alternate")
        if link.get("hreflang")
    }
    assert hreflangs["cs"] == (
        f"http://testserver{url('delegations:visit_list', 'cs')}?page=2"
    )


def test_page_one_asked_for_explicitly_is_canonically_the_list(client, many_visits):
    path = url("delegations:visit_list")

    parsed = get(client, path + "?page=1")

    assert links(parsed, "canonical")[0]["href"] == f"http://testserver{path}"


def test_pages_without_a_photo_are_previewed_with_the_emblem(client):
    for path in (url("home"), url("delegations:visit_list"), url("search")):
        parsed = get(client, path)

        assert og(parsed, "og:image") == [STATIC + "img/social-card.png"]
        assert og(parsed, "twitter:card") == ["summary_large_image"]


def test_the_emblem_image_exists_at_the_size_it_claims():
    from django.contrib.staticfiles import finders
    from PIL import Image

    with Image.open(finders.find("img/social-card.png")) as image:
        assert image.size == (1200, 630)
        assert image.format == "PNG"


def test_structured_data_of_a_visit_without_photo_has_the_emblem(client):
    from tests.regionnews.seo.test_structured_data import json_ld

    data = json_ld(client, factories.visit())

    assert data["image"] == [STATIC + "img/social-card.png"]
