from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel every app may use: it imports no app of the project."""

    name = "regionnews.core"
    label = "core"
    verbose_name = _("Core")
