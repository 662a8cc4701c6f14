"""The 404 page in the reader's language and the standalone 400 and 500 pages.

This module doubles as the URLconf of the 500 tests: the site's own URLs plus a
view that fails, so that no test-only URL ever reaches regionnews/urls.py.
"""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.test import override_settings
from django.urls import path, reverse
from django.utils import translation

from regionnews.urls import handler400, handler500  # noqa: F401 - this URLconf's
from regionnews.urls import urlpatterns as site_urlpatterns
from tests import factories

pytestmark = pytest.mark.django_db

LANGUAGES = ["cs", "en", "de"]


def failing_view(request):
    raise RuntimeError("the database fell over")


urlpatterns = [
    path("failing/", failing_view),
    *site_urlpatterns,
    *i18n_patterns(path("failing/", failing_view)),
]

failing_urlconf = override_settings(ROOT_URLCONF=__name__, DEBUG=False)


def reverse_in(lang, name, **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


# --- 404 ----------------------------------------------------------------------------


@override_settings(DEBUG=False)
def test_unknown_article_slug_under_de_gives_a_german_404(client):
    response = client.get(reverse_in("de", "articles:detail", slug="gibt-es-nicht"))

    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="de">' in html
    assert "<h1>Seite nicht gefunden</h1>" in html
    with translation.override("de"):
        home = translation.gettext("Home page")
    assert f'href="/de/">{home}</a>' in html


@pytest.mark.parametrize(
    "lang,heading",
    [
        ("cs", "Stránka nenalezena"),
        ("en", "Page not found"),
        ("de", "Seite nicht gefunden"),
    ],
)
def test_404_speaks_the_language_of_the_url(client, lang, heading):
    response = client.get(f"/{lang}/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_links_home_news_visits_and_search_in_its_language(client, lang):
    html = client.get(
        reverse_in(lang, "delegations:visit_detail", slug="no-such-visit")
    ).content.decode()

    main = html[html.index("<main") : html.index("</main>")]
    for name in ["home", "articles:list", "delegations:visit_list", "search"]:
        assert f'href="{reverse_in(lang, name)}"' in main
    assert f'action="{reverse_in(lang, "search")}"' in main


def test_404_for_an_internal_visit_reveals_nothing(client):
    visit = factories.visit(title_en="Quiet talks", visibility="internal")
    with translation.override("en"):
        url = visit.get_absolute_url()

    response = client.get(url)

    assert response.status_code == 404
    assert "Quiet talks" not in response.content.decode()


def test_404_is_not_indexed_and_claims_no_canonical_url(client):
    html = client.get("/en/no-such-page/").content.decode()

    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html


def test_404_for_an_unknown_country_renders_the_page_not_an_error(client):
    response = client.get(reverse_in("en", "delegations:country_detail", code="qq"))

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


# --- 500 ----------------------------------------------------------------------------


@failing_urlconf
@pytest.mark.parametrize(
    "lang,heading", [("cs", "Chyba serveru"), ("de", "Serverfehler")]
)
def test_500_page_is_in_the_language_of_the_url(client, lang, heading):
    client.raise_request_exception = False

    response = client.get(f"/{lang}/failing/")

    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html


@failing_urlconf
def test_500_page_repeats_the_message_in_the_other_languages(client):
    client.raise_request_exception = False

    html = client.get("/de/failing/").content.decode()

    assert '<section class="error-translation" lang="cs"' in html
    assert '<section class="error-translation" lang="en"' in html
    assert '<section class="error-translation" lang="de"' not in html
    assert '<a href="/cs/" hreflang="cs">' in html
    assert '<a href="/en/" hreflang="en">' in html
    assert ">Server error</h2>" in html


@failing_urlconf
def test_500_page_without_a_language_shows_all_three(client):
    client.raise_request_exception = False

    html = client.get("/failing/").content.decode()

    assert '<html lang="cs">' in html  # the default language, announced as such
    assert "<h1>Chyba serveru</h1>" in html
    assert 'lang="en"' in html and 'lang="de"' in html
    assert "Serverfehler" in html


@failing_urlconf
def test_500_page_does_not_leak_the_error(client):
    client.raise_request_exception = False

    html = client.get("/en/failing/").content.decode()

    assert "the database fell over" not in html
    assert "RuntimeError" not in html


# --- 400 ----------------------------------------------------------------------------


def test_400_page_says_the_address_is_unreadable_in_every_language(admin_client):
    # A NUL byte in an admin address is refused before any view runs.
    with translation.override("de"):
        response = admin_client.get("/admin/articles/article/?q=%00")

    html = response.content.decode()
    assert response.status_code == 400
    assert "<h1>Fehlerhafte Anfrage</h1>" in html
    assert '<section class="error-translation" lang="cs"' in html
    assert ">Bad request</h2>" in html
    assert "NUL" not in html
