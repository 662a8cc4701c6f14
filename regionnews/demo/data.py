"""Reading the demo data files: `directory.toml` and one TOML file per story.

`directory.toml` holds the topics, organisations and people the stories refer
to by slug; each file in `stories/` is one story: a visit and, when the region
reported it, its article. Pure functions, no database: they turn the TOML into
the values the services take. A text is a {"cs": ..., "en": ..., "de": ...}
table whose long values are multi-line strings; their lines are joined with
spaces, and an article body's paragraphs are separated by blank lines.

Held visits keep their real dates. A planned visit gives `start_in_days` (and
`end_in_days`) instead, counted from the day the demo is loaded, and its stops
a `day` of the visit (1 = the first), so that it is always ahead.
"""

import datetime
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

DEMO_DIR = Path(__file__).resolve().parent
DIRECTORY_FILE = DEMO_DIR / "directory.toml"
STORIES_DIR = DEMO_DIR / "stories"

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class DemoDataError(Exception):
    """A data file cannot be read or lacks a value; the message names the file."""


def read_toml(path: Path) -> dict[str, Any]:
    """The parsed file; a syntax error names the file and the line."""
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{path.name}: {error}") from error


def read_directory(path: Path = DIRECTORY_FILE) -> dict[str, list[dict]]:
    """The topics, organisations and people, each a list of tables."""
    data = read_toml(path)
    return {key: data.get(key, []) for key in ("topics", "organisations", "people")}


def story_files(directory: Path = STORIES_DIR) -> list[Path]:
    """Every story file, in name order (the order they are loaded in)."""
    return sorted(directory.glob("*.toml"))


def read_story(path: Path) -> dict[str, Any]:
    """One story: `visit` (always) and `article` (when it was reported)."""
    story = read_toml(path)
    if "visit" not in story:
        raise DemoDataError(f"{path.name}: a story needs a [visit] table")
    story["file"] = path.name
    return story


def text(value: str) -> str:
    """A multi-line string as one line: its lines joined with single spaces."""
    return " ".join(value.split())


def translated(values: Mapping[str, str] | None) -> dict[str, str]:
    """A translated text with each language's lines joined."""
    return {code: text(value) for code, value in (values or {}).items()}


def paragraphs_html(values: Mapping[str, str]) -> dict[str, str]:
    """Each language's paragraphs (separated by blank lines) as <p> HTML.

    The paragraphs may hold inline HTML (<em>); the article's save sanitises it.
    """
    return {
        code: "\n".join(
            f"<p>{text(paragraph)}</p>"
            for paragraph in _PARAGRAPH_BREAK.split(value.strip())
        )
        for code, value in values.items()
    }


def visit_dates(
    visit: Mapping[str, Any], today: datetime.date
) -> tuple[datetime.date, datetime.date | None]:
    """(start, end): the real dates, or for a planned visit days after *today*."""
    if "start_in_days" in visit:
        start = today + datetime.timedelta(days=visit["start_in_days"])
        end_in_days = visit.get("end_in_days")
        end = None
        if end_in_days is not None:
            end = today + datetime.timedelta(days=end_in_days)
        return start, end
    return visit["start_date"], visit.get("end_date")


def stop_date(stop: Mapping[str, Any], start: datetime.date) -> datetime.date | None:
    """A stop's date: its own, or the `day` of the visit counted from *start*."""
    if "day" in stop:
        return start + datetime.timedelta(days=stop["day"] - 1)
    return stop.get("date")
