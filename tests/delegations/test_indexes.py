"""The people and organisations indexes: what is listed, in which order, the
country and kind filters, their messages, translated paths and bounded queries."""

import pytest
from django.urls import reverse
from django.utils import translation

from delegations.models import Organisation, Visit
from tests import factories
from tests.conftest import module_data
from tests.regionnews.seo.test_sitemap import sitemap

pytestmark = pytest.mark.django_db


def url(name, lang="en"):
    with translation.override(lang):
        return reverse(f"delegations:{name}")


def listed(client, name, lang="en", **params):
    response = client.get(url(name, lang), params)
    assert response.status_code == 200
    return response, [obj.pk for obj in response.context["records"]]


def in_public_visit(**kwargs):
    person = factories.person(**kwargs)
    factories.participation(person=person)
    return person


def toured(**kwargs):
    organisation = factories.organisation(**kwargs)
    factories.stop(organisation=organisation)
    return organisation


@pytest.mark.parametrize(
    ("lang", "people", "organisations"),
    [
        ("en", "/en/people/", "/en/organisations/"),
        ("cs", "/cs/osobnosti/", "/cs/organizace/"),
        ("de", "/de/personen/", "/de/organisationen/"),
    ],
)
def test_indexes_have_translated_paths(lang, people, organisations):
    assert url("person_list", lang) == people
    assert url("organisation_list", lang) == organisations


def test_people_index_lists_only_people_the_public_may_see(client):
    public = in_public_visit(name="Anna Public")
    hidden = factories.person(name="Quiet Person")
    secret = factories.visit(visibility=Visit.Visibility.INTERNAL)
    factories.participation(visit=secret, person=hidden)

    response, pks = listed(client, "person_list")

    assert pks == [public.pk]
    assert "Quiet Person" not in response.content.decode()


def test_staff_see_internal_people_marked(staff_client):
    hidden = factories.person(name="Quiet Person")
    factories.participation(
        visit=factories.visit(visibility=Visit.Visibility.INTERNAL), person=hidden
    )

    response, pks = listed(staff_client, "person_list")

    assert pks == [hidden.pk]
    assert "badge--internal" in response.content.decode()


def test_people_are_sorted_by_surname_in_the_czech_alphabet(client):
    spotak = in_public_visit(name="Rudolf Špoták")
    svoboda = in_public_visit(name="Zdeněk Svoboda")
    chalupa = in_public_visit(name="Adam Chalupa")
    horak = in_public_visit(name="Eva Horák")
    akhmet = in_public_visit(name="Timur Akhmetzhanov")

    _, pks = listed(client, "person_list", "cs")

    assert pks == [akhmet.pk, horak.pk, chalupa.pk, svoboda.pk, spotak.pk]


def test_organisations_are_sorted_in_the_readers_language(client):
    skoda = toured(name_cs="Škoda", name_en="Skoda Works")
    sigma = toured(name_cs="Sigma", name_en="Sigma")
    zoo = toured(name_cs="Zoo Plzeň", name_en="Pilsen Zoo")

    _, czech = listed(client, "organisation_list", "cs")
    _, english = listed(client, "organisation_list", "en")

    assert czech == [sigma.pk, skoda.pk, zoo.pk]
    assert english == [zoo.pk, sigma.pk, skoda.pk]


def test_people_filter_by_country_in_any_case(client):
    kazakh = in_public_visit(country=factories.country("KZ"))
    in_public_visit(country=factories.country("DE"))

    for code in ("kz", "KZ"):
        _, pks = listed(client, "person_list", country=code)
        assert pks == [kazakh.pk]


def test_organisations_filter_by_kind_and_country(client):
    university = toured(kind=Organisation.Kind.UNIVERSITY)
    toured(kind=Organisation.Kind.COMPANY)
    toured(kind=Organisation.Kind.UNIVERSITY, country=factories.country("DE"))

    _, pks = listed(client, "organisation_list", kind="university", country="cz")

    assert pks == [university.pk]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("person_list", {"country": "xx"}),
        ("person_list", {"country": "Kazakhstan"}),
        ("organisation_list", {"kind": "bakery"}),
        ("organisation_list", {"country": "<script>"}),
    ],
)
def test_bad_filter_value_gets_a_message_not_an_error(client, name, params):
    toured()
    in_public_visit()

    response, pks = listed(client, name, **params)

    assert pks == []
    assert 'class="error-summary"' in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_bad_page_number_is_not_found(client):
    assert client.get(url("person_list"), {"page": "99"}).status_code == 404


def test_empty_parameters_are_dropped_with_a_redirect(client):
    response = client.get(url("organisation_list"), {"country": "", "kind": "company"})

    assert response.status_code == 302
    assert response["Location"] == url("organisation_list") + "?kind=company"


def test_detail_pages_have_the_index_in_their_breadcrumbs(client):
    person = in_public_visit()
    organisation = toured()

    with translation.override("en"):
        person_page = client.get(person.get_absolute_url()).content.decode()
        organisation_page = client.get(organisation.get_absolute_url()).content.decode()

    assert f'<a href="{url("person_list")}">People</a>' in person_page
    assert (
        f'<a href="{url("organisation_list")}">Organisations</a>' in organisation_page
    )


def test_footer_links_both_indexes(client):
    content = client.get(url("visit_list")).content.decode()

    assert f'href="{url("person_list")}"' in content
    assert f'href="{url("organisation_list")}"' in content


def test_sitemap_lists_the_indexes_in_every_language(client):
    content = "".join(sitemap(client))

    for lang in ("cs", "en", "de"):
        assert f"http://testserver{url('person_list', lang)}" in content
        assert f"http://testserver{url('organisation_list', lang)}" in content


@module_data
def many_records():
    """100 people and 100 organisations in public visits, across two countries."""
    for n in range(100):
        visit = factories.visit(country="KZ" if n % 2 else "DE")
        factories.participation(
            visit=visit,
            person=factories.person(
                name=f"Person Surname{n:03}", country=factories.country("KZ")
            ),
        )
        factories.stop(visit=visit)


class TestQueryBudgets:
    def test_people_index_queries_are_bounded(
        self, client, many_records, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(8):
            response, pks = listed(client, "person_list", page="2")

        assert len(pks) == 40
        assert response.context["paginator"].count == 100

    def test_organisations_index_queries_are_bounded(
        self, client, many_records, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(8):
            response, pks = listed(client, "organisation_list", country="cz")

        assert len(pks) == 40
        assert response.context["paginator"].count == 100

    def test_staff_people_index_queries_are_bounded(
        self, staff_client, many_records, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(12):
            _, pks = listed(staff_client, "person_list")

        assert len(pks) == 40
