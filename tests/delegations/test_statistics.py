"""The statistics page: public counts only (for staff too), SVG charts that parse
and match their data tables, and a fixed number of queries."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from delegations.models import Visit
from delegations.selectors import Tally, visit_statistics
from regionnews.core.templatetags.charts import MAX_LABEL, VALUE_ROOM, WIDTH, layout
from tests import factories

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
CODES = ["KZ", "DE", "AT", "JP", "FR", "PL", "SK", "US", "CN", "IT", "KR", "TW"]
MORE_CODES = ["HU", "SI", "HR", "RO", "BG", "UA"]


def statistics_url(lang="en"):
    with translation.override(lang):
        return reverse("delegations:visit_statistics")


def page(client, lang="en"):
    response = client.get(statistics_url(lang))
    assert response.status_code == 200
    return response.content.decode()


def chart(html, chart_id):
    """(the parsed <svg>, [(label, value)] from the data table) of one chart."""
    start = html.index(f'<div class="chart" id="{chart_id}">')
    block = html[start : html.index("</table>", start)]
    svg = block[block.index("<svg") : block.index("</svg>") + len("</svg>")]
    body = block[block.index("<tbody>") : block.index("</tbody>")]
    rows = re.findall(
        r'<th scope="row">(?:<a href="[^"]*">)?([^<]*)(?:</a>)?</th>'
        r'<td class="data-table__number">(\d+)</td>',
        body,
    )
    return ET.fromstring(svg), [(label, int(value)) for label, value in rows]


def bars(svg):
    return svg.findall(f".//{SVG}rect[@class='chart__bar']")


def bar_rows(svg):
    """(label, value) as drawn: each row's label text (its lines joined) and value."""
    rows = []
    for group in svg.findall(f"{SVG}g"):
        label = " ".join(group.find(f"{SVG}text[@class='chart__label']").itertext())
        value = group.find(f"{SVG}text[@class='chart__value']").text
        rows.append((label, int(value)))
    return rows


@pytest.fixture
def visits():
    """Country i gets i + 1 visits (so the order is clear), over three years."""
    brewery = factories.organisation(name_en="Pilsner Urquell Brewery")
    university = factories.organisation(name_en="University of West Bohemia")
    for index, code in enumerate(CODES + MORE_CODES):
        for n in range(index + 1):
            visit = factories.visit(
                country=code, start_date=datetime.date(2020 + n % 3, 6, 1)
            )
            factories.stop(visit=visit, organisation=brewery)
            if n % 2:
                factories.stop(visit=visit, organisation=university)
    return {"brewery": brewery, "university": university}


# --- what is counted --------------------------------------------------------------


def test_countries_are_the_top_fifteen_and_the_rest_summed_up(visits):
    statistics = visit_statistics()

    assert len(statistics.per_country) == 16
    assert statistics.per_country[0].value == 18  # the last of 18 countries
    others = statistics.per_country[-1]
    assert others.value == 1 + 2 + 3
    assert others.url == ""
    assert statistics.total == sum(range(1, 19))


def test_a_single_remaining_country_is_shown_by_name():
    for index, code in enumerate(CODES + MORE_CODES[:4]):  # 16 countries
        for _ in range(index + 1):
            factories.visit(country=code)

    per_country = visit_statistics().per_country

    assert len(per_country) == 16
    assert all(row.url for row in per_country)


def test_internal_and_cancelled_visits_are_not_counted():
    factories.visit(country="KZ")
    factories.visit(country="KZ", visibility=Visit.Visibility.INTERNAL)
    factories.visit(country="KZ", status=Visit.Status.CANCELLED)
    factories.visit(country="TW", visibility=Visit.Visibility.INTERNAL)

    statistics = visit_statistics()

    assert [(row.label, row.value) for row in statistics.per_country] == [
        ("Kazachstán", 1)
    ]
    assert statistics.total == 1


def test_years_without_visits_are_counted_as_zero():
    factories.visit(start_date=datetime.date(2019, 1, 1))
    factories.visit(start_date=datetime.date(2022, 1, 1))
    factories.visit(start_date=datetime.date(2022, 3, 1))

    per_year = visit_statistics().per_year

    assert [(row.label, row.value) for row in per_year] == [
        ("2019", 1),
        ("2020", 0),
        ("2021", 0),
        ("2022", 2),
    ]


def test_organisations_count_each_visit_once_however_many_stops():
    brewery = factories.organisation()
    visit = factories.visit()
    factories.stop(visit=visit, organisation=brewery, order=1)
    factories.stop(visit=visit, organisation=brewery, order=2)
    factories.stop(
        visit=factories.visit(visibility=Visit.Visibility.INTERNAL),
        organisation=brewery,
    )

    assert [row.value for row in visit_statistics().per_organisation] == [1]


# --- the page ---------------------------------------------------------------------


def test_each_chart_has_one_bar_per_table_row_with_the_same_figures(client, visits):
    html = page(client)

    for chart_id in ["chart-per-country", "chart-per-year", "chart-per-organisation"]:
        svg, table = chart(html, chart_id)
        assert len(bars(svg)) == len(table) > 0
        assert bar_rows(svg) == table


def test_charts_are_images_named_by_their_title_and_visible_summary(client, visits):
    html = page(client)
    svg, _table = chart(html, "chart-per-year")

    assert svg.get("role") == "img"
    title = svg.find(f"{SVG}title")
    assert title.text == "Visits per year"
    assert svg.get("aria-labelledby") == f"{title.get('id')} chart-per-year-summary"
    assert '<p class="chart__summary" id="chart-per-year-summary">3 bars;' in html


def test_data_tables_are_folded_under_their_charts(client, visits):
    html = page(client)

    assert html.count('<details class="chart__table chart-table">') == 3
    assert html.count("<summary>Show the figures as a table</summary>") == 3


def summary_of(rows, lang="en"):
    from regionnews.core.templatetags.charts import summary

    with translation.override(lang):
        return summary(layout(rows)[0])


def test_summary_is_translated_with_czech_plurals():
    rows = [Tally(code, 1) for code in ["AT", "DE", "JP", "KZ", "KR"]]

    assert summary_of(rows, "cs").startswith("Všech 5 sloupců je stejných")
    assert summary_of(rows[:3], "cs").startswith("Všechny 3 sloupce jsou stejné")


def test_summary_says_when_all_bars_are_equal():
    rows = [Tally(code, 1) for code in ["AT", "DE", "JP", "KZ", "KR"]]

    assert summary_of(rows).startswith("All 5 bars are equal: 1 each.")


def test_summary_names_every_longest_bar_of_a_tie():
    rows = [Tally("AT", 2), Tally("DE", 2), Tally("JP", 1)]

    assert summary_of(rows).startswith("3 bars; the longest, 2 each: AT, DE.")


def test_summary_names_the_single_longest_bar():
    rows = [Tally("AT", 3), Tally("DE", 2)]

    assert summary_of(rows).startswith("2 bars; the longest is AT with 3.")


def test_charts_scale_with_their_view_box(client, visits):
    svg, table = chart(page(client), "chart-per-country")

    assert svg.get("viewBox") == f"0 0 {WIDTH} {8 + 40 * len(table)}"


def test_data_tables_have_a_caption_and_scoped_headers(client, visits):
    html = page(client)

    assert html.count("<caption>") == 3
    assert html.count('<th scope="col">') == 3
    assert '<th scope="row"><a href="/en/countries/' in html


def test_countries_are_listed_most_visits_first_with_the_rest_last(client, visits):
    _svg, table = chart(page(client), "chart-per-country")

    assert table[0] == ("Ukraine", 18)
    assert table[-1] == ("3 other countries", 6)


def test_country_rows_link_to_the_country_page(client, visits):
    html = page(client)

    assert '<th scope="row"><a href="/en/countries/ua/">Ukraine</a></th>' in html


def test_the_longest_bar_is_the_largest_value(client, visits):
    svg, table = chart(page(client), "chart-per-organisation")

    widths = [float(rect.get("width")) for rect in bars(svg)]
    assert widths[0] == max(widths)
    assert table[0][0] == "Pilsner Urquell Brewery"


def test_page_never_counts_internal_visits_for_the_public(client):
    factories.visit(country="KZ")
    secret = factories.visit(country="TW", title_en="Quiet talks")
    Visit.objects.filter(pk=secret.pk).update(visibility=Visit.Visibility.INTERNAL)

    html = page(client)

    assert "Taiwan" not in html
    assert "1 visit is counted" not in html  # singular wording
    assert "One visit is counted." in html


def test_staff_see_the_public_figures_and_are_told_so(staff_client):
    factories.visit(country="KZ")
    factories.visit(country="TW", visibility=Visit.Visibility.INTERNAL)

    html = page(staff_client)

    assert "Taiwan" not in html
    assert "One visit is counted." in html
    assert "its figures leave out internal visits, for staff too" in html


def test_public_does_not_get_the_staff_note(client):
    assert "for staff too" not in page(client)


def test_empty_statistics_say_so_instead_of_drawing(client):
    html = page(client)

    assert 'class="chart__svg"' not in html
    assert "No visits to count yet." in html


@pytest.mark.parametrize("lang", ["cs", "en", "de"])
def test_statistics_page_renders_in_each_language(client, visits, lang):
    html = page(client, lang)

    assert f'<html lang="{lang}">' in html
    svg, table = chart(html, "chart-per-year")
    assert len(bars(svg)) == len(table) == 3


def test_decimal_bar_widths_are_not_localised(client):
    """Czech writes 12,5; an SVG attribute must say 12.5."""
    for _ in range(3):
        factories.visit(country="KZ")
    factories.visit(country="DE")

    svg, _table = chart(page(client, "cs"), "chart-per-country")

    assert [rect.get("width") for rect in bars(svg)] == ["256.0", "85.3"]


def test_tiny_values_still_get_a_visible_bar():
    bars_, _height = layout([Tally("big", 1000), Tally("small", 1), Tally("none", 0)])

    assert [bar.width for bar in bars_] == [WIDTH - VALUE_ROOM, 2, 0]


def test_long_labels_wrap_in_the_chart_instead_of_being_cut(client):
    name = "Regional Chamber of Commerce of the Pilsen Region and Surroundings"
    factories.stop(organisation=factories.organisation(name_en=name))

    svg, table = chart(page(client), "chart-per-organisation")

    assert table == [(name, 1)]
    assert bar_rows(svg)[0][0] == name
    lines = svg.findall(f".//{SVG}tspan")
    assert len(lines) == 2 and all(len(line.text) <= MAX_LABEL for line in lines)
    # The bar sits below the second line, and the drawing is taller for it.
    assert float(bars(svg)[0].get("y")) > float(lines[0].get("dy") or 0) + 21
    assert svg.get("viewBox") == f"0 0 {WIDTH} {8 + 40 + 17}"


def test_planned_visits_are_not_counted_as_most_visited():
    factories.visit(country="KZ")
    factories.stop(
        visit=factories.visit(country="DE", status=Visit.Status.PLANNED),
    )
    factories.visit(country="DE", status=Visit.Status.PLANNED)

    statistics = visit_statistics()

    assert [(row.label, row.value) for row in statistics.per_country] == [
        ("Kazachstán", 1)
    ]
    assert statistics.per_organisation == []
    assert statistics.total == 1


def test_statistics_query_count_is_bounded(
    client, django_assert_max_num_queries, visits
):
    # Three counts, and when the next scheduled change is (the figures are kept
    # per content generation, never past it).
    with django_assert_max_num_queries(4):
        html = page(client)

    assert html.count('class="chart__bar"') == 16 + 3 + 2
