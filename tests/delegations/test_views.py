"""Visit, country, organisation and person pages: cross-links, the visit filter
and its friendlier fields, the country page as the relationship page, what
staff see and the public never does, and bounded queries."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from delegations.filters import VisitFilter
from delegations.models import Participation, Visit
from tests import factories
from tests.conftest import module_data

pytestmark = pytest.mark.django_db

INTERNAL = Visit.Visibility.INTERNAL


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def url_of(obj, lang="en"):
    with translation.override(lang):
        return obj.get_absolute_url()


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
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


@module_data
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


def section(html, heading_id):
    """The HTML from heading *heading_id* to the next page section."""
    start = html.index(f'id="{heading_id}"')
    end = html.find('<section class="section"', start)
    return html[start : end if end != -1 else html.index("</main>", start)]


def options(html, name):
    """{value: label} of the <select name=...>."""
    start = html.index(f'<select name="{name}"')
    select = html[start : html.index("</select>", start)]
    return dict(re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select))


def selected(html, name):
    start = html.index(f'<select name="{name}"')
    select = html[start : html.index("</select>", start)]
    return re.findall(r'<option value="([^"]*)" selected>', select)


def error_summary(html):
    start = html.index('class="error-summary"')
    return html[start : html.index("</div>", start)]


def staff_request(rf):
    request = rf.get("/")
    request.user = factories.user(staff=True)
    return request


def public_request(rf):
    request = rf.get("/")
    request.user = AnonymousUser()
    return request


def filtered(request, **data):
    filterset = VisitFilter(data, queryset=Visit.objects.all(), request=request)
    assert filterset.is_valid(), filterset.errors
    return [visit.pk for visit in filterset.qs]


# --- the country <select> ----------------------------------------------------------


def test_country_filter_offers_the_countries_with_visits_by_name(client):
    factories.visit(country="KZ")
    factories.visit(country="DE")

    html = html_of(client, en("delegations:visit_list"))

    assert options(html, "country") == {
        "": "All countries",
        "de": "Germany",
        "kz": "Kazakhstan",
    }


def test_country_filter_names_countries_in_the_reader_language(client):
    factories.visit(country="DE")
    with translation.override("de"):
        url = reverse("delegations:visit_list")

    assert options(html_of(client, url), "country")["de"] == "Deutschland"


def test_country_filter_sorts_names_in_the_czech_alphabet(client):
    for code in ["CN", "CL", "ZM"]:  # Čína, Chile, Zambie in Czech
        factories.visit(country=code)

    html = html_of(client, reverse("delegations:visit_list"))

    # Č right after C, Ch after H: Čína, Chile, Zambie (not Chile, Čína).
    assert list(options(html, "country"))[1:] == ["cn", "cl", "zm"]


def test_country_filter_hides_countries_known_only_from_internal_visits(client):
    factories.visit(country="KZ")
    factories.visit(country="TW", visibility=INTERNAL)

    assert "tw" not in options(html_of(client, en("delegations:visit_list")), "country")


def test_country_filter_offers_internal_visit_countries_to_staff(staff_client):
    factories.visit(country="TW", visibility=INTERNAL)

    assert "tw" in options(
        html_of(staff_client, en("delegations:visit_list")), "country"
    )


@pytest.mark.parametrize("code", ["KZ", "kz", "Kz"])
def test_country_code_in_any_case_shows_as_selected(client, code):
    factories.visit(country="KZ")

    html = html_of(client, en("delegations:visit_list") + f"?country={code}")

    assert selected(html, "country") == ["kz"]


def test_country_without_visits_is_accepted_and_shown_selected(client):
    factories.visit(country="KZ")

    html = html_of(client, en("delegations:visit_list") + "?country=fr")

    assert selected(html, "country") == ["fr"]
    assert "0 visits found." in html


@pytest.mark.parametrize(
    "value,message",
    [
        ("qq", "There is no country with the code “qq”."),
        ("kazakhstan", "“kazakhstan” is not a two-letter ISO country code."),
        ("k", "“k” is not a two-letter ISO country code."),
    ],
)
def test_bad_country_value_gets_a_clear_message(client, value, message):
    html = html_of(client, en("delegations:visit_list") + f"?country={value}")

    assert message in error_summary(html)


# --- every other parameter: good and bad values ----------------------------------


def test_direction_filter_keeps_one_direction(rf):
    incoming = factories.visit(direction=Visit.Direction.INCOMING)
    factories.visit(direction=Visit.Direction.OUTGOING)

    assert filtered(public_request(rf), direction="incoming") == [incoming.pk]


def test_staff_status_filter_keeps_one_status(rf):
    planned = factories.visit(status=Visit.Status.PLANNED)
    factories.visit(status=Visit.Status.HELD)

    assert filtered(staff_request(rf), status="planned") == [planned.pk]


def test_staff_visibility_filter_keeps_internal_visits(rf):
    internal = factories.visit(visibility=INTERNAL)
    factories.visit()

    assert filtered(staff_request(rf), visibility="internal") == [internal.pk]


@pytest.mark.parametrize("name", ["status", "visibility"])
def test_staff_only_filters_are_absent_for_the_public(client, name):
    html = html_of(client, en("delegations:visit_list"))

    assert f'name="{name}"' not in html


@pytest.mark.parametrize("name", ["status", "visibility"])
def test_staff_only_filters_are_shown_to_staff(staff_client, name):
    html = html_of(staff_client, en("delegations:visit_list"))

    assert f'<label for="id_{name}">' in html


def test_public_status_parameter_is_ignored(client):
    held = factories.visit(status=Visit.Status.HELD)

    html = html_of(client, en("delegations:visit_list") + "?status=planned")

    assert link_to(held) in html
    assert "error-summary" not in html


def test_public_visibility_parameter_never_shows_internal_visits(client):
    secret = factories.visit(title_en="Quiet talks", visibility=INTERNAL)

    html = html_of(client, en("delegations:visit_list") + "?visibility=internal")

    assert link_to(secret) not in html
    assert "Quiet talks" not in html


@pytest.mark.parametrize(
    "query,field_label",
    [
        ("q=" + "x" * 201, "Text"),
        ("q=%00", "Text"),
        ("country=%C5%BD%C5%BD", "Country"),
        ("year=2024.5", "Year"),
        ("year=1800", "Year"),
        ("direction=sideways", "Direction"),
        ("date_from=2024-02-30", "From"),
        ("date_to=tomorrow", "To"),
        ("date_from=2024-05-01&date_to=2024-04-01", "To"),
        ("organisation=no-such-place", "Organisation visited"),
        ("organisation=%27%3B--", "Organisation visited"),
        ("person=nobody-at-all", "Person"),
    ],
)
def test_bad_filter_value_is_explained_never_a_server_error(client, query, field_label):
    visit = factories.visit()

    response = client.get(en("delegations:visit_list") + "?" + query)

    assert response.status_code == 200
    html = response.content.decode()
    assert f"{field_label}:" in error_summary(html)
    assert link_to(visit) not in html


@pytest.mark.parametrize("query", ["status=maybe", "visibility=secret", "status=%00"])
def test_bad_staff_filter_value_is_explained_to_staff(staff_client, query):
    response = staff_client.get(en("delegations:visit_list") + "?" + query)

    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "999", "-1"])
def test_bad_page_number_is_not_found_rather_than_an_error(client, page):
    factories.visit()

    response = client.get(en("delegations:visit_list") + f"?page={page}")

    assert response.status_code == 404


# --- organisation and person: text boxes -------------------------------------------


def test_organisation_filter_is_a_text_box_not_a_list_of_every_place(client):
    """A thousand places toured would be a thousand options on every visit list."""
    for n in range(3):
        factories.stop(organisation=factories.organisation(name_en=f"Works {n}"))

    html = html_of(client, en("delegations:visit_list"))

    assert '<select name="organisation"' not in html
    assert '<input type="text" name="organisation"' in html


def test_organisation_filter_finds_a_place_by_part_of_its_name_in_any_language(rf):
    brewery = factories.organisation(
        name_cs="Plzeňský Prazdroj", name_en="Pilsner Urquell Brewery"
    )
    visit = factories.visit()
    factories.stop(visit=visit, organisation=brewery)
    factories.stop(organisation=factories.organisation(name_en="Škoda Auto"))

    for fragment in ("urquell", "prazdroj"):
        assert filtered(public_request(rf), organisation=fragment) == [visit.pk]


def test_organisation_filter_shows_the_applied_place_in_the_box(client):
    brewery = factories.organisation()
    factories.stop(organisation=brewery)

    html = html_of(
        client, en("delegations:visit_list") + f"?organisation={brewery.slug}"
    )

    assert f'name="organisation" value="{brewery.slug}"' in html


def test_ambiguous_organisation_name_lists_the_places_that_match(client):
    for name in ("Brno University of Technology", "Brno Exhibition Centre"):
        factories.stop(organisation=factories.organisation(name_en=name))

    html = html_of(client, en("delegations:visit_list") + "?organisation=brno")

    summary = error_summary(html)
    assert "Several places match “brno”" in summary
    assert "Brno University of Technology" in summary
    assert "Brno Exhibition Centre" in summary


def test_place_toured_only_in_internal_visits_is_unknown_to_the_public(client):
    hidden = factories.organisation(name_en="Secret Works")
    factories.stop(visit=factories.visit(visibility=INTERNAL), organisation=hidden)

    html = html_of(client, en("delegations:visit_list") + "?organisation=secret")

    assert "“secret” is not among the places toured." in error_summary(html)


def test_person_filter_finds_a_person_by_part_of_the_name(rf):
    ambassador = factories.person(name="Bakyt Dyussenbayev")
    visit = factories.visit()
    factories.participation(visit=visit, person=ambassador)
    factories.participation(visit=factories.visit())

    assert filtered(public_request(rf), person="dyussen") == [visit.pk]


def test_person_filter_still_takes_the_slug_from_person_pages(rf):
    ambassador = factories.person(name="Bakyt Dyussenbayev")
    visit = factories.visit()
    factories.participation(visit=visit, person=ambassador)

    assert filtered(public_request(rf), person=ambassador.slug) == [visit.pk]


def test_ambiguous_person_name_lists_who_matches(client):
    for name in ["Jan Novák", "Jana Nováková"]:
        factories.participation(person=factories.person(name=name))

    html = html_of(client, en("delegations:visit_list") + "?person=nov")

    summary = error_summary(html)
    assert "Several people match “nov”" in summary
    assert "Jan Novák" in summary and "Jana Nováková" in summary


def test_person_known_only_from_internal_visits_is_unknown_to_the_public(client):
    secret_guest = factories.person(name="Confidential Guest")
    factories.participation(
        visit=factories.visit(visibility=INTERNAL), person=secret_guest
    )

    html = html_of(client, en("delegations:visit_list") + "?person=confidential")

    assert "No one called “confidential” took part in a visit." in error_summary(html)


# --- shareable URLs, links ------------------------------------------------------------


def test_submitted_form_redirects_to_the_short_shareable_url(client):
    response = client.get(
        en("delegations:visit_list") + "?q=&country=kz&year=&direction=&person="
    )

    assert response.status_code == 302
    assert response["Location"] == en("delegations:visit_list") + "?country=kz"


def test_form_submitted_empty_redirects_to_the_plain_list(client):
    response = client.get(en("delegations:visit_list") + "?q=&country=")

    assert response["Location"] == en("delegations:visit_list")


def test_clear_all_link_leads_to_the_unfiltered_list(client):
    html = html_of(client, en("delegations:visit_list") + "?year=2024")

    assert f'<a class="filter__reset" href="{en("delegations:visit_list")}">' in html


def test_visit_list_links_to_the_statistics(client):
    html = html_of(client, en("delegations:visit_list"))

    assert f'href="{en("delegations:visit_statistics")}"' in html


def test_export_links_are_offered_to_staff_with_the_filter(staff_client):
    html = html_of(staff_client, en("delegations:visit_list") + "?country=kz&page=1")

    assert f'href="{en("delegations:visit_export_csv")}?country=kz"' in html
    assert f'href="{en("delegations:visit_export_json")}?country=kz"' in html


def test_export_links_are_not_offered_to_the_public(client):
    html = html_of(client, en("delegations:visit_list"))

    assert en("delegations:visit_export_csv") not in html
    assert en("delegations:visit_export_json") not in html


# --- the country page -----------------------------------------------------------------


@pytest.fixture
def kazakhstan():
    """Kazakh visits over three years (one cancelled), a person, places, news."""
    kz = factories.country("KZ")
    ambassador = factories.person(name="Bakyt Dyussenbayev", country=kz)
    brewery = factories.organisation(name_en="Pilsner Urquell Brewery")
    university = factories.organisation(name_en="University of West Bohemia")
    visits = {
        "2021": factories.visit(country=kz, start_date=datetime.date(2021, 5, 1)),
        "2024a": factories.visit(country=kz, start_date=datetime.date(2024, 4, 4)),
        "2024b": factories.visit(country=kz, start_date=datetime.date(2024, 9, 9)),
        "cancelled": factories.visit(
            country=kz,
            start_date=datetime.date(2023, 1, 1),
            status=Visit.Status.CANCELLED,
        ),
    }
    factories.participation(visit=visits["2024a"], person=ambassador, role_en="Envoy")
    for visit in visits.values():
        factories.stop(visit=visit, organisation=brewery)
    factories.stop(visit=visits["2024a"], organisation=university)
    article = factories.article(countries=[kz])
    return {
        "visits": visits,
        "person": ambassador,
        "brewery": brewery,
        "university": university,
        "article": article,
    }


def country_page(client, code="kz"):
    return html_of(client, en("delegations:country_detail", code=code))


def test_country_timeline_groups_visits_by_year_newest_first(client, kazakhstan):
    html = section(country_page(client), "visits-heading")
    visits = kazakhstan["visits"]

    years = re.findall(r'<h3 id="year-(\d{4})"', html)
    assert years == ["2024", "2023", "2021"]
    assert html.index(link_to(visits["2024b"])) < html.index(link_to(visits["2024a"]))
    year_2024 = html[html.index('id="year-2024"') : html.index('id="year-2023"')]
    assert link_to(visits["2024a"]) in year_2024
    assert link_to(visits["2021"]) not in year_2024


def test_country_timeline_shows_guests_with_their_roles(client, kazakhstan):
    html = section(country_page(client), "visits-heading")

    assert link_to(kazakhstan["person"]) in html
    assert "(Envoy)" in html


def test_country_page_lists_organisations_toured_with_visit_counts(client, kazakhstan):
    html = country_page(client)
    start = html.index('id="organisations-heading"')
    places = html[start : html.index("</ul>", start)]

    brewery_row = places[places.index(link_to(kazakhstan["brewery"])) :]
    assert "4 visits" in brewery_row[: brewery_row.index("</li>")]
    university_row = places[places.index(link_to(kazakhstan["university"])) :]
    assert "1 visit<" in university_row[: university_row.index("</li>")]
    assert places.index(link_to(kazakhstan["brewery"])) < places.index(
        link_to(kazakhstan["university"])
    )


def test_country_page_lists_people_and_articles(client, kazakhstan):
    html = country_page(client)

    assert link_to(kazakhstan["person"]) in section(html, "people-heading")
    assert link_to(kazakhstan["article"]) in section(html, "articles-heading")
    assert 'href="/en/news/?country=kz"' in section(html, "articles-heading")


def test_country_chart_counts_visits_per_year_with_empty_years_and_no_cancelled(
    client, kazakhstan
):
    html = section(country_page(client), "chart-heading")
    table = html[html.index("<tbody>") : html.index("</tbody>")]

    rows = re.findall(
        r'<th scope="row">(\d{4})</th><td class="data-table__number">(\d+)</td>', table
    )
    assert rows == [("2021", "1"), ("2022", "0"), ("2023", "0"), ("2024", "2")]
    assert html.count('class="chart__bar"') == 4


def test_country_page_hides_everything_internal_from_the_public(client):
    kz = factories.country("KZ")
    factories.visit(country=kz, start_date=datetime.date(2024, 1, 1))
    secret = factories.visit(
        country=kz, title_en="Quiet talks", start_date=datetime.date(2019, 1, 1)
    )
    Visit.objects.filter(pk=secret.pk).update(visibility=INTERNAL)
    hidden_person = factories.person(country=kz, name="Hidden Person")
    factories.participation(visit=secret, person=hidden_person)
    hidden_place = factories.organisation(name_en="Secret Works")
    factories.stop(visit=secret, organisation=hidden_place)

    html = country_page(client)

    assert "Quiet talks" not in html
    assert "Hidden Person" not in html
    assert "Secret Works" not in html
    assert 'id="year-2019"' not in html
    assert "One visit between" in html
    assert "badge--internal" not in html


def test_country_page_counts_exclude_internal_visits_for_the_public(client):
    kz = factories.country("KZ")
    brewery = factories.organisation()
    for visibility in [Visit.Visibility.PUBLIC, INTERNAL, INTERNAL]:
        factories.stop(
            visit=factories.visit(country=kz, visibility=visibility),
            organisation=brewery,
        )

    html = country_page(client)

    row = html[html.index(link_to(brewery)) :]
    assert "1 visit<" in row[: row.index("</li>")]
    assert '<td class="data-table__number">1</td>' in section(html, "chart-heading")


def test_staff_see_internal_visits_people_and_places_marked(staff_client):
    kz = factories.country("KZ")
    secret = factories.visit(country=kz, visibility=INTERNAL)
    hidden_person = factories.person(country=kz, name="Hidden Person")
    factories.participation(visit=secret, person=hidden_person)
    hidden_place = factories.organisation(name_en="Secret Works")
    factories.stop(visit=secret, organisation=hidden_place)

    html = country_page(staff_client)

    for obj, heading in [
        (secret, "visits-heading"),
        (hidden_person, "people-heading"),
        (hidden_place, "organisations-heading"),
    ]:
        part = section(html, heading)
        row = part[part.index(link_to(obj)) :]
        assert "badge--internal" in row[: row.index("</li>")]
    assert "Internal visits are counted here only because" in html


def test_staff_do_not_see_a_public_person_marked_internal(staff_client):
    kz = factories.country("KZ")
    person = factories.person(country=kz)
    factories.participation(visit=factories.visit(country=kz), person=person)

    part = section(country_page(staff_client), "people-heading")

    row = part[part.index(link_to(person)) :]
    assert "badge--internal" not in row[: row.index("</li>")]


def test_country_without_visits_says_so(client):
    html = country_page(client, "fr")

    assert "No visits recorded." in html
    assert 'class="chart__svg"' not in html


def test_country_page_shows_only_the_latest_articles(client):
    fr = factories.country("FR")
    for _ in range(14):
        factories.article(countries=[fr])

    html = section(country_page(client, "fr"), "articles-heading")

    assert html.count('class="card article-card"') == 12


def test_country_page_hides_draft_articles(client):
    kz = factories.country("KZ")
    factories.article(
        title_en="Draft about Kazakhstan", status=Article.Status.DRAFT, countries=[kz]
    )

    assert "Draft about Kazakhstan" not in country_page(client)


@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_country_page_renders_in_each_language(client, kazakhstan, lang):
    with translation.override(lang):
        url = reverse("delegations:country_detail", kwargs={"code": "kz"})

    html = html_of(client, url)

    assert f'<html lang="{lang}">' in html
    assert 'class="chart__svg"' in html


# --- organisation and person pages -------------------------------------------------


def test_organisation_page_lists_the_guests_of_each_visit_with_roles(client):
    brewery = factories.organisation()
    visit = factories.visit()
    factories.stop(visit=visit, organisation=brewery)
    guest = factories.participation(visit=visit, role_en="Ambassador of Kazakhstan")
    host = factories.participation(
        visit=visit, side=Participation.Side.HOST, role_en="Governor"
    )

    html = section(html_of(client, url_of(brewery)), "visits-heading")

    row = html[html.index(link_to(visit)) :]
    row = row[: row.index("</article>")]
    assert link_to(guest.person) in row
    assert "Ambassador of Kazakhstan" in row
    assert link_to(host.person) not in row


def test_staff_see_internal_visits_on_the_organisation_page_marked(staff_client):
    brewery = factories.organisation()
    factories.stop(visit=factories.visit(), organisation=brewery)
    secret = factories.visit(visibility=INTERNAL)
    factories.stop(visit=secret, organisation=brewery)

    html = html_of(staff_client, url_of(brewery))

    row = html[html.index(link_to(secret)) :]
    assert "badge--internal" in row[: row.index("</h3>")]


def test_staff_see_internal_visits_on_the_person_page_marked(staff_client):
    person = factories.person()
    factories.participation(person=person)
    secret = factories.visit(visibility=INTERNAL)
    factories.participation(visit=secret, person=person, role_en="Secret envoy")

    html = html_of(staff_client, url_of(person))

    row = html[html.index(link_to(secret)) :]
    row = row[: row.index("</article>")]
    assert "badge--internal" in row
    assert "Secret envoy" in row


def test_person_page_hides_internal_roles_from_the_public(client):
    person = factories.person()
    factories.participation(person=person, role_en="Public envoy")
    secret = factories.visit(visibility=INTERNAL)
    factories.participation(visit=secret, person=person, role_en="Secret envoy")

    html = html_of(client, url_of(person))

    assert "Public envoy" in html
    assert "Secret envoy" not in html


# --- query budgets ------------------------------------------------------------------


@module_data
def fifty_kazakh_visits():
    """50 Kazakh visits over ten years, each with two guests and two places."""
    kz = factories.country("KZ")
    places = [factories.organisation() for _ in range(5)]
    for n in range(50):
        visit = factories.full_visit(
            guests=2,
            hosts=1,
            stops=0,
            country=kz,
            start_date=datetime.date(2015 + n % 10, 1 + n % 12, 1),
            visibility=INTERNAL if n % 10 == 0 else Visit.Visibility.PUBLIC,
        )
        for place in places[n % 3 : n % 3 + 2]:
            factories.stop(visit=visit, organisation=place)
        for participation in visit.participations.all():
            participation.person.country = kz
            participation.person.save()
        factories.article(countries=[kz], topics=[factories.topic()])
    return {"places": places}


class TestQueryBudgets:
    """Every page at 50 visits, in a fixed number of queries (rows made once)."""

    @pytest.mark.parametrize("query", ["", "?country=kz&year=2020&page=2"])
    def test_visit_list_query_count_is_bounded(
        self, client, django_assert_max_num_queries, fifty_visits, query
    ):
        # +1 on a first render: when the next scheduled change is (asked once per
        # content generation, so that nothing kept per generation outlives it).
        with django_assert_max_num_queries(7):
            response = client.get(en("delegations:visit_list") + query)

        assert response.status_code == 200
        assert response.content.decode().count('class="card visit-card"') >= 10

    def test_country_detail_query_count_is_bounded(
        self, client, django_assert_max_num_queries, fifty_visits
    ):
        # The latest 20 visits; the total and the chart are counted in SQL (+2);
        # the next scheduled change (+1).
        with django_assert_max_num_queries(10):
            response = client.get(en("delegations:country_detail", code="kz"))

        html = response.content.decode()
        assert html.count('class="card visit-card"') == 20
        assert "?country=kz" in html  # the rest is on the filtered visit list

    def test_organisation_query_count_is_bounded(
        self, client, django_assert_max_num_queries, fifty_visits
    ):
        with django_assert_max_num_queries(6):
            response = client.get(url_of(fifty_visits["organisation"]))

        html = response.content.decode()
        assert html.count('class="card visit-card"') == 20
        assert f"?organisation={fifty_visits['organisation'].slug}" in html

    def test_person_query_count_is_bounded(
        self, client, django_assert_max_num_queries, fifty_visits
    ):
        with django_assert_max_num_queries(5):
            response = client.get(url_of(fifty_visits["person"]))

        html = response.content.decode()
        assert html.count('class="card visit-card"') == 20
        assert f"?person={fifty_visits['person'].slug}" in html


class TestRelationshipPageBudgets:
    """The country, organisation and visit list pages over 50 Kazakh visits."""

    @pytest.mark.parametrize("who", ["client", "staff_client"])
    def test_country_page_query_count_is_bounded(
        self, request, django_assert_max_num_queries, fifty_kazakh_visits, who
    ):
        client = request.getfixturevalue(who)
        # country, timeline + guests, total, per year, people, places,
        # articles + topics, the next scheduled change; staff: +2
        budget = 10 if who == "client" else 12

        with django_assert_max_num_queries(budget):
            response = client.get(en("delegations:country_detail", code="kz"))

        html = response.content.decode()
        assert html.count('class="card visit-card"') == 20  # the latest; the rest:
        assert "?country=kz" in html  # on the visit list filtered by the country

    @pytest.mark.parametrize("who", ["client", "staff_client"])
    def test_organisation_page_query_count_is_bounded(
        self, request, django_assert_max_num_queries, fifty_kazakh_visits, who
    ):
        client = request.getfixturevalue(who)
        place = fifty_kazakh_visits["places"][1]
        budget = 6 if who == "client" else 8

        with django_assert_max_num_queries(budget):
            response = client.get(url_of(place))

        assert response.content.decode().count('class="card visit-card"') == 20

    @pytest.mark.parametrize("who", ["client", "staff_client"])
    def test_visit_list_with_every_filter_query_count_is_bounded(
        self, request, django_assert_max_num_queries, fifty_kazakh_visits, who
    ):
        client = request.getfixturevalue(who)
        place = fifty_kazakh_visits["places"][1]
        query = f"?country=kz&year=2016&direction=incoming&organisation={place.slug}"
        # Staff: +2 for the user's and groups' permissions (may they export?);
        # both: +1 for the next scheduled change.
        budget = 8 if who == "client" else 12

        with django_assert_max_num_queries(budget):
            response = client.get(en("delegations:visit_list") + query)

        assert response.status_code == 200
        assert response.content.decode().count('class="card visit-card"') >= 1
