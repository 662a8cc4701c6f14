"""The staff exports of the filtered visit list: CSV for Excel, JSON for programs.

Both take the same GET parameters as the visit list (the same `VisitFilter`),
so "Download" exports exactly what the page lists. Rows are built in memory
from one query per relation (visits, guests, hosts, stops): a region records a
few hundred visits a year, far below what would need streaming.
"""

import csv
import io
import json
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from regionnews.core.access import may_see_internal_notes

from .models import Visit

# Cells that Excel would read as a formula ("=HYPERLINK(...)", "+1", "@SUM")
# get a leading apostrophe, as OWASP recommends for CSV exports. Also a leading
# space (Excel and LibreOffice skip it, then read the formula), "|" (DDE in old
# Excel) and the fullwidth forms that spreadsheets in East Asian locales fold.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", " ", "|", "＝", "＋", "－", "＠")


def people_of(participations) -> list[dict]:
    return [
        {
            "name": participation.person.full_name,
            "role": participation.role,
            "url": participation.person.get_absolute_url(),
        }
        for participation in participations
    ]


def visit_record(visit: Visit, request: HttpRequest, *, with_notes: bool) -> dict:
    """One visit as plain data, in the reader's language.

    *visit* comes from `with_people_and_itinerary()`, so this makes no query.
    Internal notes are None unless *with_notes* (the reader holds the permission).
    """
    absolute = request.build_absolute_uri
    guests, hosts = people_of(visit.guest_list), people_of(visit.host_list)
    for person in [*guests, *hosts]:
        person["url"] = absolute(person["url"])
    return {
        "start_date": visit.start_date.isoformat(),
        "end_date": visit.end_date.isoformat() if visit.end_date else None,
        "title": visit.title,
        "country": {"code": visit.country.code, "name": visit.country.name},
        "direction": visit.direction,
        "status": visit.status,
        "visibility": visit.visibility,
        "guests": guests,
        "hosts": hosts,
        "places": [
            {
                "name": stop.organisation.name,
                "date": stop.date.isoformat() if stop.date else None,
                "time": stop.time.strftime("%H:%M") if stop.time else None,
                "url": absolute(stop.organisation.get_absolute_url()),
            }
            for stop in visit.stop_list
        ],
        "purpose": visit.purpose,
        "outcome": visit.outcome,
        "internal_notes": visit.internal_notes if with_notes else None,
        "url": absolute(visit.get_absolute_url()),
    }


def filename(extension: str) -> str:
    return f"visits-{timezone.localdate().isoformat()}.{extension}"


def attachment(response: HttpResponse, extension: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename(extension)}"'
    return response


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def people_cell(people: list[dict]) -> str:
    """ "H. E. Bakyt Dyussenbayev (Ambassador of Kazakhstan); Mr. ..." """
    return "; ".join(
        f"{person['name']} ({person['role']})" if person["role"] else person["name"]
        for person in people
    )


def csv_columns() -> list[str]:
    return [
        _("Start date"),
        _("End date"),
        _("Title"),
        _("Country code"),
        _("Country"),
        _("Direction"),
        _("Status"),
        _("Visibility"),
        _("Guests (role)"),
        _("Hosts (role)"),
        _("Places visited"),
        _("Purpose"),
        _("Outcome"),
        _("Internal notes"),
        _("URL"),
    ]


def csv_row(visit: Visit, record: dict) -> list[str]:
    """The record as spreadsheet cells: labels, not codes, and lists joined."""
    return [
        safe_cell(cell)
        for cell in [
            record["start_date"],
            record["end_date"] or "",
            record["title"],
            record["country"]["code"],
            record["country"]["name"],
            visit.get_direction_display(),
            visit.get_status_display(),
            visit.get_visibility_display(),
            people_cell(record["guests"]),
            people_cell(record["hosts"]),
            "; ".join(place["name"] for place in record["places"]),
            record["purpose"],
            record["outcome"],
            record["internal_notes"] or "",
            record["url"],
        ]
    ]


def visits_csv(visits: Iterable[Visit], request: HttpRequest) -> HttpResponse:
    """UTF-8 with a byte-order mark, without which Excel garbles "Špoták"."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(csv_columns())
    with_notes = may_see_internal_notes(request.user)
    for visit in visits:
        writer.writerow(
            csv_row(visit, visit_record(visit, request, with_notes=with_notes))
        )
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    return attachment(response, "csv")


def visits_json(visits: Iterable[Visit], request: HttpRequest) -> HttpResponse:
    """A list of visit objects: ISO dates, codes for the enumerations, UTF-8."""
    with_notes = may_see_internal_notes(request.user)
    records = [visit_record(visit, request, with_notes=with_notes) for visit in visits]
    response = HttpResponse(
        json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8"),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, "json")


def filter_errors(form) -> HttpResponse:
    """400 with the filter's messages, one per line, as the page would show them."""
    lines = [_("The filter could not be applied:")]
    for name, messages in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for message in messages:
            lines.append(f"{label}: {message}" if label else str(message))
    return HttpResponse(
        "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )
