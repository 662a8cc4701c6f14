import datetime

from django.apps import AppConfig
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def next_midnight() -> datetime.datetime:
    """The start of tomorrow in the site's time zone, when "upcoming" changes."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time()))


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Visits and delegations")

    def ready(self):
        # Every save of a person's photo is validated, cleaned and gets renditions.
        from regionnews.core.content_generation import (
            register_content_models,
            register_next_change,
        )
        from regionnews.images import registry

        from .adapters import register_adapters
        from .models import Country, Organisation, Participation, Person, Stop, Visit

        registry.register(Person, "photo", alt="photo_alt")
        register_adapters()

        # Cached pages go stale on every write; "upcoming" and "recent" visits
        # swap at midnight without one.
        register_content_models(
            Country, Organisation, Person, Visit, Participation, Stop
        )
        register_next_change(next_midnight)
