"""Search finds countries, and visits by the people in them and places toured."""

import pytest
from django.urls import reverse
from django.utils import translation

from delegations.models import Participation, Visit
from regionnews.search.results import search
from tests import factories

pytestmark = pytest.mark.django_db


def hits_of(results, kind):
    return [
        hit.obj for group in results.groups if group.kind == kind for hit in group.hits
    ]


def count_of(results, kind):
    return next(group.count for group in results.groups if group.kind == kind)


@pytest.fixture
def kazakh_visit():
    kz = factories.country("KZ")
    visit = factories.visit(
        title_en="Ambassador of Kazakhstan", title_cs="Velvyslanec", country=kz
    )
    governor = factories.person(name="Rudolf Špoták", country=factories.country("CZ"))
    factories.participation(visit=visit, person=governor, side=Participation.Side.HOST)
    factories.participation(
        visit=visit, person=factories.person(name="Bakyt Dyussenbayev")
    )
    brewery = factories.organisation(
        name_cs="Plzeňský Prazdroj",
        name_en="Pilsner Urquell Brewery",
        name_de="Brauerei Pilsner Urquell",
    )
    factories.stop(visit=visit, organisation=brewery)
    return visit


def test_host_name_without_accents_finds_the_visit(kazakh_visit):
    assert hits_of(search("Spotak", user=None, language="en"), "visits") == [
        kazakh_visit
    ]


def test_guest_name_finds_the_visit(kazakh_visit):
    assert hits_of(search("Dyussenbayev", user=None, language="cs"), "visits") == [
        kazakh_visit
    ]


def test_organisation_toured_finds_the_visit_in_any_language(kazakh_visit):
    for query in ("Prazdroj", "Brauerei", "Urquell"):
        assert hits_of(search(query, user=None, language="en"), "visits") == [
            kazakh_visit
        ]


def test_visit_with_several_matching_people_and_stops_is_found_once(kazakh_visit):
    for n in range(3):
        factories.participation(
            visit=kazakh_visit, person=factories.person(name=f"Spotak Aide{n}")
        )
        factories.stop(
            visit=kazakh_visit,
            organisation=factories.organisation(name_en=f"Spotak Works {n}"),
        )

    results = search("Spotak", user=None, language="en")

    assert hits_of(results, "visits") == [kazakh_visit]
    assert count_of(results, "visits") == 1


def test_participant_of_an_internal_visit_does_not_reveal_it(kazakh_visit):
    secret = factories.visit(title_en="Talks", visibility=Visit.Visibility.INTERNAL)
    factories.participation(visit=secret, person=factories.person(name="Zanzibari"))

    assert hits_of(search("Zanzibari", user=None, language="en"), "visits") == []


def test_country_name_finds_the_country_in_every_language(kazakh_visit):
    kz = factories.country("KZ")
    for query in ("Kazakhstan", "Kazachstán", "Kasachstan"):
        assert hits_of(search(query, user=None, language="en"), "countries") == [kz]


def test_results_page_lists_the_country_first(client, kazakh_visit):
    with translation.override("en"):
        url = reverse("search")
    response = client.get(url, {"q": "Kazakhstan"})
    groups = response.context["results"].shown_groups
    content = response.content.decode()

    assert groups[0].kind == "countries"
    assert content.index('href="/en/countries/kz/"') < content.index(
        kazakh_visit.get_absolute_url()
    )
    assert "1 visit on record" in content


def test_country_known_only_from_an_internal_visit_is_not_found():
    factories.visit(country="ZA", visibility=Visit.Visibility.INTERNAL)

    assert hits_of(search("South Africa", user=None, language="en"), "countries") == []


def test_staff_find_such_a_country_marked_internal():
    factories.visit(country="ZA", visibility=Visit.Visibility.INTERNAL)
    staff = factories.user(staff=True)

    results = search("South Africa", user=staff, language="en")
    (group,) = [group for group in results.groups if group.kind == "countries"]

    assert [hit.internal for hit in group.hits] == [True]


def test_many_visits_of_a_country_keep_the_search_page_bounded(
    client, django_assert_max_num_queries
):
    for n in range(30):
        visit = factories.visit(title_en=f"Mission {n}", country="KZ")
        factories.participation(visit=visit)
        factories.stop(visit=visit)
    with translation.override("en"):
        url = reverse("search")

    # 11 for the search, and one for how long its results may be kept.
    with django_assert_max_num_queries(12):
        response = client.get(url, {"q": "Kazakhstan"})

    assert count_of(response.context["results"], "visits") == 30
    assert count_of(response.context["results"], "countries") == 1
