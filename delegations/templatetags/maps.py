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
    countries = list(countries)
    context = maps.world_map((country, country.visit_count) for country in countries)
    ranked = sorted(countries, key=lambda country: -country.visit_count)
    context.update(
        table=[country for country in countries if country.visit_count > 0],
        legend=legend(context["largest"]),
        most=ranked[0] if ranked and ranked[0].visit_count else None,
        leaders=", ".join(
            country.name
            for country in countries
            if ranked and country.visit_count == ranked[0].visit_count
        ),
        all_equal=len({country.visit_count for country in ranked if country.visit_count})
        == 1,
        heading_id=heading_id,
    )
    return context


@register.inclusion_tag("includes/maps/locator_map.html")
def locator_map(country):
    return {"country": country, "map": maps.locator_map(country.code)}
