"""The staff exports of the filtered visit list: CSV (UTF-8 with BOM) and JSON,
the same filter as the page, and nothing for the public."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from delegations.models import Participation, Visit
from tests import factories

pytestmark = pytest.mark.django_db

EXPORTS = ["delegations:visit_export_csv", "delegations:visit_export_json"]


def url(name, lang="en"):
    with translation.override(lang):
        return reverse(name)


def csv_rows(response):
    """The CSV as a list of dicts, after checking and stripping the BOM."""
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    text = content[3:].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def json_rows(response):
    return json.loads(response.content.decode("utf-8"))


@pytest.fixture
def kazakh_visit():
    """The seed visit, with Czech names and an internal note."""
    kz = factories.country("KZ")
    visit = factories.visit(
        title_cs="Návštěva velvyslance Kazachstánu",
        title_en="Visit of the Ambassador of Kazakhstan",
        country=kz,
        start_date=datetime.date(2024, 4, 4),
        purpose_en="Economic cooperation",
        outcome_en="Follow-up in Astana",
        internal_notes="Dárek: skleněná váza",
    )
    ambassador = factories.person(honorific_en="H. E.", name="Bakyt Dyussenbayev")
    governor = factories.person(name="Rudolf Špoták", country=factories.country("CZ"))
    factories.participation(
        visit=visit, person=ambassador, role_en="Ambassador", role_cs="Velvyslanec"
    )
    factories.participation(
        visit=visit,
        person=governor,
        side=Participation.Side.HOST,
        role_en="Governor",
        role_cs="Hejtman",
    )
    for order, name in enumerate(["Západočeská univerzita", "Škoda Transportation"]):
        factories.stop(
            visit=visit,
            organisation=factories.organisation(name_cs=name, name_en=name),
            order=order,
        )
    return visit


# --- who may export ---------------------------------------------------------------


@pytest.mark.parametrize("name", EXPORTS)
def test_public_gets_not_found(client, kazakh_visit, name):
    response = client.get(url(name))

    assert response.status_code == 404
    assert "Špoták".encode() not in response.content


@pytest.mark.parametrize("name", EXPORTS)
def test_signed_in_non_staff_get_not_found(client, kazakh_visit, name):
    client.force_login(factories.user())

    assert client.get(url(name)).status_code == 404


@pytest.mark.parametrize("name", EXPORTS)
def test_staff_without_the_export_permission_are_refused(
    editor_client, kazakh_visit, name
):
    response = editor_client.get(url(name))

    assert response.status_code == 403
    assert "Špoták".encode() not in response.content


@pytest.mark.parametrize("name", EXPORTS)
def test_export_is_not_cached(staff_client, name):
    response = staff_client.get(url(name))

    assert "no-cache" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("name", EXPORTS)
def test_export_refuses_post(staff_client, name):
    assert staff_client.post(url(name)).status_code == 405


# --- CSV --------------------------------------------------------------------------


def test_csv_has_a_bom_and_czech_diacritics_intact(staff_client, kazakh_visit):
    response = staff_client.get(url("delegations:visit_export_csv", "cs"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    (row,) = csv_rows(response)
    assert "Návštěva velvyslance Kazachstánu" in row.values()
    assert "Kazachstán" in row.values()
    assert "Rudolf Špoták (Hejtman)" in row.values()
    assert "Západočeská univerzita; Škoda Transportation" in row.values()


def test_csv_has_every_column_in_the_reader_language(staff_client, kazakh_visit):
    response = staff_client.get(url("delegations:visit_export_csv"))
    with translation.override("en"):
        en_url = kazakh_visit.get_absolute_url()

    (row,) = csv_rows(response)
    assert row == {
        "Start date": "2024-04-04",
        "End date": "",
        "Title": "Visit of the Ambassador of Kazakhstan",
        "Country code": "KZ",
        "Country": "Kazakhstan",
        "Direction": "Incoming delegation",
        "Status": "Held",
        "Visibility": "Public",
        "Guests (role)": "H. E. Bakyt Dyussenbayev (Ambassador)",
        "Hosts (role)": "Rudolf Špoták (Governor)",
        "Places visited": "Západočeská univerzita; Škoda Transportation",
        "Purpose": "Economic cooperation",
        "Outcome": "Follow-up in Astana",
        "Internal notes": "Dárek: skleněná váza",
        "URL": "http://testserver" + en_url,
    }


def test_csv_filename_has_the_date(staff_client):
    response = staff_client.get(url("delegations:visit_export_csv"))

    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="visits-{today}.csv"'
    )


def test_csv_defuses_cells_that_excel_would_run_as_formulas(staff_client):
    factories.visit(title_en='=HYPERLINK("http://evil.example")', purpose_en="+1")

    (row,) = csv_rows(staff_client.get(url("delegations:visit_export_csv")))

    assert row["Title"] == '\'=HYPERLINK("http://evil.example")'
    assert row["Purpose"] == "'+1"


@pytest.mark.parametrize("value", [" =1+1", "|calc", "＝SUM(A1)", "＋1"])
def test_csv_defuses_a_leading_space_pipe_and_fullwidth_signs(staff_client, value):
    factories.visit(title_en=value)

    (row,) = csv_rows(staff_client.get(url("delegations:visit_export_csv")))

    assert row["Title"] == "'" + value


def test_csv_includes_internal_visits_for_staff(staff_client):
    factories.visit(title_en="Quiet talks", visibility=Visit.Visibility.INTERNAL)

    (row,) = csv_rows(staff_client.get(url("delegations:visit_export_csv")))

    assert row["Title"] == "Quiet talks"
    assert row["Visibility"] == "Internal (staff only)"


def test_export_leaves_out_internal_notes_for_staff_without_the_permission(
    editor_client, kazakh_visit
):
    from django.contrib.auth.models import Permission

    user = editor_client.session["_auth_user_id"]
    Permission.objects.get(codename="export_visits").user_set.add(user)
    (row,) = csv_rows(editor_client.get(url("delegations:visit_export_csv")))
    (record,) = json_rows(editor_client.get(url("delegations:visit_export_json")))

    assert "Internal notes" not in row
    assert record["internal_notes"] is None


# --- JSON -------------------------------------------------------------------------


def test_json_is_a_list_of_visits_with_iso_dates_and_utf8(staff_client, kazakh_visit):
    response = staff_client.get(url("delegations:visit_export_json", "cs"))

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "Špoták".encode() in response.content  # not \\u0160
    (record,) = json_rows(response)
    assert record["start_date"] == "2024-04-04"
    assert record["end_date"] is None
    assert record["title"] == "Návštěva velvyslance Kazachstánu"
    assert record["country"] == {"code": "KZ", "name": "Kazachstán"}
    assert (record["direction"], record["status"], record["visibility"]) == (
        "incoming",
        "held",
        "public",
    )
    assert record["internal_notes"] == "Dárek: skleněná váza"
    with translation.override("cs"):
        path = kazakh_visit.get_absolute_url()
    assert path.startswith(url("delegations:visit_list", "cs"))
    assert record["url"] == "http://testserver" + path


def test_json_lists_guests_hosts_and_places_in_order(staff_client, kazakh_visit):
    (record,) = json_rows(staff_client.get(url("delegations:visit_export_json")))

    assert [(g["name"], g["role"]) for g in record["guests"]] == [
        ("H. E. Bakyt Dyussenbayev", "Ambassador")
    ]
    assert [(h["name"], h["role"]) for h in record["hosts"]] == [
        ("Rudolf Špoták", "Governor")
    ]
    assert [p["name"] for p in record["places"]] == [
        "Západočeská univerzita",
        "Škoda Transportation",
    ]
    assert record["hosts"][0]["url"].startswith("http://testserver/en/people/")


def test_json_filename_has_the_date(staff_client):
    response = staff_client.get(url("delegations:visit_export_json"))

    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="visits-{today}.json"'
    )


# --- the same filter as the page ------------------------------------------------------


def test_export_applies_the_visit_list_filter(staff_client):
    factories.visit(title_en="Kazakh 2024", country="KZ")
    factories.visit(
        title_en="Kazakh 2023", country="KZ", start_date=datetime.date(2023, 1, 1)
    )
    factories.visit(title_en="German 2024", country="DE")

    response = staff_client.get(
        url("delegations:visit_export_json") + "?country=kz&year=2024"
    )

    assert [record["title"] for record in json_rows(response)] == ["Kazakh 2024"]


def test_export_applies_the_staff_only_filters(staff_client):
    factories.visit(title_en="Open", visibility=Visit.Visibility.PUBLIC)
    factories.visit(title_en="Quiet", visibility=Visit.Visibility.INTERNAL)

    response = staff_client.get(
        url("delegations:visit_export_csv") + "?visibility=internal"
    )

    assert [row["Title"] for row in csv_rows(response)] == ["Quiet"]


def test_export_finds_a_place_by_part_of_its_name_as_the_page_does(staff_client):
    brewery = factories.organisation(
        name_cs="Plzeňský Prazdroj", name_en="Pilsner Urquell Brewery"
    )
    toured = factories.visit(title_en="Brewery tour")
    factories.stop(visit=toured, organisation=brewery)
    factories.stop(
        visit=factories.visit(title_en="Car plant"),
        organisation=factories.organisation(name_en="Škoda Auto"),
    )

    response = staff_client.get(
        url("delegations:visit_export_json") + "?organisation=prazdroj"
    )

    assert [record["title"] for record in json_rows(response)] == ["Brewery tour"]


def test_export_lists_newest_first_like_the_page(staff_client):
    for year in [2022, 2024, 2023]:
        factories.visit(title_en=str(year), start_date=datetime.date(year, 1, 1))

    rows = json_rows(staff_client.get(url("delegations:visit_export_json")))

    assert [record["title"] for record in rows] == ["2024", "2023", "2022"]


@pytest.mark.parametrize("name", EXPORTS)
@pytest.mark.parametrize(
    "query,message",
    [
        ("country=qq", "There is no country with the code “qq”."),
        ("year=soon", "Year: "),
        ("date_from=2024-13-45", "From: "),
        ("person=nobody-at-all", "Person: "),
        ("organisation=nowhere-at-all", "Organisation visited: "),
        ("status=maybe", "Status: "),
    ],
)
def test_bad_filter_is_a_400_with_the_messages(staff_client, name, query, message):
    response = staff_client.get(url(name) + "?" + query)

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


# --- query budget ---------------------------------------------------------------------


@pytest.mark.parametrize("name", EXPORTS)
def test_export_query_count_is_bounded(
    staff_client, django_assert_max_num_queries, name
):
    for n in range(50):
        factories.full_visit(
            guests=3, hosts=2, stops=3, start_date=datetime.date(2024, 1, 1 + n % 28)
        )

    # session, user, visits, guests, hosts, stops, the country in the filter, and
    # the user's and groups' permissions (internal notes) once per request
    with django_assert_max_num_queries(9):
        response = staff_client.get(url(name) + "?country=kz")

    assert response.status_code == 200
    if name.endswith("json"):
        assert len(json_rows(response)) == 50
    else:
        assert len(csv_rows(response)) == 50


# --- labels, separators and file names (issue 10) ------------------------------------


def test_the_list_promises_no_internal_notes_to_those_who_get_none(
    editor_client, kazakh_visit
):
    # Staff who may export (delegations.export_visits) but not read the notes.
    user = editor_client.get(url("delegations:visit_list")).wsgi_request.user
    user.user_permissions.add(
        Permission.objects.get(
            content_type__app_label="delegations", codename="export_visits"
        )
    )
    response = editor_client.get(url("delegations:visit_list"))

    assert "Download these visits:" in response.text
    assert "with internal notes" not in response.text


def test_the_list_promises_internal_notes_to_those_who_get_them(
    staff_client, kazakh_visit
):
    response = staff_client.get(url("delegations:visit_list"))

    assert "with internal notes" in response.text


def test_the_semicolon_csv_is_for_czech_and_german_excel(staff_client, kazakh_visit):
    response = staff_client.get(url("delegations:visit_export_csv_semicolon"))

    text = response.content[3:].decode("utf-8")
    header = text.splitlines()[0]
    assert header.startswith("Start date;End date;Title;")
    (row,) = csv.DictReader(io.StringIO(text), delimiter=";")
    assert row["Title"] == "Visit of the Ambassador of Kazakhstan"
    assert row["Guests (role)"] == "H. E. Bakyt Dyussenbayev (Ambassador)"


def test_the_list_links_both_csv_variants_with_the_filter(staff_client, kazakh_visit):
    response = staff_client.get(url("delegations:visit_list") + "?country=KZ")

    assert url("delegations:visit_export_csv") + "?country=KZ" in response.text
    assert url("delegations:visit_export_csv_semicolon") + "?country=KZ" in (
        response.text
    )


@pytest.mark.parametrize("name", [*EXPORTS, "delegations:visit_export_csv_semicolon"])
def test_the_file_name_carries_the_filter(staff_client, kazakh_visit, name):
    response = staff_client.get(url(name) + "?country=KZ&year=2024")

    extension = "json" if name.endswith("json") else "csv"
    assert response["Content-Disposition"] == (
        f'attachment; filename="visits-kz-2024.{extension}"'
    )
