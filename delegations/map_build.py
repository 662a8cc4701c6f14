"""Build the world map's data file from world-atlas (Natural Earth) TopoJSON.

Run at build time, not per request (`manage.py build_world_map`): decodes the
TopoJSON arcs, projects them with the Equal Earth projection (equal-area, so a
large country does not look larger than it is), simplifies each shared arc once
(Douglas-Peucker, so neighbouring borders still meet), and writes compact SVG
path data keyed by ISO 3166-1 alpha-2 code to `delegations/data/world-map.json`.

Two levels of detail are kept: a coarse one for the world map and a finer one
for the locator map on a country page, which zooms in on one region.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import pycountry

Point = tuple[float, float]

# Equal Earth (Šavrič, Patterson, Jenny 2018).
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2

WIDTH = 1000  # viewBox units across the whole world
# Latitudes drawn: Antarctica and the Arctic ice add nothing to a map of visits.
NORTH, SOUTH = 84.0, -57.0
# Natural Earth features without an ISO numeric code, by their name.
EXTRA_CODES = {"Kosovo": "XK"}
SKIPPED = {"AQ"}

# Douglas-Peucker tolerance and decimals, in viewBox units, per level of detail.
LEVELS = {"world": (0.6, 0), "detail": (0.12, 1)}


def equal_earth(lon: float, lat: float) -> Point:
    """Unscaled Equal Earth coordinates of a point given in degrees."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX = equal_earth(180, 0)[0]
SCALE = WIDTH / (2 * X_MAX)
TOP = equal_earth(0, NORTH)[1]
HEIGHT = round((TOP - equal_earth(0, SOUTH)[1]) * SCALE)


def project(lon: float, lat: float) -> Point:
    """A point in the map's viewBox (0..WIDTH, 0..HEIGHT; y grows southwards)."""
    x, y = equal_earth(lon, max(min(lat, NORTH), SOUTH))
    return (x + X_MAX) * SCALE, (TOP - y) * SCALE


def decode_arcs(topology: dict) -> list[list[Point]]:
    """The topology's arcs as absolute longitude/latitude points."""
    transform = topology["transform"]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: drop points closer than *tolerance* to the kept line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        worst, worst_index = 0.0, 0
        for index in range(first + 1, last):
            px, py = points[index]
            if length:
                distance = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / length
            else:
                distance = math.hypot(px - x1, py - y1)
            if distance > worst:
                worst, worst_index = distance, index
        if worst > tolerance:
            keep[worst_index] = True
            stack += [(first, worst_index), (worst_index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_points(ring: Iterable[int], arcs: list[list[Point]]) -> list[Point]:
    """One closed ring stitched from its arcs (a negative index runs backwards)."""
    points: list[Point] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def area(points: Sequence[Point]) -> float:
    return abs(
        sum(
            x1 * y2 - x2 * y1
            for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True)
        )
        / 2
    )


def path_data(rings: list[list[Point]], decimals: int) -> str:
    """SVG path data: an absolute start per ring, then short relative steps."""
    factor = 10**decimals
    parts = []
    for ring in rings:
        ints = [(round(x * factor), round(y * factor)) for x, y in ring]
        # Drop repeats that rounding made, and the closing point (z closes).
        steps = [ints[0]]
        for point in ints[1:]:
            if point != steps[-1]:
                steps.append(point)
        if len(steps) > 1 and steps[-1] == steps[0]:
            steps.pop()
        if len(steps) < 3:
            continue

        def number(value: int) -> str:
            text = f"{value / factor:.{decimals}f}" if decimals else str(value)
            return text.rstrip("0").rstrip(".") if "." in text else text

        (x0, y0), rest = steps[0], steps[1:]
        out = [f"M{number(x0)} {number(y0)}l"]
        previous = steps[0]
        for x, y in rest:
            dx, dy = x - previous[0], y - previous[1]
            for value in (dx, dy):
                text = number(value)
                if not text.startswith("-") and not out[-1].endswith("l"):
                    out.append(" ")
                out.append(text)
            previous = (x, y)
        out.append("z")
        parts.append("".join(out))
    return "".join(parts)


def alpha2(geometry: dict) -> str | None:
    numeric = geometry.get("id")
    if numeric is None:
        return EXTRA_CODES.get(geometry.get("properties", {}).get("name", ""))
    country = pycountry.countries.get(numeric=str(numeric).zfill(3))
    return country.alpha_2 if country else None


def polygons(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def build(topology: dict, object_name: str = "countries") -> dict:
    """The data file's content: viewBox size and each country's paths."""
    arcs = [[project(lon, lat) for lon, lat in arc] for arc in decode_arcs(topology)]
    simplified = {
        level: [simplify(arc, tolerance) for arc in arcs]
        for level, (tolerance, _decimals) in LEVELS.items()
    }
    countries: dict[str, dict] = {}
    for geometry in topology["objects"][object_name]["geometries"]:
        code = alpha2(geometry)
        if not code or code in SKIPPED:
            continue
        entry = countries.setdefault(code, {"rings": {level: [] for level in LEVELS}})
        for polygon in polygons(geometry):
            for level in LEVELS:
                for ring in polygon:
                    entry["rings"][level].append(ring_points(ring, simplified[level]))
            outer = ring_points(polygon[0], arcs)
            entry.setdefault("outer", []).append(outer)

    data: dict = {"width": WIDTH, "height": HEIGHT, "countries": {}}
    for code, entry in sorted(countries.items()):
        outer = entry.get("outer") or []
        if not outer:
            continue
        # The largest piece frames the locator map: mainland France, not
        # France with Réunion and French Guiana.
        largest = max(outer, key=area)
        xs = [x for ring in outer for x, _ in ring]
        ys = [y for ring in outer for _, y in ring]
        lx, ly = [x for x, _ in largest], [y for _, y in largest]
        record = {
            "bbox": [round(min(lx), 1), round(min(ly), 1)]
            + [round(max(lx), 1), round(max(ly), 1)],
            # Every piece: which neighbours a locator map has to draw.
            "extent": [round(min(xs), 1), round(min(ys), 1)]
            + [round(max(xs), 1), round(max(ys), 1)],
            # The middle of the largest piece: where a marker goes for a country
            # too small to see (Malta, Singapore).
            "centre": [
                round((min(lx) + max(lx)) / 2, 1),
                round((min(ly) + max(ly)) / 2, 1),
            ],
        }
        for level, (_tolerance, decimals) in LEVELS.items():
            record[level] = path_data(entry["rings"][level], decimals)
        data["countries"][code] = record
    return data
