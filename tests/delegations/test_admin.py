"""The protocol office's admin: visits with participants and itinerary, people
with honorifics and titles per language, organisations, countries as reference
data, and the changelists."""

import datetime
import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from delegations.models import Country, Participation, Person, Stop, Visit
from regionnews.images.templatetags.images import rendition_url
from tests import factories
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

CHANGELIST_BUDGET = 10


def changelist_url(model_name):
    return reverse(f"admin:delegations_{model_name}_changelist")


def listed(response):
    return list(response.context["cl"].result_list)


def visit_post_data(**overrides):
    """What the Visit add form sends: the visit, one participant, one stop."""
    data = {
        "title_cs": "Velvyslanec Kazachstánu v Plzni",
        "title_en": "Ambassador of Kazakhstan in Pilsen",
        "title_de": "Botschafter Kasachstans in Pilsen",
        "purpose_en": "Economic cooperation and a tour of the region's industry.",
        "slug": "",
        "country": factories.country("KZ").pk,
        "direction": Visit.Direction.INCOMING,
        "start_date": "2024-04-04",
        "end_date": "",
        "status": Visit.Status.HELD,
        "visibility": Visit.Visibility.PUBLIC,
        "internal_notes": "",
        "participations-TOTAL_FORMS": "1",
        "participations-INITIAL_FORMS": "0",
        "participations-MIN_NUM_FORMS": "0",
        "participations-MAX_NUM_FORMS": "1000",
        "participations-0-side": Participation.Side.GUEST,
        "participations-0-role_en": "Ambassador of Kazakhstan to the Czech Republic",
        "participations-0-order": "1",
        "stops-TOTAL_FORMS": "1",
        "stops-INITIAL_FORMS": "0",
        "stops-MIN_NUM_FORMS": "0",
        "stops-MAX_NUM_FORMS": "1000",
        "stops-0-date": "2024-04-04",
        "stops-0-time": "14:00",
        "stops-0-order": "1",
        "stops-0-note_en": "Tour of the tram plant.",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def test_every_model_of_the_app_is_editable_in_the_admin():
    inline_models = {
        inline.model
        for model_admin in admin.site._registry.values()
        for inline in model_admin.inlines
    }
    for model in apps.get_app_config("delegations").get_models():
        assert admin.site.is_registered(model) or model in inline_models, model


def test_admin_index_shows_the_site_header(admin_client_logged):
    response = admin_client_logged.get(reverse("admin:index"))

    assert response.status_code == 200
    # The region's name from regionnews.core.site, not the code name.
    assert "Plzeňský kraj – redakce" in response.text  # the admin is in Czech
    assert "regionnews" not in response.text.split("<title>")[1].split("</title>")[0]


@pytest.mark.parametrize("model_name", ["visit", "person", "organisation", "country"])
def test_changelist_renders_for_superuser(admin_client_logged, model_name):
    factories.participation()
    factories.stop()

    response = admin_client_logged.get(changelist_url(model_name))

    assert response.status_code == 200
    assert response.context["cl"].result_count > 0


@pytest.mark.parametrize("model_name", ["visit", "person", "organisation"])
def test_add_form_renders_for_superuser(admin_client_logged, model_name):
    response = admin_client_logged.get(reverse(f"admin:delegations_{model_name}_add"))

    assert response.status_code == 200
    assert "adminform" in response.context


@pytest.mark.parametrize("model_name", ["visit", "person", "organisation"])
def test_change_form_renders_for_superuser(admin_client_logged, model_name):
    participation = factories.participation()
    stop = factories.stop(visit=participation.visit)
    obj = {
        "visit": participation.visit,
        "person": participation.person,
        "organisation": stop.organisation,
    }[model_name]

    response = admin_client_logged.get(
        reverse(f"admin:delegations_{model_name}_change", args=[obj.pk])
    )

    assert response.status_code == 200


def test_visit_change_form_lists_its_participants_and_stops(admin_client_logged):
    visit = factories.visit()
    guest = factories.person(name="Bakyt Dyussenbayev")
    factories.participation(visit=visit, person=guest)
    factories.stop(visit=visit, organisation=factories.organisation(name_cs="Škoda"))

    response = admin_client_logged.get(
        reverse("admin:delegations_visit_change", args=[visit.pk])
    )

    formsets = {
        f.formset.prefix: f.formset for f in response.context["inline_admin_formsets"]
    }
    assert [f.instance.person for f in formsets["participations"].initial_forms] == [
        guest
    ]
    assert len(formsets["stops"].initial_forms) == 1


def test_tabbed_admin_serves_its_scripts_from_our_own_static(admin_client_logged):
    response = admin_client_logged.get(reverse("admin:delegations_visit_add"))

    scripts = re.findall(r'<script[^>]* src="([^"]+)"', response.text)
    assert static("vendor/jquery-ui/jquery-ui.min.js") in scripts
    assert static("modeltranslation/js/tabbed_translation_fields.js") in scripts
    assert all(src.startswith("/") and not src.startswith("//") for src in scripts)
    assert finders.find("vendor/jquery-ui/jquery-ui.min.js")


def test_visit_add_form_saves_visit_with_participant_and_stop(admin_client_logged):
    guest = factories.person(name="Bakyt Dyussenbayev")
    skoda = factories.organisation(name_en="Škoda Transportation")

    response = admin_client_logged.post(
        reverse("admin:delegations_visit_add"),
        visit_post_data(
            **{"participations-0-person": guest.pk, "stops-0-organisation": skoda.pk}
        ),
    )

    assert response.status_code == 302, response.context["errors"]
    visit = Visit.objects.get()
    assert visit.title_en == "Ambassador of Kazakhstan in Pilsen"
    assert visit.country.code == "KZ"
    assert list(
        visit.participations.values_list("person", "side", "role_en", "order")
    ) == [
        (
            guest.pk,
            "guest",
            "Ambassador of Kazakhstan to the Czech Republic",
            1,
        )
    ]
    assert list(visit.stops.values_list("organisation", "date", "time", "note_en")) == [
        (
            skoda.pk,
            datetime.date(2024, 4, 4),
            datetime.time(14, 0),
            "Tour of the tram plant.",
        )
    ]


def test_visit_ending_before_it_starts_is_refused_and_nothing_saved(
    admin_client_logged,
):
    guest = factories.person()
    skoda = factories.organisation()

    response = admin_client_logged.post(
        reverse("admin:delegations_visit_add"),
        visit_post_data(
            end_date="2024-04-03",
            **{"participations-0-person": guest.pk, "stops-0-organisation": skoda.pk},
        ),
    )

    assert response.status_code == 200
    assert "end_date" in response.context["adminform"].form.errors
    assert not Visit.objects.exists()
    assert not Participation.objects.exists()
    assert not Stop.objects.exists()


def test_same_person_twice_in_a_visit_is_refused(admin_client_logged):
    guest = factories.person()
    data = visit_post_data(
        **{
            "participations-TOTAL_FORMS": "2",
            "participations-0-person": guest.pk,
            "participations-1-person": guest.pk,
            "participations-1-side": Participation.Side.GUEST,
            "participations-1-order": "2",
            "stops-TOTAL_FORMS": "0",
        }
    )

    response = admin_client_logged.post(reverse("admin:delegations_visit_add"), data)

    assert response.status_code == 200
    assert not Visit.objects.exists()


def test_visit_changelist_filters_by_country_code(admin_client_logged):
    kazakh = factories.visit(country="KZ")
    factories.visit(country="DE")

    response = admin_client_logged.get(changelist_url("visit"), {"country": "kz"})

    assert listed(response) == [kazakh]


def test_visit_country_filter_offers_only_countries_with_visits(admin_client_logged):
    factories.visit(country="KZ")
    factories.visit(country="DE")

    response = admin_client_logged.get(changelist_url("visit"))

    country_filter = next(
        spec
        for spec in response.context["cl"].filter_specs
        if spec.parameter_name == "country"
    )
    assert sorted(code for code, _name in country_filter.lookup_choices) == [
        "de",
        "kz",
    ]


def test_visit_changelist_filters_by_year(admin_client_logged):
    factories.visit(start_date=datetime.date(2023, 5, 1))
    recent = factories.visit(start_date=datetime.date(2024, 4, 4))

    response = admin_client_logged.get(changelist_url("visit"), {"year": "2024"})

    assert listed(response) == [recent]


def test_visit_changelist_reports_a_year_that_is_not_a_number(admin_client_logged):
    factories.visit()

    response = admin_client_logged.get(changelist_url("visit"), {"year": "abc"})

    assert response.status_code == 302
    assert response.url.endswith("?e=1")


def test_visit_changelist_filters_by_status(admin_client_logged):
    factories.visit(status=Visit.Status.HELD)
    planned = factories.visit(status=Visit.Status.PLANNED)

    response = admin_client_logged.get(
        changelist_url("visit"), {"status__exact": "planned"}
    )

    assert listed(response) == [planned]


def test_visit_changelist_includes_internal_visits(admin_client_logged):
    internal = factories.visit(visibility=Visit.Visibility.INTERNAL)

    response = admin_client_logged.get(changelist_url("visit"))

    assert listed(response) == [internal]


@pytest.mark.parametrize(
    "term", ["Ambassador Kazakhstan", "Botschafter", "Dyussenbayev", "Kasachstan"]
)
def test_visit_search_covers_titles_countries_and_participants(
    admin_client_logged, term
):
    visit = factories.visit(
        title_cs="Velvyslanec",
        title_en="Ambassador of Kazakhstan",
        title_de="Botschafter",
        country="KZ",
    )
    factories.participation(
        visit=visit, person=factories.person(name="Bakyt Dyussenbayev")
    )
    factories.visit(title_en="Other", title_de="Anderer", country="DE")

    response = admin_client_logged.get(changelist_url("visit"), {"q": term})

    assert listed(response) == [visit]


def test_country_change_form_is_read_only(admin_client_logged):
    kazakhstan = factories.country("KZ")

    response = admin_client_logged.get(
        reverse("admin:delegations_country_change", args=[kazakhstan.pk])
    )

    assert response.status_code == 200
    assert kazakhstan.name_en in response.text
    assert 'name="name_en"' not in response.text
    assert not response.context["has_change_permission"]


def test_country_cannot_be_added_in_the_admin(admin_client_logged):
    response = admin_client_logged.get(reverse("admin:delegations_country_add"))

    assert response.status_code == 403


def test_country_cannot_be_deleted_in_the_admin(admin_client_logged):
    kazakhstan = factories.country("KZ")

    response = admin_client_logged.post(
        reverse("admin:delegations_country_delete", args=[kazakhstan.pk]),
        {"post": "yes"},
    )

    assert response.status_code == 403
    assert Country.objects.filter(pk=kazakhstan.pk).exists()


def test_country_cannot_be_changed_by_a_post(admin_client_logged):
    kazakhstan = factories.country("KZ")

    response = admin_client_logged.post(
        reverse("admin:delegations_country_change", args=[kazakhstan.pk]),
        {"code": "KZ", "name_en": "Renamed"},
    )

    assert response.status_code == 403
    kazakhstan.refresh_from_db()
    assert kazakhstan.name_en == "Kazakhstan"


def test_person_changelist_filters_by_country(admin_client_logged):
    kazakh = factories.person(country=factories.country("KZ"))
    factories.person(country=factories.country("DE"))

    response = admin_client_logged.get(changelist_url("person"), {"country": "KZ"})

    assert listed(response) == [kazakh]


def test_organisation_changelist_filters_by_kind(admin_client_logged):
    university = factories.organisation(kind="university")
    factories.organisation(kind="company")

    response = admin_client_logged.get(
        changelist_url("organisation"), {"kind__exact": "university"}
    )

    assert listed(response) == [university]


def autocomplete(client, model_name, field_name, term):
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "delegations",
            "model_name": model_name,
            "field_name": field_name,
            "term": term,
        },
    )
    assert response.status_code == 200
    return [(item["id"], item["text"]) for item in response.json()["results"]]


def test_person_autocomplete_returns_matching_people(admin_client_logged):
    guest = factories.person(name="Bakyt Dyussenbayev", honorific_en="H. E.")
    factories.person(name="Rudolf Špoták")

    results = autocomplete(admin_client_logged, "participation", "person", "dyus")

    assert results == [(str(guest.pk), str(guest))]


def test_organisation_autocomplete_matches_any_language(admin_client_logged):
    university = factories.organisation(
        name_cs="Západočeská univerzita", name_en="University of West Bohemia"
    )
    factories.organisation(name_cs="Škoda", name_en="Škoda Transportation")

    results = autocomplete(admin_client_logged, "stop", "organisation", "west bohemia")

    assert [pk for pk, _text in results] == [str(university.pk)]


@pytest.mark.parametrize("term", ["kaz", "kz", "Kasach"])
def test_country_autocomplete_matches_code_and_names(admin_client_logged, term):
    results = autocomplete(admin_client_logged, "visit", "country", term)

    assert str(factories.country("KZ").pk) in [pk for pk, _text in results]


def test_autocomplete_refuses_a_user_who_is_not_staff(client):
    client.force_login(factories.user())

    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "delegations",
            "model_name": "participation",
            "field_name": "person",
            "term": "a",
        },
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_visit_changelist_query_count_does_not_grow_with_rows(
    admin_client_logged, django_assert_max_num_queries
):
    countries = [factories.country(code) for code in ("KZ", "DE", "AT", "SK", "PL")]
    for n in range(50):
        factories.visit(
            country=countries[n % 5], start_date=datetime.date(2020 + n % 5, 1, 1)
        )

    with django_assert_max_num_queries(CHANGELIST_BUDGET):
        response = admin_client_logged.get(changelist_url("visit"))

    assert len(listed(response)) == 50


def test_person_changelist_query_count_does_not_grow_with_rows(
    admin_client_logged, django_assert_max_num_queries
):
    countries = [factories.country(code) for code in ("KZ", "DE", "AT", "SK", "PL")]
    for n in range(50):
        factories.person(country=countries[n % 5])

    with django_assert_max_num_queries(CHANGELIST_BUDGET):
        response = admin_client_logged.get(changelist_url("person"))

    assert len(listed(response)) == 50


def test_organisation_changelist_query_count_does_not_grow_with_rows(
    admin_client_logged, django_assert_max_num_queries
):
    countries = [factories.country(code) for code in ("KZ", "DE", "AT", "SK", "PL")]
    for n in range(50):
        factories.organisation(country=countries[n % 5])

    with django_assert_max_num_queries(CHANGELIST_BUDGET):
        response = admin_client_logged.get(changelist_url("organisation"))

    assert len(listed(response)) == 50


def test_country_changelist_query_count_is_bounded(
    admin_client_logged, django_assert_max_num_queries
):
    with django_assert_max_num_queries(CHANGELIST_BUDGET):
        response = admin_client_logged.get(changelist_url("country"))

    assert response.context["cl"].result_count == Country.objects.count()


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
    factories.visit(slug_en="kazakhstan-2024", slug_cs="kazachstan-2024")

    response = post_visit(
        admin_client_logged,
        title_en="Visit",
        purpose_en="Trade.",
        slug_en="kazakhstan-2024",
        slug_cs="kazachstan-2024",
    )

    assert response.status_code == 302, response.context["errors"]
    visit = Visit.objects.order_by("-pk").first()
    assert (visit.slug_en, visit.slug_cs) == ("kazakhstan-2024-2", "kazachstan-2024-2")


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
