"""The world map and the locator map: SVG that parses, one link per partner
country with its count, a table that matches, shades by public visits (internal
and cancelled ones left out), and no query per country."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from delegations import map_build
from delegations.models import Visit
from delegations.templatetags.maps import legend
from delegations.world_map import DATA_FILE, LICENCE_FILE, geometry, locator_map, shade
from tests import factories

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def en(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def world_map_of(html):
    """(the map's <svg>, {code: count} linked on it, [(name, count)] in its table)."""
    start = html.index('<figure class="world-map">')
    block = html[start : html.index("</figure>", start)]
    svg = ET.fromstring(block[block.index("<svg") : block.index("</svg>") + 6])
    linked = {a.get("data-code"): int(a.get("data-count")) for a in svg.iter(f"{SVG}a")}
    table = block[block.index("<tbody>") : block.index("</tbody>")]
    rows = re.findall(
        r'<th scope="row"><a href="[^"]*">([^<]*)</a></th>'
        r'<td class="data-table__number">(\d+)</td>',
        table,
    )
    return svg, linked, [(name, int(count)) for name, count in rows]


@pytest.fixture
def partners():
    for _ in range(3):
        factories.visit(country="DE")
    factories.visit(country="KZ")
    factories.visit(country="AT", status=Visit.Status.PLANNED)
    factories.visit(country="JP", status=Visit.Status.CANCELLED)
    factories.visit(country="FR", visibility=Visit.Visibility.INTERNAL)


def test_country_index_map_links_each_partner_country_with_its_count(client, partners):
    html = client.get(en("delegations:country_list")).content.decode()

    svg, linked, table = world_map_of(html)

    assert linked == {"AT": 1, "DE": 3, "KZ": 1}
    assert sorted(table) == [("Austria", 1), ("Germany", 3), ("Kazakhstan", 1)]
    links = {a.get("href") for a in svg.iter(f"{SVG}a")}
    assert "/en/countries/de/" in links
    names = [a.get("aria-label") for a in svg.iter(f"{SVG}a")]
    assert "Germany: 3 visits" in names and "Austria: one visit" in names


def test_world_map_leaves_out_cancelled_and_internal_visits(client, partners):
    html = client.get(en("home")).content.decode()

    _svg, linked, _table = world_map_of(html)

    assert "JP" not in linked and "FR" not in linked


def test_world_map_shades_by_count_and_says_which_country_leads(client, partners):
    html = client.get(en("delegations:country_list")).content.decode()

    svg, _linked, _table = world_map_of(html)

    shades = {
        a.get("data-code"): a.get("class").split("--")[-1] for a in svg.iter(f"{SVG}a")
    }
    assert shades == {"DE": "4", "KZ": "2", "AT": "2"}
    assert "3 partner countries on the map" in html
    assert "the most (3): Germany" in html


def test_world_map_says_when_every_country_has_as_many_visits(client):
    factories.visit(country="DE")
    factories.visit(country="AT")

    html = client.get(en("delegations:country_list")).content.decode()

    assert "2 partner countries on the map, each with one public visit." in html


def test_world_map_draws_the_rest_of_the_world_as_plain_land(client, partners):
    html = client.get(en("home")).content.decode()

    svg, _linked, _table = world_map_of(html)

    land = svg.find(f"{SVG}path[@class='world-map__land']")
    assert land.get("aria-hidden") == "true"
    assert land.get("d").count("M") > 150


def test_home_and_country_index_draw_the_map_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    for code in ["KZ", "DE", "AT", "JP", "FR", "PL", "SK", "US", "CN", "IT"]:
        factories.visit(country=code)

    with django_assert_max_num_queries(2):
        html = client.get(en("delegations:country_list")).content.decode()

    assert len(world_map_of(html)[1]) == 10


def test_country_page_has_a_locator_map_of_that_country(client):
    factories.visit(country="KZ")

    html = client.get(en("delegations:country_detail", code="kz")).content.decode()

    start = html.index('<figure class="locator-map">')
    end = html.index("</svg>", start) + len("</svg>")
    svg = ET.fromstring(html[html.index("<svg", start) : end])
    assert svg.get("role") == "img"
    assert svg.get("aria-label") == "Kazakhstan on the map of the world"
    country = svg.find(f"{SVG}path[@class='locator-map__country']")
    assert country.get("d") == geometry()["countries"]["KZ"]["detail"]


def test_locator_map_frames_the_country_with_its_neighbours():
    frame = locator_map("CZ")["frame"]
    x1, y1, x2, y2 = geometry()["countries"]["CZ"]["bbox"]

    assert frame[0] < x1 and frame[1] < y1
    assert frame[0] + frame[2] > x2 and frame[1] + frame[3] > y2
    assert frame[2] / frame[3] == pytest.approx(1.5, abs=0.01)
    assert len(locator_map("CZ")["neighbours"]) >= 4  # DE, PL, SK, AT at least


def test_locator_map_marks_a_country_too_small_to_see():
    assert locator_map("MT")["marker"] is not None
    assert locator_map("KZ")["marker"] is None


def test_country_without_a_shape_has_no_locator_map():
    assert locator_map("XX") is None


@pytest.mark.parametrize(
    ("count", "largest", "expected"),
    [(0, 5, 0), (1, 1, 4), (1, 4, 1), (2, 4, 2), (3, 4, 3), (4, 4, 4), (1, 100, 1)],
)
def test_shade_steps_by_share_of_the_largest_count(count, largest, expected):
    assert shade(count, largest) == expected


def test_legend_names_the_counts_of_each_shade():
    assert legend(8) == [
        {"shade": 1, "label": "1–2"},
        {"shade": 2, "label": "3–4"},
        {"shade": 3, "label": "5–6"},
        {"shade": 4, "label": "7–8"},
    ]
    assert legend(1) == [{"shade": 4, "label": "1"}]


# --- the data file and how it is built -------------------------------------------


def test_data_file_has_every_country_keyed_by_alpha_2_and_its_licence():
    data = json.loads(DATA_FILE.read_text())

    assert {"CZ", "KZ", "DE", "JP", "US", "XK"} <= set(data["countries"])
    assert "AQ" not in data["countries"]
    assert "Natural Earth" in data["source"]
    assert "Michael Bostock" in LICENCE_FILE.read_text()


def test_every_path_in_the_data_file_parses_as_svg():
    for record in geometry()["countries"].values():
        for level in ("world", "detail"):
            d = record[level]
            assert d == "" or re.fullmatch(r"(M[-\d. ]+l[-\d. ]*z)+", d), d[:80]


def test_build_projects_simplifies_and_keys_by_iso_alpha_2():
    # Two squares sharing one edge: "276" Germany and "040" Austria.
    topology = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 40]},
        "arcs": [
            [[10, 0], [0, 10]],  # the shared edge (x=10, y 40..50)
            [[10, 10], [-10, 0], [0, -10], [10, 0]],
            [[10, 0], [10, 0], [0, 10], [-10, 0]],
        ],
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "276"},
                    {"type": "Polygon", "arcs": [[2, -1]], "id": "040"},
                    {"type": "Polygon", "arcs": [[0, 1]], "id": "999"},
                ],
            }
        },
    }

    data = map_build.build(topology)

    assert set(data["countries"]) == {"DE", "AT"}
    de, at = data["countries"]["DE"], data["countries"]["AT"]
    assert de["world"].startswith("M") and de["world"].endswith("z")
    # They share the edge: each reaches over the other's nearest corner.
    assert at["bbox"][0] <= de["bbox"][2] and de["bbox"][0] < at["bbox"][0]
    assert data["width"] == 1000


def test_simplify_drops_points_on_a_straight_line_and_keeps_corners():
    line = [(0, 0), (1, 0.01), (2, 0), (2, 5)]

    assert map_build.simplify(line, 0.1) == [(0, 0), (2, 0), (2, 5)]


def test_equal_earth_puts_the_prime_meridian_in_the_middle():
    x, _y = map_build.project(0, 0)

    assert x == pytest.approx(500)


def test_locator_map_stays_light():
    """Neighbours are drawn coarsely: a country in Europe costs ~10 kB, not 70."""
    for code in ["CZ", "DE", "KZ", "RU", "US"]:
        drawn = locator_map(code)
        size = sum(len(d) for d in drawn["neighbours"]) + len(drawn["path"])
        assert size < 40_000, (code, size)
