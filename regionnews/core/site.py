"""The site's own name and the region's, in one place.

The press office of another region changes these strings (and their
translations in locale/), not the templates, feeds and structured data that
show them; templates get them from the `site` context processor.
"""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# Translated lazily: each reader gets them in the page's language.
SITE_NAME = _("Pilsen Region – Foreign Relations")
REGION_NAME = _("Pilsen Region")
# The region's own country (ISO 3166-1 alpha-2): its page is about the
# region's own people and organisations rather than visits "with" it.
HOME_COUNTRY = "CZ"
SITE_DESCRIPTION = _(
    "News from the Pilsen Region’s foreign relations: visits of ambassadors "
    "and delegations, missions abroad, partner regions."
)

# The admin's header and browser title: the region's name, not the code name.
ADMIN_SITE_HEADER = format_lazy("{} – {}", REGION_NAME, _("editorial office"))


def site(request) -> dict:
    """Context processor: `site_name`, `region_name` and `site_description`."""
    return {
        "site_name": SITE_NAME,
        "region_name": REGION_NAME,
        "site_description": SITE_DESCRIPTION,
    }
