from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Search across every kind of record the content apps register."""

    name = "regionnews.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from regionnews.core.signals import records_written

        from . import index

        # Any model: which ones matter is known only once every app has
        # registered its adapters (index._watched()).
        post_save.connect(index.on_write, dispatch_uid="search.index.save")
        post_delete.connect(index.on_write, dispatch_uid="search.index.delete")
        records_written.connect(index.on_records_written, dispatch_uid="search.bulk")
        post_migrate.connect(index.build_if_empty, sender=self)
