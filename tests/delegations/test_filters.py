"""VisitFilter: the visit list's GET parameters, and what a bad value does."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import translation

from delegations.filters import VisitFilter
from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db


def filtered(request=None, **data):
    """The filter bound to *data*; asserts it is valid, returns the visit pks."""
    filterset = VisitFilter(data, queryset=Visit.objects.all(), request=request)
    assert filterset.is_valid(), filterset.errors
    return [visit.pk for visit in filterset.qs]


def staff_request(rf):
    request = rf.get("/")
    request.user = factories.user(staff=True)
    return request


def errors(**data):
    """The form errors for *data*, in English whatever the catalogs say."""
    with translation.override("en"):
        filterset = VisitFilter(data, queryset=Visit.objects.all())
        assert not filterset.is_valid()
        return {field: list(messages) for field, messages in filterset.errors.items()}


# country -----------------------------------------------------------------------


@pytest.mark.parametrize("code", ["kz", "Kz", "KZ", " kz "])
def test_country_filter_accepts_any_case(code):
    kazakh = factories.visit(country="KZ")
    factories.visit(country="DE")

    assert filtered(country=code) == [kazakh.pk]


def test_empty_country_does_not_filter():
    visits = {factories.visit(country="KZ").pk, factories.visit(country="DE").pk}

    assert set(filtered(country="")) == visits


def test_unknown_country_code_is_a_form_error():
    factories.visit(country="KZ")

    assert errors(country="XX")["country"] == [
        "There is no country with the code “XX”."
    ]


@pytest.mark.parametrize(
    "value", ["kazakhstan", "k", "1!", "<script>", "k1", "ŽŽ", "12"]
)
def test_malformed_country_code_is_a_form_error(value):
    factories.visit(country="KZ")

    message = errors(country=value)["country"][0]

    assert "is not a two-letter ISO country code" in message


# year and dates ----------------------------------------------------------------


def test_year_filter_keeps_visits_that_start_in_that_year():
    in_2024 = factories.visit(start_date=datetime.date(2024, 4, 4))
    factories.visit(start_date=datetime.date(2023, 4, 4))

    assert filtered(year="2024") == [in_2024.pk]


@pytest.mark.parametrize("value", ["abc", "1800", "99999", "2024.5", "-1"])
def test_bad_year_is_a_form_error(value):
    assert "year" in errors(year=value)


def test_date_from_keeps_visits_starting_on_or_after_it():
    factories.visit(start_date=datetime.date(2024, 3, 1))
    same_day = factories.visit(start_date=datetime.date(2024, 4, 4))
    later = factories.visit(start_date=datetime.date(2024, 5, 1))

    assert set(filtered(date_from="2024-04-04")) == {same_day.pk, later.pk}


def test_date_from_keeps_a_multi_day_visit_that_ends_after_it():
    spanning = factories.visit(
        start_date=datetime.date(2024, 4, 1), end_date=datetime.date(2024, 4, 6)
    )
    factories.visit(
        start_date=datetime.date(2024, 3, 1), end_date=datetime.date(2024, 4, 3)
    )

    assert filtered(date_from="2024-04-04") == [spanning.pk]


def test_date_to_keeps_visits_starting_on_or_before_it():
    earlier = factories.visit(start_date=datetime.date(2024, 4, 1))
    same_day = factories.visit(
        start_date=datetime.date(2024, 4, 4), end_date=datetime.date(2024, 4, 9)
    )
    factories.visit(start_date=datetime.date(2024, 4, 5))

    assert set(filtered(date_to="2024-04-04")) == {earlier.pk, same_day.pk}


def test_date_range_keeps_visits_that_overlap_it():
    factories.visit(start_date=datetime.date(2024, 1, 1))
    inside = factories.visit(start_date=datetime.date(2024, 4, 4))
    factories.visit(start_date=datetime.date(2024, 9, 1))

    assert filtered(date_from="2024-04-01", date_to="2024-04-30") == [inside.pk]


@pytest.mark.parametrize("value", ["2024-13-01", "yesterday", "2024-02-30"])
def test_bad_date_is_a_form_error(value):
    assert "date_from" in errors(date_from=value)
    assert "date_to" in errors(date_to=value)


def test_date_to_before_date_from_is_a_form_error():
    form_errors = errors(date_from="2024-05-01", date_to="2024-04-01")

    assert "date_to" in form_errors


# organisation and person -------------------------------------------------------


def test_organisation_filter_keeps_visits_that_toured_it():
    brewery = factories.organisation(name_en="Pilsner Urquell Brewery")
    toured = factories.visit()
    factories.stop(visit=toured, organisation=brewery)
    factories.stop(visit=toured, organisation=brewery, order=2)
    factories.stop(visit=factories.visit())

    assert filtered(organisation=brewery.slug) == [toured.pk]


def test_unknown_organisation_slug_is_a_form_error():
    assert "organisation" in errors(organisation="no-such-organisation")


def test_person_filter_keeps_visits_they_took_part_in_once_each():
    guest = factories.person(name="Bakyt Dyussenbayev")
    first, second = factories.visit(), factories.visit()
    for visit in (first, second):
        factories.participation(visit=visit, person=guest)
        factories.participation(visit=visit)
    factories.participation(visit=factories.visit())

    result = filtered(person=guest.slug)

    assert sorted(result) == sorted([first.pk, second.pk])


def test_unknown_person_slug_is_a_form_error():
    assert "person" in errors(person="nobody")


def test_person_only_in_internal_visits_is_unknown_to_the_public(rf):
    guest = factories.person(name="Confidential Guest")
    factories.participation(
        visit=factories.visit(visibility=Visit.Visibility.INTERNAL), person=guest
    )
    request = rf.get("/")
    request.user = AnonymousUser()

    filterset = VisitFilter(
        {"person": guest.slug}, queryset=Visit.objects.public(), request=request
    )

    assert not filterset.is_valid()
    assert "person" in filterset.errors


def test_staff_may_filter_by_a_person_only_in_internal_visits(rf):
    guest = factories.person(name="Confidential Guest")
    internal = factories.visit(visibility=Visit.Visibility.INTERNAL)
    factories.participation(visit=internal, person=guest)

    assert filtered(request=staff_request(rf), person=guest.slug) == [internal.pk]


def test_organisation_only_in_internal_visits_is_unknown_to_the_public():
    hidden = factories.organisation(name_en="Secret Works")
    factories.stop(
        visit=factories.visit(visibility=Visit.Visibility.INTERNAL),
        organisation=hidden,
    )

    assert "organisation" in errors(organisation=hidden.slug)


def test_staff_may_filter_by_an_organisation_only_in_internal_visits(rf):
    hidden = factories.organisation(name_en="Secret Works")
    internal = factories.visit(visibility=Visit.Visibility.INTERNAL)
    factories.stop(visit=internal, organisation=hidden)

    result = filtered(request=staff_request(rf), organisation=hidden.slug)

    assert result == [internal.pk]


# q -----------------------------------------------------------------------------


def test_text_search_matches_a_title_in_another_language():
    visit = factories.visit(title_cs="Velvyslanec", title_en="Ambassador")
    factories.visit(title_cs="Hejtman", title_en="Governor")

    with translation.override("cs"):
        assert filtered(q="ambassador") == [visit.pk]


def test_text_search_matches_the_country_name_in_any_language():
    kazakh = factories.visit(country="KZ", title_en="Reception")
    factories.visit(country="DE", title_en="Reception")

    assert filtered(q="Kasachstan") == [kazakh.pk]
    assert filtered(q="kazakhstan") == [kazakh.pk]


def test_text_search_needs_every_word():
    both = factories.visit(title_en="Ambassador of Kazakhstan", country="KZ")
    factories.visit(title_en="Ambassador of Germany", country="DE")

    assert filtered(q="ambassador kazakhstan") == [both.pk]


def test_text_search_matches_the_purpose():
    visit = factories.visit(purpose_en="Talks about trams and trolleybuses")
    factories.visit()

    assert filtered(q="trolleybuses") == [visit.pk]


def test_text_search_matches_a_participants_name():
    visit = factories.visit()
    factories.participation(visit=visit, person=factories.person(name="Rudolf Špoták"))
    factories.participation(visit=visit, person=factories.person(name="Jan Špoták"))
    factories.visit()

    assert filtered(q="Špoták") == [visit.pk]  # once, with two Špotáks in it


def test_text_search_matches_an_organisation_toured_in_any_language():
    visit = factories.visit()
    brewery = factories.organisation(
        name_cs="Plzeňský Prazdroj", name_en="Pilsner Urquell Brewery"
    )
    factories.stop(visit=visit, organisation=brewery)
    factories.stop(visit=visit, organisation=factories.organisation())
    factories.visit()

    with translation.override("en"):
        assert filtered(q="prazdroj") == [visit.pk]
        assert filtered(q="brewery pilsner") == [visit.pk]


def test_text_search_combines_a_name_with_the_country():
    visit = factories.visit(country="KZ")
    other = factories.visit(country="DE")
    for obj in (visit, other):
        factories.participation(visit=obj, person=factories.person(name="Ann Smith"))

    assert filtered(q="smith kazakhstan") == [visit.pk]


def test_filters_combine():
    wanted = factories.visit(country="KZ", start_date=datetime.date(2024, 4, 4))
    factories.visit(country="KZ", start_date=datetime.date(2023, 4, 4))
    factories.visit(country="DE", start_date=datetime.date(2024, 4, 4))

    assert filtered(country="kz", year="2024") == [wanted.pk]
