"""Changes to live articles that wait for a chief editor (Wagtail-style).

An Editor may change a published article, but the public keeps reading the
live text: `article_hold_change()` stores the change as a PendingChange,
`pending_change_rows()` shows a chief editor what it changes, and
`pending_change_publish()` or `pending_change_reject()` settle it.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from regionnews.core.models import EditConflict

from .models import Article, PendingChange
from .workflow import PUBLISH_PERMISSION, TransitionNotAllowed, User, _require

# What a change held for review never carries: the publication state (a
# chief editor's), bookkeeping, and files (an upload is not kept unsaved).
NOT_HELD = {
    "id",
    "status",
    "published_at",
    "version",
    "translation_fingerprints",
    "outdated_languages",
    "created_at",
    "updated_at",
}


class HeldForReview(Exception):
    """Raised inside the admin's save to roll back and hold the change instead."""

    def __init__(self, fields: dict):
        super().__init__("held for review")
        self.fields = fields


def held_fields() -> list[models.Field]:
    """The article's own fields a held change records (each language's column)."""
    names = {field.name for field in Article._meta.concrete_fields}
    translated = {name for name in names if f"{name}_{settings.LANGUAGE_CODE}" in names}
    return [
        field
        for field in Article._meta.concrete_fields
        if field.editable
        and field.name not in NOT_HELD
        and field.name not in translated
        and not isinstance(field, models.FileField)
    ]


def snapshot(article: Article, relations: Mapping[str, Iterable]) -> dict:
    """The article's fields (as strings) and its relations (as lists of keys)."""
    data = {field.attname: field.value_to_string(article) for field in held_fields()}
    for name, objects in relations.items():
        data[name] = sorted(obj.pk for obj in objects or ())
    return data


def relation_names() -> list[str]:
    return [field.name for field in Article._meta.many_to_many]


@transaction.atomic
def article_hold_change(
    *, article: Article, user: User, fields: dict, base_version: int
) -> PendingChange:
    """Store an Editor's change to a live article for review; the article stays."""
    return PendingChange.objects.create(
        article=article,
        author=user if user.is_authenticated else None,
        base_version=base_version,
        fields=fields,
    )


@dataclass
class ChangedRow:
    label: str
    live: str
    pending: str


def pending_change_rows(pending: PendingChange) -> list[ChangedRow]:
    """Each field the change would alter: its live value and the pending one."""
    article = pending.article
    live = snapshot(
        article, {name: getattr(article, name).all() for name in relation_names()}
    )
    rows = []
    for attname, value in pending.fields.items():
        if live.get(attname) == value:
            continue
        field = Article._meta.get_field(attname.removesuffix("_id"))
        rows.append(
            ChangedRow(
                str(field.verbose_name),
                _shown(field, live.get(attname)),
                _shown(field, value),
            )
        )
    return rows


def _shown(field: models.Field, value) -> str:
    if field.many_to_many:
        related = field.related_model._base_manager.filter(pk__in=value or ())
        return ", ".join(str(obj) for obj in related) or "—"
    return str(value) if value not in (None, "") else "—"


@transaction.atomic
def pending_change_publish(*, pending: PendingChange, user: User) -> Article:
    """Make the held change live, over the version it was made on.

    If the article was saved since, EditConflict tells the chief editor to
    reject this change (the Editor makes it again over the newer text).
    """
    _require(user, PUBLISH_PERMISSION)
    article = Article._base_manager.get(pk=pending.article_id)
    relations = {}
    for attname, value in pending.fields.items():
        field = Article._meta.get_field(attname.removesuffix("_id"))
        if field.many_to_many:
            relations[field.name] = value
        elif field.name not in NOT_HELD:
            setattr(article, field.attname, field.to_python(value))
    try:
        with reversion.create_revision():
            article.save(expected_version=pending.base_version)
            for name, keys in relations.items():
                getattr(article, name).set(keys)
            reversion.set_user(user)
            reversion.set_comment(gettext("Published a change made for review"))
    except EditConflict:
        raise TransitionNotAllowed(
            _(
                "The article was changed after this change was made; reject it "
                "and make the change again on the current text."
            )
        ) from None
    pending.delete()
    return article


def pending_change_reject(*, pending: PendingChange, user: User) -> None:
    """Drop a held change; the live article stays as it is."""
    _require(user, PUBLISH_PERMISSION)
    pending.delete()
