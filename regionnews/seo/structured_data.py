"""schema.org data (JSON-LD) describing a page's object, for search engines.

The content apps build it (articles/seo.py, delegations/seo.py) and register
their builders in `regionnews.core.adapters`; this module only puts together
what is registered for the object's model. Related objects come from what the
views prefetch from the visibility querysets, or are queried through them, so
nothing unpublished reaches the data.
"""

from regionnews.core.adapters import seo_adapter
from regionnews.core.schema import fallback_image


def structured_data(obj, request) -> dict | None:
    """The schema.org description of a page's object, or None for other pages.

    The model's own builder comes first, then what other apps add; a None from
    the model's own means the page has no public description (an internal
    visit shown to staff).
    """
    adapter = seo_adapter(obj)
    if adapter is None or adapter.structured_data is None:
        return None
    data = adapter.structured_data(obj, request)
    if data is None:
        return None
    for extend in adapter.extensions:
        data.update(extend(obj, request))
    # Search engines show no rich result for a NewsArticle or Event without one.
    data.setdefault("image", [fallback_image(request)["url"]])
    return {"@context": "https://schema.org", **data}


def object_card(obj, request) -> dict:
    """Title, description, type and image of a detail page's object."""
    adapter = seo_adapter(obj)
    if adapter is None or adapter.card is None:
        return {"title": str(obj)}
    return adapter.card(obj, request)
