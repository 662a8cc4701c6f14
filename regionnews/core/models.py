"""Abstract fields shared by the edited content types (articles and visits)."""

from django.db import models, router, transaction
from django.db.models import F
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from .access import is_staff
from .languages import language_codes
from .translation_status import attribute_reader, updated_translation_status


class VisibilityQuerySet(models.QuerySet):
    """A model's one definition of what the public may see, and who sees more.

    Subclasses define `public()`; staff see every row, everyone else the
    public ones.
    """

    def public(self):
        raise NotImplementedError

    def visible_to(self, user):
        return self.all() if is_staff(user) else self.public()


class EditConflict(Exception):
    """Someone else saved the object after the version this save started from."""


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

    # What a complete language needs, and whose text is fingerprinted
    # (regionnews.translation_status); Article and Visit say theirs.
    translation_required_fields: tuple[str, ...] = ("title",)
    translation_text_fields: tuple[str, ...] = ("title",)

    class Meta:
        abstract = True

    def save(self, *args, expected_version: int | None = None, **kwargs):
        """Save with the next `version`; with `expected_version`, only over that one.

        The admin passes the version its form was opened at: if another save
        came in between, nothing is written and EditConflict is raised.
        """
        update_fields = kwargs.get("update_fields")
        if self.update_translation_status(update_fields) and update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "translation_fingerprints",
                "outdated_languages",
            }
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            self.claim_next_version(expected_version, using=using)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
            super().save(*args, **kwargs)

    def claim_next_version(self, expected_version: int | None, *, using: str) -> None:
        """Raise the stored row's `version` by one and take the new number.

        One conditional UPDATE (`SET version = version + 1 WHERE pk = ... AND
        version = expected`) does it: the database serialises two such updates
        and keeps the row locked until the save's transaction ends, so of two
        saves opened at the same version only the first one wins. The number
        comes from the row, not from this instance, so it never goes back.
        """
        if self.pk is None:
            self.version += 1
            return
        stored = type(self)._base_manager.using(using).filter(pk=self.pk)
        claim = (
            stored
            if expected_version is None
            else stored.filter(version=expected_version)
        )
        if claim.update(version=F("version") + 1):
            self.version = stored.values_list("version", flat=True).get()
        elif expected_version is not None and stored.exists():
            raise EditConflict(
                f"{self._meta.label} {self.pk} is no longer at version "
                f"{expected_version}"
            )

    def update_translation_status(self, update_fields=None) -> bool:
        """Refresh the fingerprints and outdated flags from the text being saved.

        Returns whether it looked at the text: a save limited to other fields
        (`update_fields=["status"]`) changes no text, so it keeps the flags.
        """
        if update_fields is not None:
            text_columns = {
                name
                for field in self.translation_text_fields
                for name in (field, *(f"{field}_{lang}" for lang in language_codes()))
            }
            if not text_columns & set(update_fields):
                return False
        self.translation_fingerprints, self.outdated_languages = (
            updated_translation_status(
                attribute_reader(self),
                required=self.translation_required_fields,
                text_fields=self.translation_text_fields,
                fingerprints=self.translation_fingerprints or {},
                outdated=self.outdated_languages or [],
            )
        )
        return True


@receiver(pre_save, dispatch_uid="regionnews.keep_stored_version_on_raw_save")
def keep_stored_version_on_raw_save(sender, instance, raw, using, **kwargs):
    """A raw save (a revision being reverted, a fixture) keeps the row's counter.

    It restores content, not time: writing back the old `version` would let a
    form opened at that old number overwrite the restored content unnoticed.
    """
    if raw and isinstance(instance, EditorialModel) and instance.pk is not None:
        stored = (
            sender._base_manager.using(using)
            .filter(pk=instance.pk)
            .values_list("version", flat=True)
            .first()
        )
        if stored is not None:
            instance.version = stored
