"""Bar charts drawn as SVG on the server: no JavaScript, readable in print.

`{% bar_chart rows chart_id="per-year" title=... label_heading=... %}` renders a
figure with an SVG (role="img", <title>, <desc>) and, beside it, a data table
with the same rows: the table is what screen readers and keyboard users read,
the chart is for the eye. Rows are objects with `label`, `value` and optionally
`url` (see `delegations.selectors.Tally`).

Each row is drawn as its label and the bar below it, so that long names need no
room beside the bars; a long label wraps onto a second or third line rather than
being cut. The drawing scales with its viewBox, from a 320 px phone to the
column's full width. The table sits in a <details> under the chart, so that the
page does not show the figures twice.
"""

import textwrap
from dataclasses import dataclass

from django import template
from django.utils.translation import gettext, ngettext

register = template.Library()

WIDTH = 300  # viewBox units: 14-unit text is 13 px on a 320 px phone
ROW_HEIGHT = 40
LABEL_BASELINE = 15  # from the top of a row
BAR_TOP = 21
BAR_HEIGHT = 14
VALUE_ROOM = 44  # room right of the longest bar for its number
MAX_LABEL = 36  # characters per line of a label (14-unit text in 300 units)
MAX_LINES = 3  # a longer label is shortened on its last line (the table has it whole)
LINE_HEIGHT = 17
PADDING = 4


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str
    y: int
    label_y: int
    width: float
    value_x: float
    value_y: int
    lines: tuple[str, ...] = ()
    line_height: int = LINE_HEIGHT


def shorten(label: str, limit: int = MAX_LABEL) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def wrap(label: str) -> tuple[str, ...]:
    """The label in lines of MAX_LABEL characters at most, broken between words."""
    lines = textwrap.wrap(str(label), MAX_LABEL, break_long_words=True) or [""]
    if len(lines) > MAX_LINES:
        rest = " ".join(lines[MAX_LINES - 1 :])
        lines = lines[: MAX_LINES - 1] + [shorten(rest)]
    return tuple(lines)


def layout(rows) -> tuple[list[Bar], int]:
    """Bars scaled to the largest value, and the drawing's height."""
    rows = list(rows)
    largest = max((row.value for row in rows), default=0)
    room = WIDTH - VALUE_ROOM
    bars = []
    top = PADDING
    for row in rows:
        lines = wrap(row.label)
        extra = (len(lines) - 1) * LINE_HEIGHT
        width = room * row.value / largest if largest else 0
        if row.value and width < 2:
            width = 2  # a small count is still visibly more than nothing
        bars.append(
            Bar(
                label=str(row.label),
                value=row.value,
                url=getattr(row, "url", ""),
                y=top + extra + BAR_TOP,
                label_y=top + LABEL_BASELINE,
                width=round(width, 1),
                value_x=round(width + 6, 1),
                value_y=top + extra + BAR_TOP + BAR_HEIGHT - 2,
                lines=lines,
            )
        )
        top += ROW_HEIGHT + extra
    return bars, top + PADDING


def summary(bars: list[Bar]) -> str:
    """What the chart shows, in words: which bars are longest, or that all are
    equal ("All 5 bars are equal: 1 each.")."""
    if not bars:
        return ""
    largest = max(bar.value for bar in bars)
    leaders = [bar.label for bar in bars if bar.value == largest]
    count = len(bars)
    if count == 1:
        text = gettext("One bar: %(label)s, %(value)s.") % {
            "label": bars[0].label,
            "value": largest,
        }
    elif len(leaders) == count:
        text = ngettext(
            "All %(count)d bars are equal: %(value)s each.",
            "All %(count)d bars are equal: %(value)s each.",
            count,
        ) % {"count": count, "value": largest}
    elif len(leaders) > 1:
        text = ngettext(
            "%(count)d bars; the longest, %(value)s each: %(labels)s.",
            "%(count)d bars; the longest, %(value)s each: %(labels)s.",
            count,
        ) % {"count": count, "value": largest, "labels": ", ".join(leaders)}
    else:
        text = ngettext(
            "%(count)d bars; the longest is %(label)s with %(value)s.",
            "%(count)d bars; the longest is %(label)s with %(value)s.",
            count,
        ) % {"count": count, "label": leaders[0], "value": largest}
    return f"{text} {gettext('The table gives every figure.')}"


@register.inclusion_tag("includes/chart_bar.html")
def bar_chart(
    rows,
    *,
    chart_id,
    title,
    label_heading,
    value_heading,
    description="",
    total=None,
    total_label="",
):
    """A bar chart and its data table; *chart_id* must be unique on the page."""
    bars, height = layout(rows)
    return {
        "bars": bars,
        "summary": summary(bars),
        "chart_id": chart_id,
        "title": title,
        "description": description,
        "label_heading": label_heading,
        "value_heading": value_heading,
        "total": total,
        "total_label": total_label,
        "width": WIDTH,
        "height": height,
        "bar_height": BAR_HEIGHT,
        "line_height": LINE_HEIGHT,
    }


@register.filter
def shortened(label):
    return shorten(label)
