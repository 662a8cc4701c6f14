"""The language switcher where the same path in another language is no page:
the 404 page and the staff preview."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests import factories

pytestmark = pytest.mark.django_db


def switcher_links(content: str) -> dict[str, str]:
    (nav,) = re.findall(r'<nav class="language-switcher".*?</nav>', content, re.S)
    return {
        code: href for href, code in re.findall(r'<a href="([^"]*)" lang="(\w+)"', nav)
    }


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    "path", ["/de/gibt-es-nicht/", "/de/besuche/gibt-es-nicht/", "/en/news/nope/"]
)
def test_404_page_switches_to_each_languages_home(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert switcher_links(response.content.decode()) == {
        "cs": "/cs/",
        "en": "/en/",
        "de": "/de/",
    }


@override_settings(DEBUG=False)
def test_404_page_is_still_in_the_language_of_its_prefix(client):
    response = client.get("/de/gibt-es-nicht/")

    assert '<html lang="de">' in response.content.decode()
    assert "Seite nicht gefunden" in response.content.decode()


def test_preview_language_switcher_stays_in_the_preview(admin_client):
    draft = factories.article(status="draft", title_en="Draft", title_de="Entwurf")

    response = admin_client.get(
        reverse("admin:articles_article_preview", args=[draft.pk, "de"])
    )

    assert response.status_code == 200
    assert switcher_links(response.content.decode()) == {
        code: reverse("admin:articles_article_preview", args=[draft.pk, code])
        for code in ("cs", "en", "de")
    }


def test_public_pages_keep_switching_to_the_same_page(client):
    visit = factories.visit()
    with translation.override("en"):
        url = visit.get_absolute_url()

    links = switcher_links(client.get(url).content.decode())

    with translation.override("de"):
        assert links["de"] == visit.get_absolute_url()
