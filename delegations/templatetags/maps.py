"""`{% world_map countries %}` and `{% locator_map country %}`: SVG maps drawn on
the server from the data file in delegations/data (no JavaScript, no query).

*countries* are Country rows annotated with `visit_count` (see
`selectors.partner_countries()`), so one query serves the map and its table.
"""

from django import template

from delegations import world_map as maps

register = template.Library()


def legend(largest: int) -> list[dict]:
    """Each shade and the counts it stands for ("1", "2–3", ...)."""
    rows = []
    for shade in range(1, maps.SHADES + 1):
        low = (shade - 1) * largest // maps.SHADES + 1
        high = shade * largest // maps.SHADES
        if low > high:
            continue
        label = str(low) if low == high else f"{low}–{high}"
        rows.append({"shade": shade, "label": label})
    return rows


@register.inclusion_tag("includes/maps/world_map.html")
def world_map(countries, heading_id="map-heading"):
    table = [country for country in countries if country.visit_count > 0]
    context = maps.world_map((country, country.visit_count) for country in table)
    largest = context["largest"]
    context.update(
        table=table,
        legend=legend(largest),
        most=max(table, key=lambda country: country.visit_count, default=None),
        # Every country with the largest count, not just the first of a tie.
        leaders=", ".join(c.name for c in table if c.visit_count == largest),
        all_equal=len({country.visit_count for country in table}) == 1,
        heading_id=heading_id,
    )
    return context


@register.inclusion_tag("includes/maps/locator_map.html")
def locator_map(country):
    return {"country": country, "map": maps.locator_map(country.code)}
