"""How visit, person, organisation and country pages describe themselves:
schema.org data (Event, Person, Organization, Country) and link previews.

Registered with `regionnews.core.adapters.register_seo` in apps.py.
"""

from django.utils.translation import gettext as _

from regionnews.core.schema import SCHEMA, absolute, page_url, region, shorten
from regionnews.core.site import HOME_COUNTRY, REGION_NAME

from .models import Country, Organisation, Person, Visit


def country_data(country: Country, request) -> dict:
    return {
        "@type": "Country",
        "name": country.name,
        "identifier": country.code,
        "url": absolute(request, country.get_absolute_url()),
    }


def person_ref(person: Person, request, role: str = "") -> dict:
    data = {
        "@type": "Person",
        "name": person.full_name,
        "url": absolute(request, person.get_absolute_url()),
    }
    if role:
        data["jobTitle"] = role
    return data


def organisation_ref(organisation: Organisation, request) -> dict:
    return {
        "@type": "Organization",
        "name": organisation.name,
        "url": absolute(request, organisation.get_absolute_url()),
    }


def postal_address(organisation: Organisation) -> dict | None:
    """The organisation's PostalAddress from what is filled, or None.

    The organisation's country must have been fetched with it (the itinerary's
    stops are, with `organisation__country`).
    """
    address = {
        key: value
        for key, value in (
            ("streetAddress", organisation.street_address),
            ("postalCode", organisation.postal_code),
            ("addressLocality", organisation.city),
            (
                "addressCountry",
                organisation.country.code if organisation.country_id else "",
            ),
        )
        if value
    }
    return {"@type": "PostalAddress", **address} if address else None


def place(organisation: Organisation, request) -> dict:
    data = {
        "@type": "Place",
        "name": organisation.name,
        "url": absolute(request, organisation.get_absolute_url()),
    }
    if address := postal_address(organisation):
        data["address"] = address
    return data


def visit_places(visit: Visit, request) -> list[dict]:
    """The organisations toured, or where the visit took place when none is listed."""
    stops = getattr(visit, "stop_list", None)
    if stops is None:
        stops = visit.stops.select_related("organisation__country").order_by(
            "order", "pk"
        )
    places, seen = [], set()
    for stop in stops:
        if stop.organisation_id not in seen:
            seen.add(stop.organisation_id)
            places.append(place(stop.organisation, request))
    if places:
        return places
    if visit.direction == Visit.Direction.OUTGOING:
        return [
            {
                "@type": "Place",
                "name": visit.country.name,
                "address": {
                    "@type": "PostalAddress",
                    "addressCountry": visit.country.code,
                },
            }
        ]
    return [
        {
            "@type": "Place",
            "name": str(REGION_NAME),
            "address": {
                "@type": "PostalAddress",
                "addressRegion": str(REGION_NAME),
                "addressCountry": HOME_COUNTRY,
            },
        }
    ]


def event_data(visit: Visit, request, *, full: bool = True) -> dict:
    """A visit as a schema.org Event; `full` adds people, organiser and country."""
    status = (
        "EventCancelled" if visit.status == Visit.Status.CANCELLED else "EventScheduled"
    )
    data = {
        "@type": "Event",
        "name": visit.title,
        "url": absolute(request, visit.get_absolute_url()),
        "startDate": visit.start_date.isoformat(),
        "endDate": visit.last_date.isoformat(),
        "eventStatus": SCHEMA + status,
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "location": visit_places(visit, request),
    }
    if visit.purpose:
        data["description"] = shorten(visit.purpose)
    if not full:
        return data
    participations = [
        *getattr(visit, "guest_list", []),
        *getattr(visit, "host_list", []),
    ]
    if not hasattr(visit, "guest_list"):
        participations = visit.participations.select_related("person").order_by(
            "side", "order", "pk"
        )
    data["attendee"] = [person_ref(p.person, request, p.role) for p in participations]
    data["organizer"] = region(request)
    data["about"] = country_data(visit.country, request)
    return data


def visit_page_data(visit: Visit, request) -> dict | None:
    """An internal visit (shown to staff only) gets none: it is no public event."""
    return event_data(visit, request) if visit.is_public else None


def person_data(person: Person, request) -> dict:
    data = {
        "@type": "Person",
        "name": person.name,
        "url": page_url(request, person),
    }
    prefix = " ".join(p for p in (person.honorific, person.titles_before) if p)
    if prefix:
        data["honorificPrefix"] = prefix
    if person.titles_after:
        data["honorificSuffix"] = person.titles_after
    if person.title:
        data["jobTitle"] = person.title
    if person.country:
        data["nationality"] = country_data(person.country, request)
    if person.photo:
        data["image"] = absolute(request, person.photo.url)
    return data


def organisation_data(organisation: Organisation, request) -> dict:
    data = {
        "@type": "Organization",
        "name": organisation.name,
        "url": page_url(request, organisation),
    }
    if organisation.description:
        data["description"] = shorten(organisation.description)
    if organisation.website:
        data["sameAs"] = [organisation.website]
    if address := postal_address(organisation):
        data["address"] = address
    return data


# --- link previews (Open Graph, Twitter) ------------------------------------------


def visit_card(visit: Visit, request) -> dict:
    return {"title": visit.title, "description": shorten(visit.purpose)}


def person_card(person: Person, request) -> dict:
    card = {
        "title": person.full_name,
        "description": ", ".join(p for p in (person.full_name, person.title) if p),
    }
    if person.photo:
        card["image"] = {
            "url": absolute(request, person.photo.url),
            "width": person.photo_width,
            "height": person.photo_height,
            "alt": person.photo_alt or person.full_name,
        }
    return card


def organisation_card(organisation: Organisation, request) -> dict:
    return {
        "title": organisation.name,
        "description": shorten(organisation.description),
    }


def country_card(country: Country, request) -> dict:
    return {
        "title": country.name,
        "description": _(
            "Visits, people and news of the Pilsen Region’s relations with %(country)s."
        )
        % {"country": country.name},
    }
