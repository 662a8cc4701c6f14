import datetime

import pytest
from django.core.exceptions import ValidationError

from delegations.models import Organisation, Participation, Stop, Visit
from delegations.services import ParticipationData, StopData, visit_save
from tests import factories

pytestmark = pytest.mark.django_db

DAY = datetime.date(2024, 4, 4)


def save(**overrides):
    """visit_save() with valid defaults; keyword arguments replace any of them."""
    arguments = {
        "slug": "kazakhstan-2024",
        "title": {"cs": "Návštěva", "en": "Visit", "de": "Besuch"},
        "start_date": DAY,
        "country": factories.country("KZ"),
    }
    arguments.update(overrides)
    return visit_save(**arguments)


def test_visit_save_creates_visit_with_translations():
    visit = save(purpose={"en": "Trade", "cs": "Obchod"})

    visit.refresh_from_db()
    assert (visit.slug_en, visit.title_cs, visit.title_de) == (
        "kazakhstan-2024",
        "Návštěva",
        "Besuch",
    )
    assert (visit.purpose_en, visit.purpose_cs, visit.purpose_de) == (
        "Trade",
        "Obchod",
        "",
    )


def test_visit_save_stores_participants_in_the_order_given():
    guest, host = factories.person(name="Guest One"), factories.person(name="Host Two")

    visit = save(
        participations=[
            ParticipationData(person=guest, role={"en": "Ambassador"}),
            ParticipationData(
                person=host, side=Participation.Side.HOST, role={"en": "Governor"}
            ),
        ]
    )

    rows = list(visit.participations.order_by("order"))
    assert [(p.person, p.side, p.role_en) for p in rows] == [
        (guest, "guest", "Ambassador"),
        (host, "host", "Governor"),
    ]


def test_visit_save_stores_stops_in_the_order_given():
    first, second = factories.organisation(), factories.organisation()

    visit = save(
        stops=[
            StopData(organisation=second, date=DAY, note={"en": "Tour"}),
            StopData(organisation=first, time=datetime.time(14, 0)),
        ]
    )

    rows = list(visit.stops.order_by("order"))
    assert [(s.organisation, s.note_en) for s in rows] == [
        (second, "Tour"),
        (first, ""),
    ]


def test_visit_save_updates_the_given_visit_and_replaces_its_rows():
    old_person, new_person = factories.person(), factories.person()
    old_org, new_org = factories.organisation(), factories.organisation()
    visit = save(
        participations=[ParticipationData(person=old_person)],
        stops=[StopData(organisation=old_org)],
    )

    updated = save(
        visit=visit,
        title={"en": "Renamed"},
        participations=[ParticipationData(person=new_person)],
        stops=[StopData(organisation=new_org)],
    )

    assert updated.pk == visit.pk
    assert Visit.objects.get().title_en == "Renamed"
    assert [p.person for p in Participation.objects.all()] == [new_person]
    assert [s.organisation for s in Stop.objects.all()] == [new_org]


def test_visit_save_without_slug_keeps_the_existing_slug():
    visit = save(slug="fixed-slug")

    save(visit=visit, slug="", title={"en": "Another title"})

    assert Visit.objects.get().slug_en == "fixed-slug"


def test_visit_save_stop_without_organisation_saves_nothing():
    person = factories.person()

    with pytest.raises(ValidationError) as error:
        save(
            participations=[ParticipationData(person=person)],
            stops=[
                StopData(organisation=factories.organisation()),
                StopData(organisation=None),
            ],
        )

    assert "stops-1-organisation" in error.value.message_dict
    assert not Visit.objects.exists()
    assert not Participation.objects.exists()
    assert not Stop.objects.exists()


def test_visit_save_stop_with_unsaved_organisation_saves_nothing():
    unsaved = Organisation(name_en="Unsaved", kind=Organisation.Kind.COMPANY)

    with pytest.raises(ValidationError):
        save(stops=[StopData(organisation=unsaved)])

    assert not Visit.objects.exists()


def test_visit_save_end_before_start_saves_nothing():
    with pytest.raises(ValidationError) as error:
        save(
            start_date=DAY,
            end_date=DAY - datetime.timedelta(days=1),
            participations=[ParticipationData(person=factories.person())],
            stops=[StopData(organisation=factories.organisation())],
        )

    assert "end_date" in error.value.message_dict
    assert not Visit.objects.exists()
    assert not Participation.objects.exists()
    assert not Stop.objects.exists()


def test_visit_save_failed_update_keeps_the_previous_visit_intact():
    person, org = factories.person(), factories.organisation()
    visit = save(
        participations=[ParticipationData(person=person)],
        stops=[StopData(organisation=org)],
    )

    with pytest.raises(ValidationError):
        save(
            visit=Visit.objects.get(pk=visit.pk),
            title={"en": "Changed"},
            participations=[],
            stops=[StopData(organisation=None)],
        )

    assert Visit.objects.get().title_en == "Visit"
    assert [p.person for p in Participation.objects.all()] == [person]
    assert [s.organisation for s in Stop.objects.all()] == [org]


def test_visit_save_rejects_the_same_person_twice():
    person = factories.person()

    with pytest.raises(ValidationError):
        save(
            participations=[
                ParticipationData(person=person),
                ParticipationData(person=person, side=Participation.Side.HOST),
            ]
        )

    assert not Visit.objects.exists()


def test_visit_save_rejects_a_stop_dated_outside_the_visit():
    with pytest.raises(ValidationError) as error:
        save(
            start_date=DAY,
            end_date=DAY + datetime.timedelta(days=1),
            stops=[
                StopData(
                    organisation=factories.organisation(),
                    date=DAY + datetime.timedelta(days=2),
                )
            ],
        )

    assert "stops-0-date" in error.value.message_dict
    assert not Visit.objects.exists()


def test_visit_save_rejects_a_visit_without_country():
    with pytest.raises(ValidationError) as error:
        save(country=None)

    assert "country" in error.value.message_dict


def test_visit_save_rejects_an_unknown_language():
    with pytest.raises(ValueError):
        save(title={"en": "Visit", "fr": "Visite"})
