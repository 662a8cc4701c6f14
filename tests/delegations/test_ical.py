"""The iCalendar feed of upcoming public visits, read back with a small RFC 5545 parser.

The parser below is written from the RFC, independently of the generator: it
unfolds lines (CRLF + space or tab), splits name, parameters and value, and
unescapes TEXT values.
"""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from delegations.feeds import MAX_LINE_OCTETS
from delegations.models import Visit
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def unescape(value: str) -> str:
    return re.sub(
        r"\\([\\;,nN])",
        lambda m: "\n" if m.group(1) in "nN" else m.group(1),
        value,
    )


def split_text_list(value: str) -> list[str]:
    """A TEXT list value split at its unescaped commas, each part unescaped."""
    return [unescape(part) for part in re.split(r"(?<!\\),", value)]


def parse_ics(data: bytes) -> dict:
    """{"properties": {...}, "components": [...]} of the VCALENDAR in *data*.

    Each property maps NAME to (params dict, raw value); a name given twice
    keeps the last. Components nest the same way.
    """
    text = data.decode("utf-8")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    assert unfolded.endswith("\r\n")
    stack = [{"name": None, "properties": {}, "components": []}]
    for line in unfolded[:-2].split("\r\n"):
        head, _, value = line.partition(":")
        name, *raw_params = head.split(";")
        params = dict(p.split("=", 1) for p in raw_params)
        if name == "BEGIN":
            component = {"name": value, "properties": {}, "components": []}
            stack[-1]["components"].append(component)
            stack.append(component)
        elif name == "END":
            assert stack.pop()["name"] == value
        else:
            stack[-1]["properties"][name] = (params, value)
    assert len(stack) == 1
    (calendar,) = stack[0]["components"]
    assert calendar["name"] == "VCALENDAR"
    return calendar


def calendar_url(lang="en"):
    with translation.override(lang):
        return reverse("delegations:visit_calendar")


def fetch(client, lang="en"):
    response = client.get(calendar_url(lang))
    assert response.status_code == 200
    return response


def events(client, lang="en"):
    calendar = parse_ics(fetch(client, lang).content)
    return [c for c in calendar["components"] if c["name"] == "VEVENT"]


def event_values(event):
    return {name: value for name, (_params, value) in event["properties"].items()}


def summaries(client, lang="en"):
    return [unescape(event_values(e)["SUMMARY"]) for e in events(client, lang)]


def upcoming(days=10, **kwargs):
    return factories.visit(start_date=TODAY() + datetime.timedelta(days=days), **kwargs)


def test_calendar_url_is_beside_the_visit_list():
    assert calendar_url("en") == "/en/visits/calendar.ics"
    assert calendar_url("cs").startswith(reverse("delegations:visit_list"))


def test_calendar_is_served_as_text_calendar(client):
    response = fetch(client)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_calendar_has_the_required_calendar_properties(client):
    upcoming()

    calendar = parse_ics(fetch(client).content)

    values = event_values(calendar)
    assert values["VERSION"] == "2.0"
    assert values["PRODID"]
    assert values["CALSCALE"] == "GREGORIAN"
    assert values["METHOD"] == "PUBLISH"


def test_calendar_is_named_for_calendar_applications(client):
    calendar = parse_ics(fetch(client).content)

    values = event_values(calendar)
    assert "upcoming visits" in unescape(values["X-WR-CALNAME"])
    assert values["NAME"] == values["X-WR-CALNAME"]


def test_every_line_ends_with_crlf(client):
    upcoming(purpose_en="Line one\nline two")

    data = fetch(client).content

    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")


def test_long_lines_are_folded_at_75_octets_without_splitting_characters(client):
    upcoming(
        title_en="Návštěva " + "žluťoučký kůň " * 15,
        purpose_en="Účel " * 100,
    )

    data = fetch(client).content

    lines = data.split(b"\r\n")
    assert max(len(line) for line in lines) <= MAX_LINE_OCTETS
    assert any(line.startswith(b" ") for line in lines)
    for line in lines:
        line.decode("utf-8")  # a cut multi-byte character would raise here


def test_folded_summary_reads_back_whole(client):
    title = "Návštěva " + "žluťoučký kůň " * 15
    upcoming(title_en=title.strip())

    assert summaries(client) == [title.strip()]


def test_text_values_escape_commas_semicolons_backslashes_and_newlines(client):
    upcoming(
        title_en="Trade, science; culture \\ more",
        purpose_en="First line\nSecond, line; with \\ backslash",
    )

    (event,) = events(client)

    values = event_values(event)
    assert values["SUMMARY"] == "Trade\\, science\\; culture \\\\ more"
    assert unescape(values["SUMMARY"]) == "Trade, science; culture \\ more"
    assert unescape(values["DESCRIPTION"]).startswith(
        "First line\nSecond, line; with \\ backslash"
    )


def test_event_is_all_day_with_an_exclusive_end_date(client):
    start = TODAY() + datetime.timedelta(days=5)
    factories.visit(start_date=start, end_date=start + datetime.timedelta(days=2))

    (event,) = events(client)

    params, value = event["properties"]["DTSTART"]
    assert params == {"VALUE": "DATE"}
    assert value == start.strftime("%Y%m%d")
    params, value = event["properties"]["DTEND"]
    assert params == {"VALUE": "DATE"}
    assert value == (start + datetime.timedelta(days=3)).strftime("%Y%m%d")


def test_one_day_visit_ends_the_next_day(client):
    visit = upcoming(days=3)

    (event,) = events(client)

    end = visit.start_date + datetime.timedelta(days=1)
    assert event_values(event)["DTEND"] == end.strftime("%Y%m%d")


def test_event_uid_is_stable_and_names_the_visit_and_host(client):
    visit = upcoming()

    first = event_values(events(client)[0])["UID"]
    visit.title_en = "Renamed"
    visit.save()
    second = event_values(events(client)[0])["UID"]

    assert first == second == f"visit-{visit.pk}@testserver"


def test_event_uid_is_the_same_in_every_language(client):
    upcoming()

    uids = {event_values(events(client, lang)[0])["UID"] for lang in ("cs", "en")}

    assert len(uids) == 1


def test_dtstamp_is_a_utc_date_time(client):
    upcoming()

    stamp = event_values(events(client)[0])["DTSTAMP"]

    parsed = datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(
        tzinfo=datetime.UTC
    )
    assert abs(parsed - timezone.now()) < datetime.timedelta(minutes=5)


@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_event_summary_and_url_are_in_the_calendar_language(client, lang):
    visit = upcoming(title_cs="Návštěva", title_en="Visit", title_de="Besuch")

    (event,) = events(client, lang)

    values = event_values(event)
    assert unescape(values["SUMMARY"]) == {"cs": "Návštěva", "en": "Visit"}.get(
        lang, "Besuch"
    )
    with translation.override(lang):
        assert values["URL"] == "http://testserver" + visit.get_absolute_url()


def test_event_description_names_the_purpose_guests_and_page(client):
    visit = upcoming(purpose_en="Talks on trade.")
    guest = factories.person(name="Bakyt Dyussenbayev")
    factories.participation(visit=visit, person=guest, role_en="Ambassador")

    description = unescape(event_values(events(client)[0])["DESCRIPTION"])

    assert "Talks on trade." in description
    assert "Bakyt Dyussenbayev (Ambassador)" in description
    assert "http://testserver/en/visits/" in description


def test_event_location_lists_the_organisations_toured(client):
    visit = upcoming()
    factories.stop(
        visit=visit,
        organisation=factories.organisation(name_en="Brewery, Inc.", city_en="Pilsen"),
    )

    location = event_values(events(client)[0])["LOCATION"]

    assert unescape(location) == "Brewery, Inc., Pilsen"


def test_event_categories_name_the_country(client):
    upcoming(country="KZ")

    categories = event_values(events(client)[0])["CATEGORIES"]

    assert split_text_list(categories) == ["Kazakhstan"]


def test_internal_visit_never_appears(client):
    upcoming(title_en="Public visit")
    upcoming(title_en="Confidential talks", visibility=Visit.Visibility.INTERNAL)

    assert summaries(client) == ["Public visit"]


def test_internal_visit_never_appears_even_for_staff(staff_client):
    upcoming(title_en="Confidential talks", visibility=Visit.Visibility.INTERNAL)

    assert summaries(staff_client) == []


def test_past_visit_is_left_out(client):
    upcoming(days=-3, title_en="Last week")
    upcoming(days=3, title_en="Next week")

    assert summaries(client) == ["Next week"]


def test_visit_in_progress_stays_until_its_last_day(client):
    factories.visit(
        title_en="Under way",
        start_date=TODAY() - datetime.timedelta(days=1),
        end_date=TODAY() + datetime.timedelta(days=1),
    )

    assert summaries(client) == ["Under way"]


def test_visit_today_is_included(client):
    upcoming(days=0, title_en="Today")

    assert summaries(client) == ["Today"]


def test_events_come_soonest_first(client):
    upcoming(days=20, title_en="Later")
    upcoming(days=2, title_en="Sooner")

    assert summaries(client) == ["Sooner", "Later"]


def test_cancelled_visit_is_kept_with_status_cancelled(client):
    upcoming(title_en="Called off", status=Visit.Status.CANCELLED)
    upcoming(title_en="Going ahead", status=Visit.Status.PLANNED)

    by_status = {
        event_values(e)["STATUS"]: unescape(event_values(e)["SUMMARY"])
        for e in events(client)
    }

    assert by_status["CONFIRMED"] == "Going ahead"
    assert by_status["CANCELLED"].endswith("Called off")
    assert by_status["CANCELLED"] != "Called off"  # marked in the summary too


def test_empty_calendar_is_still_valid(client):
    calendar = parse_ics(fetch(client).content)

    assert calendar["components"] == []
    assert event_values(calendar)["METHOD"] == "PUBLISH"


def test_calendar_query_count_does_not_grow_with_visits(
    client, django_assert_max_num_queries
):
    for days in range(30):
        visit = factories.full_visit(
            guests=3, stops=3, start_date=TODAY() + datetime.timedelta(days=days)
        )
        assert visit.is_public

    with django_assert_max_num_queries(4):
        response = client.get(calendar_url())

    assert response.content.count(b"BEGIN:VEVENT") == 30
