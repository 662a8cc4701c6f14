from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    """The photo pipeline: validation, renditions and the `{% picture %}` tag."""

    name = "regionnews.images"
    label = "images"
    verbose_name = _("Photos")

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect()
