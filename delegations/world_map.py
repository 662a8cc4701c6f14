"""The world map of partner countries and the locator map, drawn on the server.

The geometry is a data file built once from Natural Earth (see `map_build.py`
and `manage.py build_world_map`); here it is only looked up, so drawing a map
costs no query beyond the counts the caller already has.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_FILE = DATA_DIR / "world-map.json"
LICENCE_FILE = DATA_DIR / "world-map-LICENSE.txt"

# Shades from light to dark; a country with more visits is darker.
SHADES = 4
# The locator map shows at least this much around a small country (viewBox units
# of the 1000-wide world), in a 3:2 frame.
LOCATOR_MIN_WIDTH = 150
LOCATOR_RATIO = 1.5
LOCATOR_MARGIN = 0.35
# Frames narrower than this (viewBox units) draw the country at the finer level.
LOCATOR_DETAIL_BELOW = 300
# Below this size (viewBox units) a country is also marked with a circle.
TINY = 6


@cache
def geometry() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def has_shape(code: str) -> bool:
    return code.upper() in geometry()["countries"]


@dataclass(frozen=True)
class MapCountry:
    code: str
    name: str
    url: str
    count: int
    shade: int
    path: str
    marker: tuple[float, float] | None


def shade(count: int, largest: int) -> int:
    """1..SHADES: the count's share of the largest count, in equal steps."""
    if count <= 0 or largest <= 0:
        return 0
    return max(1, min(SHADES, -(-count * SHADES // largest)))


def marker(record: dict) -> tuple[float, float] | None:
    x1, y1, x2, y2 = record["bbox"]
    if max(x2 - x1, y2 - y1) < TINY:
        return tuple(record["centre"])
    return None


def world_map(partners) -> dict:
    """What the world map template draws.

    *partners* are (country, count) pairs; countries without a shape in the data
    file are listed in the table only.
    """
    shapes = geometry()["countries"]
    partners = [(country, count) for country, count in partners if count > 0]
    largest = max((count for _, count in partners), default=0)
    drawn = []
    for country, count in partners:
        record = shapes.get(country.code.upper())
        if record is None:
            continue
        drawn.append(
            MapCountry(
                code=country.code.upper(),
                name=country.name,
                url=country.get_absolute_url(),
                count=count,
                shade=shade(count, largest),
                path=record["world"],
                marker=marker(record),
            )
        )
    codes = {item.code for item in drawn}
    land = [record["world"] for code, record in shapes.items() if code not in codes]
    return {
        "width": geometry()["width"],
        "height": geometry()["height"],
        "land": land,
        "countries": drawn,
        "largest": largest,
        "shades": range(1, SHADES + 1),
    }


def locator_frame(record: dict) -> tuple[float, float, float, float]:
    """A 3:2 view box around the country with room to see its neighbours."""
    x1, y1, x2, y2 = record["bbox"]
    width, height = x2 - x1, y2 - y1
    frame_w = max(LOCATOR_MIN_WIDTH, width * (1 + 2 * LOCATOR_MARGIN))
    frame_w = max(frame_w, height * (1 + 2 * LOCATOR_MARGIN) * LOCATOR_RATIO)
    frame_h = frame_w / LOCATOR_RATIO
    cx, cy = (x1 + x2) / 2, (y1 + y2) / 2
    return (
        round(cx - frame_w / 2, 1),
        round(cy - frame_h / 2, 1),
        round(frame_w, 1),
        round(frame_h, 1),
    )


def overlaps(extent, frame) -> bool:
    x1, y1, x2, y2 = extent
    fx, fy, fw, fh = frame
    return x1 < fx + fw and x2 > fx and y1 < fy + fh and y2 > fy


@cache
def locator_map(code: str) -> dict | None:
    """The country highlighted among its neighbours, or None without a shape
    (drawn from the data file alone: once per country and process)."""
    shapes = geometry()["countries"]
    record = shapes.get(code.upper())
    if record is None:
        return None
    frame = locator_frame(record)
    # The neighbours are grey context: the world map's coarse outlines are
    # enough for them and keep the page light (about 10 kB instead of 70 kB
    # for a country in Europe). The country itself is drawn finely unless the
    # frame is so wide that the coarse outline is as good.
    neighbours = [
        other["world"]
        for other_code, other in shapes.items()
        if other_code != code.upper() and overlaps(other["extent"], frame)
    ]
    fine = frame[2] < LOCATOR_DETAIL_BELOW
    return {
        "frame": frame,
        "neighbours": neighbours,
        "path": record["detail" if fine else "world"],
        "marker": marker(record),
    }
