"""Visit slugs per language: each language's address, old addresses redirecting,
the language switcher and the migration that made them."""

import datetime
import importlib
import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import translation

from delegations.models import Visit
from tests import factories
from tests.regionnews.seo.test_sitemap import sitemap

pytestmark = pytest.mark.django_db


@pytest.fixture
def visit():
    return factories.visit(
        title_en="Ambassador of Kazakhstan",
        title_cs="Návštěva velvyslance Kazachstánu",
        title_de="Besuch des Botschafters",
        start_date=datetime.date(2024, 4, 4),
    )


def url_in(obj, lang):
    with translation.override(lang):
        return obj.get_absolute_url()


def test_each_language_has_its_own_address(visit):
    assert url_in(visit, "en") == "/en/visits/ambassador-of-kazakhstan-2024/"
    assert url_in(visit, "cs") == (
        "/cs/navstevy/navsteva-velvyslance-kazachstanu-2024/"
    )
    assert url_in(visit, "de") == "/de/besuche/besuch-des-botschafters-2024/"


@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_the_page_is_found_at_its_address_in_each_language(client, visit, lang):
    response = client.get(url_in(visit, lang))

    assert response.status_code == 200
    assert response.context["visit"] == visit


def test_old_address_with_another_languages_slug_redirects_permanently(client, visit):
    response = client.get("/cs/navstevy/ambassador-of-kazakhstan-2024/")

    assert response.status_code == 301
    assert response["Location"] == url_in(visit, "cs")


def test_a_czech_slug_under_german_redirects_to_the_german_address(client, visit):
    response = client.get("/de/besuche/navsteva-velvyslance-kazachstanu-2024/")

    assert response.status_code == 301
    assert response["Location"] == url_in(visit, "de")


def test_unknown_slug_is_still_not_found(client, visit):
    assert client.get("/cs/navstevy/no-such-visit-2024/").status_code == 404


def test_internal_visits_old_address_does_not_redirect_the_public(client):
    internal = factories.visit(
        title_en="Quiet talks", visibility=Visit.Visibility.INTERNAL
    )

    response = client.get(f"/cs/navstevy/{internal.slug_en}/")

    assert response.status_code == 404


def test_language_switcher_leads_to_the_same_visit(client, visit):
    content = client.get(url_in(visit, "en")).content.decode()
    (nav,) = re.findall(r'<nav class="language-switcher".*?</nav>', content, re.S)

    for lang in ("cs", "en", "de"):
        assert f'href="{url_in(visit, lang)}"' in nav


def test_sitemap_lists_each_languages_address(client, visit):
    content = "".join(sitemap(client))

    for lang in ("cs", "en", "de"):
        assert f"http://testserver{url_in(visit, lang)}" in content


def test_migration_keeps_the_old_slug_as_english_and_makes_the_others():
    """The data migration, run on a row as the schema migration left it (one
    old `slug`, the per-language ones empty), with the migrations' own models."""
    fill_slugs = importlib.import_module(
        "delegations.migrations.0011_fill_visit_slugs"
    ).fill_slugs
    state_apps = MigrationExecutor(connection).loader.project_state().apps
    OldVisit = state_apps.get_model("delegations", "Visit")
    Country = state_apps.get_model("delegations", "Country")
    old = OldVisit.objects.create(
        slug="ambassador-of-kazakhstan-2024",
        slug_cs=None,
        slug_en=None,
        slug_de=None,
        title="Návštěva velvyslance",
        title_cs="Návštěva velvyslance",
        title_en="Ambassador of Kazakhstan",
        title_de="",
        start_date=datetime.date(2024, 4, 4),
        country=Country.objects.get(code="KZ"),
    )

    fill_slugs(state_apps, None)

    migrated = Visit.objects.get(pk=old.pk)
    assert migrated.slug_en == "ambassador-of-kazakhstan-2024"
    assert migrated.slug_cs == "navsteva-velvyslance-2024"
    assert migrated.slug_de == "ambassador-of-kazakhstan-2024"
