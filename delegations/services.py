"""Writes that touch several delegation models at once.

A visit is recorded together with its participants and its itinerary. Saving
them row by row could leave a visit without its guests when the third row turns
out to be invalid, so `visit_save()` validates every row with `full_clean()` and
writes them all in one transaction: either the whole visit is stored, or nothing.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from regionnews.core.languages import language_codes

from .models import Country, Organisation, Participation, Person, Stop, Visit

# A translated text: {"cs": "...", "en": "...", "de": "..."}.
Translated = Mapping[str, str]


@dataclass(frozen=True)
class ParticipationData:
    """One person in a visit; their position in the list is their order."""

    person: Person | None
    side: str = Participation.Side.GUEST
    role: Translated = field(default_factory=dict)


@dataclass(frozen=True)
class StopData:
    """One organisation toured; its position in the list is its order."""

    organisation: Organisation | None
    date: datetime.date | None = None
    time: datetime.time | None = None
    note: Translated = field(default_factory=dict)


def set_translations(
    instance: models.Model, field_name: str, values: Translated | None
) -> None:
    """Set `<field>_cs/_en/_de` from a mapping; a language left out becomes empty.

    An unknown language code is a programming error, not bad user input, so it
    raises ValueError rather than being silently dropped.
    """
    values = values or {}
    codes = language_codes()
    unknown = set(values) - set(codes)
    if unknown:
        raise ValueError(f"Unknown language code(s) for {field_name}: {unknown}")
    for code in codes:
        setattr(instance, f"{field_name}_{code}", values.get(code) or "")


def full_clean_row(instance: models.Model, prefix: str) -> None:
    """`full_clean()` a related row, naming its errors like a formset ("stops-1-...").

    Without the prefix an error on "organisation" would not say which stop of
    the itinerary it belongs to.
    """
    try:
        instance.full_clean()
    except ValidationError as error:
        raise ValidationError(
            {f"{prefix}-{name}": errors for name, errors in error.error_dict.items()}
        ) from error


@transaction.atomic
def visit_save(
    *,
    visit: Visit | None = None,
    slug: str = "",
    title: Translated,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    country: Country | None,
    direction: str = Visit.Direction.INCOMING,
    status: str = Visit.Status.HELD,
    visibility: str = Visit.Visibility.PUBLIC,
    purpose: Translated | None = None,
    outcome: Translated | None = None,
    internal_notes: str = "",
    participations: Sequence[ParticipationData] = (),
    stops: Sequence[StopData] = (),
    expected_version: int | None = None,
) -> Visit:
    """Create a visit (`visit=None`) or update one, with its people and itinerary.

    The given participations and stops replace the visit's old ones, in the
    order given. Every row is validated; a ValidationError rolls the whole
    transaction back, so an existing visit keeps its previous participants and
    stops. `slug` is the English one (the one every language had before visits
    had a slug per language); an empty `slug` keeps the visit's slugs, and
    empty ones are made from the titles.

    An update is stored only over `expected_version` (by default the
    version the given `visit` was read at); a save in between raises
    EditConflict and nothing is written.
    """
    visit = visit if visit is not None else Visit()
    if visit.pk is not None and expected_version is None:
        # Refuse a stale write: only over the version the caller read.
        expected_version = visit.version
    if slug:
        visit.slug_en = slug
    set_translations(visit, "title", title)
    set_translations(visit, "purpose", purpose)
    set_translations(visit, "outcome", outcome)
    visit.start_date = start_date
    visit.end_date = end_date
    visit.country = country
    visit.direction = direction
    visit.status = status
    visit.visibility = visibility
    visit.internal_notes = internal_notes
    visit.full_clean()
    visit.save(expected_version=expected_version)

    visit.participations.all().delete()
    for order, item in enumerate(participations):
        participation = Participation(
            visit=visit, person=item.person, side=item.side, order=order
        )
        set_translations(participation, "role", item.role)
        full_clean_row(participation, prefix=f"participations-{order}")
        participation.save()

    visit.stops.all().delete()
    last_date = end_date or start_date
    for order, item in enumerate(stops):
        stop = Stop(
            visit=visit,
            organisation=item.organisation,
            date=item.date,
            time=item.time,
            order=order,
        )
        set_translations(stop, "note", item.note)
        full_clean_row(stop, prefix=f"stops-{order}")
        if item.date and not start_date <= item.date <= last_date:
            raise ValidationError(
                {
                    f"stops-{order}-date": _(
                        "The date of a stop must fall within the dates of the visit."
                    )
                }
            )
        stop.save()
    return visit


def person_create(
    *,
    name: str,
    country: Country | None = None,
    honorific: Translated | None = None,
    title: Translated | None = None,
) -> Person:
    """A new person in the registry, validated; the slug comes from the name."""
    person = Person(name=name, country=country)
    set_translations(person, "honorific", honorific)
    set_translations(person, "title", title)
    person.full_clean()
    person.save()
    return person


def organisation_create(
    *,
    name: Translated,
    kind: str = Organisation.Kind.OTHER,
    country: Country | None = None,
    aliases: str = "",
) -> Organisation:
    """A new organisation in the registry, validated; the slug comes from the name."""
    organisation = Organisation(kind=kind, country=country, aliases=aliases)
    set_translations(organisation, "name", name)
    organisation.full_clean()
    organisation.save()
    return organisation
