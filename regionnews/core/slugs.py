"""Slugs: unique per model, made once from the object's name or title."""

from django.db import models
from django.utils.text import slugify

from .languages import first_filled

# English first: the slug is the object's one URL in every language, and
# English is the language most foreign names are spelt in.
SLUG_LANGUAGES = ("en", "cs", "de")


def unique_slug(
    instance: models.Model, value: str, field: str = "slug", max_length=None
):
    """Slugify *value* and add -2, -3 ... until no other row of the model uses it."""
    model = type(instance)
    max_length = max_length or model._meta.get_field(field).max_length
    base = slugify(value)[:max_length].strip("-") or model._meta.model_name
    candidate, n = base, 2
    others = (
        model._base_manager.exclude(pk=instance.pk)
        if instance.pk
        else model._base_manager
    )
    while others.filter(**{field: candidate}).exists():
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)].strip("-") + suffix
        n += 1
    return candidate


class SluggedModel(models.Model):
    """A model whose empty `slug` is filled on save from `slug_source()`.

    The slug is made once: renaming the object keeps its URL. Subclasses
    declare the `slug` field (its length differs) and name their source in
    `slug_source_field`, translated or not; or override `slug_source()`.
    """

    slug_source_field = "name"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.slug_source())
        super().save(*args, **kwargs)

    def slug_source(self) -> str:
        """The text the slug is made from: the English name if there is one."""
        field = self.slug_source_field
        if hasattr(self, f"{field}_{SLUG_LANGUAGES[0]}"):
            return first_filled(self, field, SLUG_LANGUAGES)
        return getattr(self, field)
