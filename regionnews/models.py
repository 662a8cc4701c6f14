"""Abstract fields shared by the edited content types (articles and visits)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EditorialModel(models.Model):
    """What an edited object needs for conflict detection and translation status.

    `version` goes up by one on every save; the admin form carries the version
    it was opened at and refuses to overwrite a newer one. The fingerprints are
    a hash of each language's text at the last save, and `outdated_languages`
    lists the translations flagged as possibly out of date since another
    language's text changed, until an editor confirms them.
    """

    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    translation_fingerprints = models.JSONField(
        _("translation fingerprints"), default=dict, blank=True, editable=False
    )
    outdated_languages = models.JSONField(
        _("possibly outdated translations"), default=list, blank=True, editable=False
    )

    class Meta:
        abstract = True
