"""Bar charts drawn as SVG on the server: no JavaScript, readable in print.

`{% bar_chart rows chart_id="per-year" title=... label_heading=... %}` renders a
figure with an SVG (role="img", <title>, <desc>) and, beside it, a data table
with the same rows: the table is what screen readers and keyboard users read,
the chart is for the eye. Rows are objects with `label`, `value` and optionally
`url` (see `delegations.selectors.Tally`).

Each row is drawn as its label on one line and the bar below it, so that long
names need no room beside the bars; the drawing scales with its viewBox, from a
320 px phone to the column's full width.
"""

from dataclasses import dataclass

from django import template

register = template.Library()

WIDTH = 300  # viewBox units: 14-unit text is 13 px on a 320 px phone
ROW_HEIGHT = 40
LABEL_BASELINE = 15  # from the top of a row
BAR_TOP = 21
BAR_HEIGHT = 14
VALUE_ROOM = 44  # room right of the longest bar for its number
MAX_LABEL = 36  # characters; longer labels are shortened (the table has them whole)
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


def shorten(label: str, limit: int = MAX_LABEL) -> str:
    label = str(label)
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def layout(rows) -> tuple[list[Bar], int]:
    """Bars scaled to the largest value, and the drawing's height."""
    rows = list(rows)
    largest = max((row.value for row in rows), default=0)
    room = WIDTH - VALUE_ROOM
    bars = []
    for index, row in enumerate(rows):
        top = PADDING + index * ROW_HEIGHT
        width = room * row.value / largest if largest else 0
        if row.value and width < 2:
            width = 2  # a small count is still visibly more than nothing
        bars.append(
            Bar(
                label=str(row.label),
                value=row.value,
                url=getattr(row, "url", ""),
                y=top + BAR_TOP,
                label_y=top + LABEL_BASELINE,
                width=round(width, 1),
                value_x=round(width + 6, 1),
                value_y=top + BAR_TOP + BAR_HEIGHT - 2,
            )
        )
    return bars, PADDING * 2 + len(rows) * ROW_HEIGHT


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
    largest = max(bars, key=lambda bar: bar.value, default=None)
    return {
        "bars": bars,
        "largest": largest,
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
    }


@register.filter
def shortened(label):
    return shorten(label)
