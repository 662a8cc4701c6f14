"""An iCalendar (RFC 5545) feed of the upcoming public visits.

A calendar application subscribes to /en/visits/calendar.ics and shows each
public visit that has not ended yet as an all-day event, in the language of
the URL. Cancelled visits stay in the feed with STATUS:CANCELLED (and the word
in the summary, for applications that ignore the status), so that a
subscriber who already has the event sees it called off rather than silently
gone. Internal visits never appear: the list starts at `Visit.objects.public()`.

The format is small enough to write here (escape, fold, CRLF) instead of adding a
dependency: CRLF line ends, lines folded at 75 octets, TEXT values escaped.
"""

import datetime

from django.db.models import Q
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from regionnews.core.site import SITE_NAME

from .models import Visit
from .selectors import with_people_and_itinerary

PRODID = "-//Pilsen Region//regionnews visits//EN"
MAX_LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma, newlines."""
    value = str(value).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF + space (3.1).

    Pieces end on a character boundary, so no UTF-8 sequence is cut in two.
    """
    pieces, current, size = [], "", 0
    limit = MAX_LINE_OCTETS
    for char in line:
        octets = len(char.encode())
        if size + octets > limit:
            pieces.append(current)
            # Continuation lines start with the space, which counts as an octet.
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1
        current += char
        size += octets
    pieces.append(current)
    return "\r\n ".join(pieces)


def ical_date(value: datetime.date) -> str:
    return value.strftime("%Y%m%d")


def ical_utc(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(properties: list[tuple[str, str]]) -> str:
    """Content lines ("NAME;PARAMS", already-escaped value), folded, CRLF-ended."""
    return "".join(f"{fold(f'{name}:{value}')}\r\n" for name, value in properties)


def upcoming_public_visits():
    """Public visits that have not ended, cancelled ones included, soonest first."""
    today = timezone.localdate()
    return (
        with_people_and_itinerary(Visit.objects.public())
        .filter(
            Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)
        )
        .order_by("start_date", "pk")
    )


def visit_event(visit: Visit, *, request, host: str, now) -> list[tuple[str, str]]:
    """The VEVENT of one visit: an all-day event, DTEND the day after it ends."""
    cancelled = visit.status == Visit.Status.CANCELLED
    summary = visit.title
    if cancelled:
        summary = _("Cancelled: %(title)s") % {"title": visit.title}
    url = request.build_absolute_uri(visit.get_absolute_url())
    description = [visit.purpose.strip()] if visit.purpose else []
    guests = [
        f"{p.person.full_name} ({p.role})" if p.role else p.person.full_name
        for p in visit.guest_list
    ]
    if guests:
        description.append(_("Guests: %(names)s") % {"names": "; ".join(guests)})
    description.append(url)
    places = [
        ", ".join(
            part for part in (stop.organisation.name, stop.organisation.city) if part
        )
        for stop in visit.stop_list
    ]
    event = [
        ("BEGIN", "VEVENT"),
        ("UID", f"visit-{visit.pk}@{host}"),
        ("DTSTAMP", ical_utc(now)),
        ("LAST-MODIFIED", ical_utc(visit.updated_at)),
        ("SEQUENCE", str(visit.version)),
        ("DTSTART;VALUE=DATE", ical_date(visit.start_date)),
        (
            "DTEND;VALUE=DATE",
            ical_date(visit.last_date + datetime.timedelta(days=1)),
        ),
        ("SUMMARY", escape_text(summary)),
        ("DESCRIPTION", escape_text("\n\n".join(description))),
        ("URL;VALUE=URI", url),
        ("STATUS", "CANCELLED" if cancelled else "CONFIRMED"),
        ("CLASS", "PUBLIC"),
        # Subscribers follow the visits; they are not busy during them.
        ("TRANSP", "TRANSPARENT"),
        ("CATEGORIES", escape_text(visit.country.name)),
    ]
    if places:
        event.append(("LOCATION", escape_text("; ".join(places))))
    event.append(("END", "VEVENT"))
    return event


@require_safe
def upcoming_visits_calendar(request):
    """The upcoming public visits as an .ics file, in the language of the URL."""
    host = split_domain_port(request.get_host())[0] or "localhost"
    now = timezone.now()
    name = _("%(site)s: upcoming visits") % {"site": SITE_NAME}
    properties = [
        ("BEGIN", "VCALENDAR"),
        ("VERSION", "2.0"),
        ("PRODID", PRODID),
        ("CALSCALE", "GREGORIAN"),
        ("METHOD", "PUBLISH"),
        ("NAME", escape_text(name)),
        ("X-WR-CALNAME", escape_text(name)),
        (
            "X-WR-CALDESC",
            escape_text(_("Upcoming public visits and missions of the Pilsen Region.")),
        ),
        ("REFRESH-INTERVAL;VALUE=DURATION", "PT6H"),
        ("X-PUBLISHED-TTL", "PT6H"),
    ]
    for visit in upcoming_public_visits():
        properties += visit_event(visit, request=request, host=host, now=now)
    properties.append(("END", "VCALENDAR"))
    response = HttpResponse(
        calendar_text(properties), content_type="text/calendar; charset=utf-8"
    )
    filename = f"visits-{translation.get_language()}.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
