"""Event JSON-LD with a full address of each place; NewsArticle authors who are
people on record."""

import pytest

from delegations.models import Visit
from tests import factories
from tests.regionnews.seo.test_structured_data import json_ld

pytestmark = pytest.mark.django_db


def test_event_place_has_a_full_postal_address(client):
    university = factories.organisation(
        name_en="University of West Bohemia",
        street_address="Univerzitní 2732/8",
        postal_code="301 00",
        city_en="Pilsen",
        country=factories.country("CZ"),
    )
    visit = factories.visit()
    factories.stop(visit=visit, organisation=university)

    (place,) = json_ld(client, visit)["location"]

    assert place["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Univerzitní 2732/8",
        "postalCode": "301 00",
        "addressLocality": "Pilsen",
        "addressCountry": "CZ",
    }


def test_event_place_leaves_out_what_is_not_recorded(client):
    firm = factories.organisation(city_en="", country=factories.country("DE"))
    visit = factories.visit()
    factories.stop(visit=visit, organisation=firm)

    (place,) = json_ld(client, visit)["location"]

    assert place["address"] == {"@type": "PostalAddress", "addressCountry": "DE"}


def test_organisation_page_has_the_full_address(client):
    organisation = factories.organisation(
        street_address="Tylova 57", postal_code="316 00", city_en="Pilsen"
    )
    factories.stop(organisation=organisation)

    data = json_ld(client, organisation)

    assert data["address"]["streetAddress"] == "Tylova 57"
    assert data["address"]["postalCode"] == "316 00"


def test_visit_page_with_many_stops_fetches_their_countries_at_once(
    client, django_assert_max_num_queries
):
    visit = factories.visit()
    for n in range(20):
        factories.stop(
            visit=visit,
            organisation=factories.organisation(street_address=f"Street {n}"),
        )
    with django_assert_max_num_queries(14):
        data = json_ld(client, visit)

    assert len(data["location"]) == 20


@pytest.fixture
def kozel():
    person = factories.person(name="Milan Kozel", country=factories.country("CZ"))
    factories.participation(person=person)  # on record and public
    return person


@pytest.mark.parametrize(
    "byline", ["Ing. Milan Kozel", "Milan Kozel", "Milan Kozel, Ph.D."]
)
def test_author_who_is_on_record_links_to_their_page(client, kozel, byline):
    data = json_ld(client, factories.article(byline=byline))

    assert data["author"] == {
        "@type": "Person",
        "name": byline,
        "url": "http://testserver" + kozel.get_absolute_url(),
    }


def test_author_not_on_record_is_a_person_without_url(client, kozel):
    data = json_ld(client, factories.article(byline="Jana Nováková"))

    assert data["author"] == {"@type": "Person", "name": "Jana Nováková"}


def test_author_known_only_from_an_internal_visit_gets_no_url(client):
    hidden = factories.person(name="Milan Kozel")
    factories.participation(
        visit=factories.visit(visibility=Visit.Visibility.INTERNAL), person=hidden
    )

    data = json_ld(client, factories.article(byline="Ing. Milan Kozel"))

    assert "url" not in data["author"]


def test_a_surname_alone_does_not_match(client, kozel):
    data = json_ld(client, factories.article(byline="Kozel"))

    assert "url" not in data["author"]


def test_article_without_byline_is_by_the_region(client):
    data = json_ld(client, factories.article(byline=""))

    assert data["author"]["@type"] == "GovernmentOrganization"
