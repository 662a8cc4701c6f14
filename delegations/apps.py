from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DelegationsConfig(AppConfig):
    name = "delegations"
    verbose_name = _("Visits and delegations")

    def ready(self):
        # Every save of a person's photo is validated, cleaned and gets renditions.
        from regionnews.images import registry

        from .adapters import register_adapters
        from .models import Person

        registry.register(Person, "photo", alt="photo_alt")
        register_adapters()
