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
from django.utils.text import slugify
from django.utils.translation import gettext as _

from regionnews.core.access import may_see_internal_notes

from .filters import MORE_FILTERS
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


# The filters, in this order, that name an export: visits-kz-2024.csv.
FILENAME_FILTERS = ("country", "year", "direction", *MORE_FILTERS, "q")
FILENAME_MAX_LENGTH = 100


def filename(extension: str, query=None) -> str:
    """ "visits-kz-2024.csv" for ?country=KZ&year=2024 (a filter already checked
    valid); "visits-<today>.csv" without a filter, so that downloads differ."""
    parts = [
        slugify(str(query.get(name)))
        for name in FILENAME_FILTERS
        if query is not None and query.get(name)
    ]
    name = "-".join(part for part in parts if part)[:FILENAME_MAX_LENGTH].strip("-")
    return f"visits-{name or timezone.localdate().isoformat()}.{extension}"


def attachment(
    response: HttpResponse, extension: str, request: HttpRequest | None = None
) -> HttpResponse:
    name = filename(extension, request.GET if request is not None else None)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
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


def csv_columns(*, with_notes: bool = True) -> list[str]:
    """The header row; the internal notes' column only for those who may read
    them (an always empty column would claim notes that are not there)."""
    columns = [
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
    return [c for c in columns if with_notes or c != _("Internal notes")]


def csv_row(visit: Visit, record: dict, *, with_notes: bool = True) -> list[str]:
    """The record as spreadsheet cells: labels, not codes, and lists joined."""
    notes = [record["internal_notes"] or ""] if with_notes else []
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
            *notes,
            record["url"],
        ]
    ]


def visits_csv(
    visits: Iterable[Visit], request: HttpRequest, *, delimiter: str = ","
) -> HttpResponse:
    """UTF-8 with a byte-order mark, without which Excel garbles "Špoták".

    Excel opens a CSV with the list separator of the system's locale: a comma
    in English, a semicolon in Czech and German (where the comma is the decimal
    separator), so the list offers both. The cells hold no decimal numbers,
    and dates are ISO 8601, which every locale's Excel reads as dates.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=delimiter)
    with_notes = may_see_internal_notes(request.user)
    writer.writerow(csv_columns(with_notes=with_notes))
    for visit in visits:
        record = visit_record(visit, request, with_notes=with_notes)
        writer.writerow(csv_row(visit, record, with_notes=with_notes))
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    return attachment(response, "csv", request)


def visits_csv_semicolon(visits: Iterable[Visit], request: HttpRequest):
    """The CSV for a Czech or German Excel: cells separated by semicolons."""
    return visits_csv(visits, request, delimiter=";")


def visits_json(visits: Iterable[Visit], request: HttpRequest) -> HttpResponse:
    """A list of visit objects: ISO dates, codes for the enumerations, UTF-8."""
    with_notes = may_see_internal_notes(request.user)
    records = [visit_record(visit, request, with_notes=with_notes) for visit in visits]
    response = HttpResponse(
        json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8"),
        content_type="application/json; charset=utf-8",
    )
    return attachment(response, "json", request)


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
