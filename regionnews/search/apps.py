from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Search across every kind of record the content apps register."""

    name = "regionnews.search"
    label = "search"
    verbose_name = _("Search")
