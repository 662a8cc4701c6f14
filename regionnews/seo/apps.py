from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    """Canonical links, link previews, feed links and JSON-LD for every page."""

    name = "regionnews.seo"
    label = "seo"
    verbose_name = _("Search engines and link previews")
