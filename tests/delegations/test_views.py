"""Visit, country, organisation and person pages: cross-links, the visit filter,
what the public never sees, and bounded queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from delegations.models import Participation, Visit
from tests import factories

pytestmark = pytest.mark.django_db

INTERNAL = Visit.Visibility.INTERNAL


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def url_of(obj):
    with translation.override("en"):
        return obj.get_absolute_url()


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def link_to(obj):
    return f'href="{url_of(obj)}"'


# --- visit list -------------------------------------------------------------


def test_visit_list_shows_public_visits(client):
    visit = factories.visit()

    assert link_to(visit) in html_of(client, en("delegations:visit_list"))


def test_visit_list_hides_internal_visits_from_the_public(client):
    secret = factories.visit(title_en="Quiet talks", visibility=INTERNAL)

    html = html_of(client, en("delegations:visit_list"))

    assert link_to(secret) not in html
    assert "Quiet talks" not in html


def test_visit_list_shows_internal_visits_to_staff_with_a_marker(staff_client):
    secret = factories.visit(visibility=INTERNAL)

    html = html_of(staff_client, en("delegations:visit_list"))

    row = html[html.index(link_to(secret)) :]
    assert 'class="badge badge--internal"' in row[: row.index("</h3>")]


def test_visit_list_labels_every_filter_field(client):
    html = html_of(client, en("delegations:visit_list"))

    for name in ["q", "country", "year", "date_from", "date_to", "organisation"]:
        assert f'<label for="id_{name}">' in html
    assert '<label for="id_person">' in html


def test_visit_list_says_how_many_visits_it_found(client):
    for _ in range(3):
        factories.visit()

    assert "3 visits found." in html_of(client, en("delegations:visit_list"))


@pytest.mark.parametrize("code", ["kz", "KZ", "Kz"])
def test_visit_list_filters_by_country_code_in_any_case(client, code):
    wanted = factories.visit(country="KZ")
    other = factories.visit(country="DE")

    html = html_of(client, en("delegations:visit_list") + f"?country={code}")

    assert link_to(wanted) in html
    assert link_to(other) not in html


@pytest.mark.parametrize(
    "query,message",
    [
        ("country=qq", "There is no country with the code"),
        ("country=kazakhstan", "is not a two-letter ISO country code"),
        ("country=%3Cscript%3E", "is not a two-letter ISO country code"),
        ("year=soon", "Year"),
        ("date_from=2024-13-45", "From"),
        ("date_to=yesterday", "To"),
    ],
)
def test_visit_list_with_a_bad_filter_explains_and_lists_nothing(
    client, query, message
):
    visit = factories.visit()

    html = html_of(client, en("delegations:visit_list") + "?" + query)

    start = html.index('class="error-summary"')
    summary = html[start : html.index("</ul>", start)]
    assert "The filter could not be applied" in summary
    assert message in summary
    assert link_to(visit) not in html


def test_visit_list_escapes_a_hostile_country_value(client):
    html = html_of(client, en("delegations:visit_list") + "?country=%3Cscript%3E")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_visit_list_pagination_keeps_the_filter(client):
    for _ in range(21):
        factories.visit(country="KZ")

    html = html_of(client, en("delegations:visit_list") + "?country=kz")

    assert 'href="?country=kz&amp;page=2"' in html


def test_visit_list_filtered_by_a_folded_field_shows_it_unfolded(client):
    html = html_of(client, en("delegations:visit_list") + "?date_from=2024-01-01")

    assert '<details class="filter__more" open>' in html


# --- visit detail -------------------------------------------------------------


def test_visit_detail_lists_guests_and_hosts_with_roles(client):
    visit = factories.visit()
    guest = factories.participation(visit=visit, role_en="Ambassador of Kazakhstan")
    host = factories.participation(
        visit=visit, side=Participation.Side.HOST, role_en="Governor"
    )

    html = html_of(client, url_of(visit))

    guests = html[html.index('id="guests-heading"') : html.index('id="hosts-heading"')]
    hosts = html[html.index('id="hosts-heading"') :]
    assert link_to(guest.person) in guests
    assert "Ambassador of Kazakhstan" in guests
    assert link_to(host.person) in hosts
    assert "Governor" in hosts


def test_visit_detail_lists_stops_in_order_with_time_and_note(client):
    visit = factories.visit(start_date=datetime.date(2024, 4, 4))
    later = factories.stop(visit=visit, order=2, note_en="Tour of the brewery")
    first = factories.stop(
        visit=visit, order=1, date=datetime.date(2024, 4, 4), time=datetime.time(14, 30)
    )

    html = html_of(client, url_of(visit))

    assert html.index(link_to(first.organisation)) < html.index(
        link_to(later.organisation)
    )
    assert "4 April 2024 14:30" in html
    assert "Tour of the brewery" in html


def test_visit_detail_shows_country_direction_and_status(client):
    visit = factories.visit(country="KZ", status=Visit.Status.PLANNED)

    html = html_of(client, url_of(visit))

    assert 'href="/en/countries/kz/"' in html
    assert "Incoming delegation" in html
    assert "Planned" in html


def test_visit_detail_links_to_its_published_articles(client):
    visit = factories.visit()
    article = factories.article(visits=[visit])

    assert link_to(article) in html_of(client, url_of(visit))


def test_visit_detail_hides_draft_articles(client):
    visit = factories.visit()
    factories.article(title_en="Unfinished story", status=Article.Status.DRAFT)
    Article.objects.get(title_en="Unfinished story").visits.add(visit)

    assert "Unfinished story" not in html_of(client, url_of(visit))


def test_internal_visit_is_not_found_for_the_public(client):
    visit = factories.visit(visibility=INTERNAL)

    assert client.get(url_of(visit)).status_code == 404


def test_staff_see_internal_visit_with_marker_and_notes(staff_client):
    visit = factories.visit(visibility=INTERNAL, internal_notes="Gift: glass vase")

    html = html_of(staff_client, url_of(visit))

    h1 = html[html.index("<h1>") : html.index("</h1>")]
    assert 'class="badge badge--internal"' in h1
    assert "Gift: glass vase" in html


def test_staff_without_the_permission_see_the_internal_visit_but_not_its_notes(
    editor_client,
):
    visit = factories.visit(visibility=INTERNAL, internal_notes="Gift: glass vase")

    html = html_of(editor_client, url_of(visit))

    assert "badge--internal" in html
    assert "Gift: glass vase" not in html


def test_public_never_sees_internal_notes(client):
    visit = factories.visit(internal_notes="Gift: glass vase")

    html = html_of(client, url_of(visit))

    assert "Gift: glass vase" not in html
    assert "badge--internal" not in html


def test_unknown_visit_slug_is_not_found(client):
    response = client.get(en("delegations:visit_detail", slug="no-such-visit"))

    assert response.status_code == 404


# --- countries ----------------------------------------------------------------


def test_country_list_counts_only_public_visits(client):
    factories.visit(country="KZ")
    factories.visit(country="KZ")
    factories.visit(country="KZ", visibility=INTERNAL)

    html = html_of(client, en("delegations:country_list"))

    row = html[html.index('href="/en/countries/kz/"') :]
    assert "2 visits" in row[: row.index("</li>")]


def test_country_list_omits_countries_with_only_internal_visits(client):
    factories.visit(country="JP", visibility=INTERNAL)

    assert 'href="/en/countries/jp/"' not in html_of(
        client, en("delegations:country_list")
    )


def test_country_detail_lists_its_visits_people_and_articles(client):
    kz = factories.country("KZ")
    visit = factories.visit(country=kz)
    person = factories.person(country=kz)
    factories.participation(visit=visit, person=person)
    article = factories.article(countries=[kz])

    html = html_of(client, en("delegations:country_detail", code="kz"))

    assert link_to(visit) in html
    assert link_to(person) in html
    assert link_to(article) in html


def test_country_detail_hides_unpublished_things(client):
    kz = factories.country("KZ")
    secret = factories.visit(country=kz, visibility=INTERNAL)
    hidden_person = factories.person(country=kz)
    factories.participation(visit=secret, person=hidden_person)
    factories.article(
        title_en="Draft about Kazakhstan", status=Article.Status.DRAFT, countries=[kz]
    )

    html = html_of(client, en("delegations:country_detail", code="kz"))

    assert link_to(secret) not in html
    assert link_to(hidden_person) not in html
    assert "Draft about Kazakhstan" not in html


def test_country_url_in_upper_case_redirects_to_lower_case(client):
    response = client.get(en("delegations:country_detail", code="KZ"))

    assert response.status_code == 301
    assert response["Location"] == "/en/countries/kz/"


@pytest.mark.parametrize("code", ["qq", "kaz", "k"])
def test_unknown_country_code_is_not_found(client, code):
    response = client.get(en("delegations:country_detail", code=code))

    assert response.status_code == 404


# --- organisations and people ---------------------------------------------------


def test_organisation_page_lists_its_visits_and_articles(client):
    organisation = factories.organisation()
    visit = factories.visit()
    factories.stop(visit=visit, organisation=organisation)
    article = factories.article(organisations=[organisation])

    html = html_of(client, url_of(organisation))

    assert link_to(visit) in html
    assert link_to(article) in html


def test_organisation_page_hides_internal_visits_and_drafts(client):
    organisation = factories.organisation()
    factories.stop(visit=factories.visit(), organisation=organisation)
    secret = factories.visit(visibility=INTERNAL)
    factories.stop(visit=secret, organisation=organisation)
    factories.article(
        title_en="Draft about the brewery",
        status=Article.Status.DRAFT,
        organisations=[organisation],
    )

    html = html_of(client, url_of(organisation))

    assert link_to(secret) not in html
    assert "Draft about the brewery" not in html


def test_organisation_toured_only_in_internal_visits_is_not_found(client):
    organisation = factories.organisation()
    factories.stop(
        visit=factories.visit(visibility=INTERNAL), organisation=organisation
    )

    assert client.get(url_of(organisation)).status_code == 404


def test_person_page_lists_visits_with_the_role_held_each_time(client):
    person = factories.person()
    first = factories.visit(start_date=datetime.date(2022, 3, 1))
    second = factories.visit(start_date=datetime.date(2024, 4, 4))
    factories.participation(visit=first, person=person, role_en="Consul General")
    factories.participation(visit=second, person=person, role_en="Ambassador")

    html = html_of(client, url_of(person))

    first_row = html[html.index(link_to(first)) :]
    second_row = html[html.index(link_to(second)) :]
    assert "Consul General" in first_row[: first_row.index("</article>")]
    assert "Ambassador" in second_row[: second_row.index("</article>")]


def test_person_page_lists_articles_about_them(client):
    person = factories.person()
    factories.participation(person=person)
    article = factories.article(people=[person])

    assert link_to(article) in html_of(client, url_of(person))


def test_person_page_hides_internal_visits_from_the_public(client):
    person = factories.person()
    factories.participation(person=person)
    secret = factories.visit(visibility=INTERNAL)
    factories.participation(visit=secret, person=person)

    assert link_to(secret) not in html_of(client, url_of(person))


def test_person_only_in_internal_visits_is_not_found(client):
    person = factories.person()
    factories.participation(visit=factories.visit(visibility=INTERNAL), person=person)

    assert client.get(url_of(person)).status_code == 404


def test_staff_see_a_person_from_an_internal_visit(staff_client):
    person = factories.person()
    secret = factories.visit(visibility=INTERNAL)
    factories.participation(visit=secret, person=person)

    html = html_of(staff_client, url_of(person))

    assert link_to(secret) in html


def test_unknown_person_and_organisation_are_not_found(client):
    assert client.get(en("delegations:person_detail", slug="nobody")).status_code == 404
    response = client.get(en("delegations:organisation_detail", slug="nothing"))
    assert response.status_code == 404


# --- query budgets (50 rows each, so a query per row would exceed them) ---------


@pytest.fixture
def fifty_visits():
    """50 Kazakh visits, each with guests, hosts and stops at one organisation,
    each with an article, all about one person."""
    kz = factories.country("KZ")
    organisation = factories.organisation()
    person = factories.person(country=kz)
    topic = factories.topic()
    visits = []
    for n in range(50):
        visit = factories.full_visit(
            guests=2,
            hosts=1,
            stops=2,
            country=kz,
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
        )
        factories.stop(visit=visit, organisation=organisation, order=5)
        factories.participation(visit=visit, person=person, order=9)
        factories.article(
            visits=[visit],
            countries=[kz],
            people=[person],
            organisations=[organisation],
            topics=[topic],
        )
        visits.append(visit)
    return {"visits": visits, "organisation": organisation, "person": person}


@pytest.mark.parametrize("query", ["", "?country=kz&year=2020&page=2"])
def test_visit_list_query_count_is_bounded(
    client, django_assert_max_num_queries, fifty_visits, query
):
    with django_assert_max_num_queries(6):
        response = client.get(en("delegations:visit_list") + query)

    assert response.status_code == 200
    assert response.content.decode().count('class="card visit-card"') >= 10


def test_visit_detail_query_count_is_bounded(client, django_assert_max_num_queries):
    visit = factories.full_visit(guests=20, hosts=10, stops=20)
    for _ in range(20):
        factories.article(visits=[visit], topics=[factories.topic()])

    with django_assert_max_num_queries(8):
        response = client.get(url_of(visit))

    assert response.status_code == 200


def test_country_list_query_count_is_bounded(client, django_assert_max_num_queries):
    for code in ["KZ", "DE", "AT", "JP", "FR", "PL", "SK", "US", "CN", "IT"]:
        for _ in range(5):
            factories.visit(country=code)

    with django_assert_max_num_queries(2):
        response = client.get(en("delegations:country_list"))

    assert response.content.decode().count('<span class="count">') == 10


def test_country_detail_query_count_is_bounded(
    client, django_assert_max_num_queries, fifty_visits
):
    with django_assert_max_num_queries(7):
        response = client.get(en("delegations:country_detail", code="kz"))

    assert response.content.decode().count('class="card visit-card"') == 50


def test_organisation_query_count_is_bounded(
    client, django_assert_max_num_queries, fifty_visits
):
    with django_assert_max_num_queries(6):
        response = client.get(url_of(fifty_visits["organisation"]))

    assert response.content.decode().count('class="card visit-card"') == 50


def test_person_query_count_is_bounded(
    client, django_assert_max_num_queries, fifty_visits
):
    with django_assert_max_num_queries(5):
        response = client.get(url_of(fifty_visits["person"]))

    assert response.content.decode().count('class="card visit-card"') == 50
