"""Country reference data: loaded by a migration from pycountry, kept by a command."""

import pytest
from django.core.management import call_command
from django.utils import translation

from delegations.models import Country
from tests import factories

pytestmark = pytest.mark.django_db


def names(code):
    return Country.objects.filter(code=code).values_list(
        "name_cs", "name_en", "name_de"
    )[0]


def test_migrations_load_every_iso_country():
    assert Country.objects.count() == 249


def test_kazakhstan_is_named_in_three_languages():
    assert names("KZ") == ("Kazachstán", "Kazakhstan", "Kasachstan")


def test_common_name_is_preferred_to_the_official_one():
    assert names("CZ")[1] == "Czechia"


def test_country_name_follows_the_active_language():
    kz = factories.country("KZ")

    with translation.override("de"):
        assert str(kz) == "Kasachstan"


def test_sync_countries_twice_changes_nothing(capsys):
    call_command("sync_countries")
    before = list(Country.objects.order_by("code").values_list())

    call_command("sync_countries")

    assert list(Country.objects.order_by("code").values_list()) == before
    assert "0 created, 0 updated" in capsys.readouterr().out


def test_sync_countries_restores_a_name_edited_by_hand():
    Country.objects.filter(code="KZ").update(name_en="Kazakstan", name_de="Kazakh")

    call_command("sync_countries")

    assert names("KZ") == ("Kazachstán", "Kazakhstan", "Kasachstan")


def test_sync_countries_recreates_a_deleted_country():
    Country.objects.filter(code="KZ").delete()

    call_command("sync_countries")

    assert names("KZ") == ("Kazachstán", "Kazakhstan", "Kasachstan")


@pytest.mark.parametrize("language", ["cs", "en", "de"])
def test_sync_countries_keeps_every_name_whatever_the_active_language(language):
    with translation.override(language):
        call_command("sync_countries")

    assert names("KZ") == ("Kazachstán", "Kazakhstan", "Kasachstan")
    assert names("DE") == ("Německo", "Germany", "Deutschland")


def test_country_code_is_stored_upper_case():
    Country.objects.filter(code="KZ").delete()

    country = Country.objects.create(code="kz", name_en="Kazakhstan")

    assert country.code == "KZ"
