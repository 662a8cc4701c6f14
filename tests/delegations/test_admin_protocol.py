"""The protocol officer's admin: people with honorifics and titles per language,
visits written in any language, and the visit and people changelists."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from delegations.models import Person, Visit
from regionnews.images.templatetags.images import rendition_url
from tests import factories
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


def listed(response):
    return list(response.context["cl"].result_list)


# --- people ------------------------------------------------------------------------


def test_person_form_has_honorific_and_titles_in_every_language(admin_client_logged):
    response = admin_client_logged.get(reverse("admin:delegations_person_add"))

    form = response.context["adminform"].form
    for field in ("honorific", "titles_before", "titles_after"):
        for lang in ("cs", "en", "de"):
            assert f"{field}_{lang}" in form.fields
            assert "mt" in form.fields[f"{field}_{lang}"].widget.attrs["class"]


def test_person_add_form_saves_honorifics_and_titles_per_language(
    admin_client_logged,
):
    page = admin_client_logged.get(reverse("admin:delegations_person_add"))

    response = admin_client_logged.post(
        reverse("admin:delegations_person_add"),
        form_data(
            page,
            "person_form",
            name="Bakyt Dyussenbayev",
            honorific_en="H. E.",
            honorific_cs="J. E.",
            honorific_de="S. E.",
            titles_before_cs="Ing.",
            titles_after_en="Ph.D.",
            _save="Save",
        ),
    )

    assert response.status_code == 302, response.context["errors"]
    person = Person.objects.get()
    with translation.override("cs"):
        assert person.full_name == "J. E. Ing. Bakyt Dyussenbayev, Ph.D."
    with translation.override("en"):
        assert person.full_name == "H. E. Ing. Bakyt Dyussenbayev, Ph.D."
    with translation.override("de"):
        assert person.full_name.startswith("S. E. ")


def test_person_change_form_shows_the_full_name_as_printed(admin_client_logged):
    person = factories.person(
        name="Milan Kozel", titles_before_cs="Ing.", titles_after_cs="MBA"
    )

    response = admin_client_logged.get(
        reverse("admin:delegations_person_change", args=[person.pk])
    )

    assert "Ing. Milan Kozel, MBA" in response.text


def test_people_changelist_lists_the_full_name_with_titles(admin_client_logged):
    factories.person(name="Jan Novák", honorific_cs="pan", titles_before_cs="Mgr.")

    response = admin_client_logged.get(reverse("admin:delegations_person_changelist"))

    assert "pan Mgr. Jan Novák" in response.text


def test_people_changelist_shows_a_photo_thumbnail_with_alt_and_size(
    admin_client_logged,
):
    person = factories.person(
        name="Rudolf Špoták",
        photo=factories.image_file(size=(400, 500)),
        photo_alt_cs="Hejtman Rudolf Špoták",
    )

    response = admin_client_logged.get(reverse("admin:delegations_person_changelist"))

    thumbnail = rendition_url(person.photo, width=160)
    assert "/renditions/" in thumbnail  # a small copy, not the original
    assert f'src="{thumbnail}"' in response.text
    assert 'width="80" height="100"' in response.text
    assert 'alt="Hejtman Rudolf Špoták"' in response.text


def test_a_photo_without_alt_text_is_described_by_the_name(admin_client_logged):
    factories.person(name="Rudolf Špoták", photo=factories.image_file())

    response = admin_client_logged.get(reverse("admin:delegations_person_changelist"))

    assert 'alt="Rudolf Špoták"' in response.text


@pytest.mark.parametrize(
    ("lang", "printed"),
    [("cs", "J. E. Bakyt Dyussenbayev"), ("en", "H. E. Bakyt Dyussenbayev")],
)
def test_public_pages_print_the_honorific_of_their_language(client, lang, printed):
    ambassador = factories.person(
        name="Bakyt Dyussenbayev", honorific_cs="J. E.", honorific_en="H. E."
    )
    visit = factories.visit()
    factories.participation(visit=visit, person=ambassador)

    with translation.override(lang):
        person_page = client.get(ambassador.get_absolute_url())
        visit_page = client.get(visit.get_absolute_url())

    assert printed in person_page.text
    assert printed in visit_page.text


# --- visits written in any language ---------------------------------------------


def visit_form(client, **changes):
    page = client.get(reverse("admin:delegations_visit_add"))
    data = {
        "country": factories.country("KZ").pk,
        "start_date": "2024-04-04",
        "_save": "Save",
        **changes,
    }
    return form_data(page, "visit_form", **data)


def post_visit(client, **changes):
    return client.post(
        reverse("admin:delegations_visit_add"), visit_form(client, **changes)
    )


def test_a_visit_may_be_recorded_in_german_only(admin_client_logged):
    response = post_visit(
        admin_client_logged,
        title_de="Besuch des Botschafters",
        purpose_de="Wirtschaftliche Zusammenarbeit.",
    )

    assert response.status_code == 302, response.context["errors"]
    assert Visit.objects.get().title_de == "Besuch des Botschafters"


def test_a_public_visit_needs_one_complete_language(admin_client_logged):
    response = post_visit(
        admin_client_logged,
        title_en="Visit of the Ambassador",
        visibility=Visit.Visibility.PUBLIC,
    )

    assert response.status_code == 200
    assert "visibility" in response.context["adminform"].form.errors
    assert not Visit.objects.exists()


def test_an_internal_visit_may_be_recorded_with_a_title_only(admin_client_logged):
    response = post_visit(
        admin_client_logged,
        title_en="Visit of the Ambassador",
        visibility=Visit.Visibility.INTERNAL,
    )

    assert response.status_code == 302, response.context["errors"]


def test_a_visit_without_any_title_is_refused(admin_client_logged):
    response = post_visit(
        admin_client_logged,
        purpose_en="Trade.",
        visibility=Visit.Visibility.INTERNAL,
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors()


def test_a_typed_visit_slug_that_is_taken_gets_a_number(admin_client_logged):
    factories.visit(slug="kazakhstan-2024")

    response = post_visit(
        admin_client_logged,
        title_en="Visit",
        purpose_en="Trade.",
        slug="kazakhstan-2024",
    )

    assert response.status_code == 302, response.context["errors"]
    assert Visit.objects.order_by("-pk").first().slug == "kazakhstan-2024-2"


def test_visit_change_form_shows_the_translation_status(admin_client_logged):
    visit = factories.visit(purpose_en="Trade.")

    response = admin_client_logged.get(
        reverse("admin:delegations_visit_change", args=[visit.pk]),
        headers={"accept-language": "en"},
    )

    assert "English: complete" in response.text
    assert "German: partial" in response.text


# --- the visit changelist ----------------------------------------------------------


def visit_changelist(client, **params):
    return client.get(reverse("admin:delegations_visit_changelist"), params)


def test_visit_changelist_filters_by_direction(admin_client_logged):
    outgoing = factories.visit(direction=Visit.Direction.OUTGOING)
    factories.visit(direction=Visit.Direction.INCOMING)

    response = visit_changelist(admin_client_logged, direction__exact="outgoing")

    assert listed(response) == [outgoing]


def test_visit_changelist_filters_by_year_and_country(admin_client_logged):
    wanted = factories.visit(start_date=datetime.date(2023, 5, 1), country="DE")
    factories.visit(start_date=datetime.date(2024, 5, 1), country="DE")
    factories.visit(start_date=datetime.date(2023, 5, 1), country="KZ")

    response = visit_changelist(admin_client_logged, year="2023", country="de")

    assert listed(response) == [wanted]


def test_visit_changelist_filters_by_status(admin_client_logged):
    planned = factories.visit(status=Visit.Status.PLANNED)
    factories.visit(status=Visit.Status.HELD)

    response = visit_changelist(admin_client_logged, status__exact="planned")

    assert listed(response) == [planned]


def test_visit_changelist_searches_the_guests_names(admin_client_logged):
    visit = factories.visit()
    factories.participation(
        visit=visit, person=factories.person(name="Bakyt Dyussenbayev")
    )
    factories.visit()

    response = visit_changelist(admin_client_logged, q="Dyussenbayev")

    assert listed(response) == [visit]


def test_visit_changelist_has_a_date_hierarchy(admin_client_logged):
    old = factories.visit(start_date=datetime.date(2022, 3, 1))
    factories.visit(start_date=datetime.date(2024, 3, 1))

    response = visit_changelist(admin_client_logged, start_date__year="2022")

    assert listed(response) == [old]


def test_visit_change_form_links_to_the_public_page(admin_client_logged):
    visit = factories.visit()

    response = admin_client_logged.get(
        reverse("admin:delegations_visit_change", args=[visit.pk])
    )

    assert response.context["has_absolute_url"]


def test_visit_changelist_query_count_does_not_grow_with_rows(
    admin_client_logged, django_assert_max_num_queries
):
    for n in range(30):
        factories.visit(purpose_en=f"Trade {n}.")

    with django_assert_max_num_queries(12):
        response = visit_changelist(admin_client_logged)

    assert len(listed(response)) == 30


def test_people_changelist_query_count_does_not_grow_with_rows(
    admin_client_logged, django_assert_max_num_queries
):
    for _ in range(30):
        factories.person(photo=factories.image_file(size=(40, 40)))

    with django_assert_max_num_queries(10):
        response = admin_client_logged.get(
            reverse("admin:delegations_person_changelist")
        )

    assert len(listed(response)) == 30
