"""Small text helpers shared by both apps."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify


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


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def first_filled(instance: models.Model, field: str, languages=None) -> str:
    """The first non-empty translation of *field*, Czech (the default) first."""
    for lang in languages or language_codes():
        value = getattr(instance, f"{field}_{lang}", "") or ""
        if value.strip():
            return value
    return ""
