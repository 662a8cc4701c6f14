"""The home country's page (Czechia) is about the region's own people and
organisations, not a dead end listing no visits."""

import pytest
from django.utils import translation

from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db


def page(client, code, lang="en"):
    with translation.override(lang):
        url = factories.country(code).get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response


def toured_in_czechia(**kwargs):
    organisation = factories.organisation(country=factories.country("CZ"), **kwargs)
    factories.stop(organisation=organisation)
    return organisation


def test_home_country_page_lists_the_regions_organisations(client):
    brewery = toured_in_czechia(name_en="Pilsner Urquell Brewery")
    hidden = factories.organisation(name_en="Quiet Works")
    factories.stop(
        visit=factories.visit(visibility=Visit.Visibility.INTERNAL), organisation=hidden
    )

    content = page(client, "CZ").content.decode()

    assert "Pilsner Urquell Brewery" in content
    assert f'href="{brewery.get_absolute_url()}"' in content
    assert "Quiet Works" not in content


def test_home_country_page_links_the_indexes_filtered_by_it(client):
    content = page(client, "CZ").content.decode()

    assert 'href="/en/people/?country=cz"' in content
    assert 'href="/en/organisations/?country=cz"' in content
    assert "visits between the Pilsen Region and Czechia" not in content


def test_home_country_lists_people_from_it_by_surname_link(client):
    governor = factories.person(name="Rudolf Špoták", country=factories.country("CZ"))
    factories.participation(person=governor)

    content = page(client, "CZ").content.decode()

    assert f'href="{governor.get_absolute_url()}"' in content


def test_other_countries_keep_their_visits_page(client):
    factories.visit(country="KZ")

    content = page(client, "KZ").content.decode()

    assert "One visit between the Pilsen Region and Kazakhstan" in content
    assert "/en/organisations/?country=kz" not in content


def test_home_country_page_is_bounded_and_links_the_rest(
    client, django_assert_max_num_queries
):
    for n in range(40):
        toured_in_czechia(name_en=f"Firm {n:02}")

    with django_assert_max_num_queries(16):
        response = page(client, "CZ")

    # The sections are computed when the page renders them (see the view).
    assert len(response.context["home_organisations"]()) == 30
    assert "All 40 organisations" in response.content.decode()
