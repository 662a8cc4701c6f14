"""Keeping the stored search index (`SearchEntry`) in step with the records.

An entry is rebuilt from the adapter's `source()` rows, in SQL batches, so a
visit's entry has the names of who took part and where they went without a
query per row. Every path that writes a searched record or a row its text
shows reaches `index_records()`:

- `post_save` / `post_delete` of the record (admin, services, history restore,
  import, recover) or of a dependency (a person renamed: the visits they took
  part in), in the writing transaction, so the entry commits or rolls back
  with the record;
- `records_written` from bulk writers that send no `post_save`
  (`generate_sample_data`, `sync_countries`);
- `manage.py update_search_index` and, after `migrate`, a first build of an
  empty index.

The entry says nothing about visibility (search applies the model's own
method to what the index finds), so indexing every row, drafts and internal
visits included, shows nothing early.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time

from django.db import models

from regionnews.core.adapters import SearchAdapter, search_adapters
from regionnews.core.languages import language_codes
from regionnews.core.text import fold

from .models import UNDATED, SearchEntry
from .text import words

BATCH = 500
_TAG = re.compile(r"<[^>]*>")

Progress = Callable[[str, int, int], None]


def plain_text(text: str | None) -> str:
    """*text* without HTML tags, entities read (the editor's markup is sanitised,
    and whatever this returns is escaped again where it is shown)."""
    return html.unescape(_TAG.sub(" ", text)) if text else ""


def plain_words(*texts: str | None) -> list[str]:
    """The folded words of *texts* (HTML tags dropped, entities read), each once."""
    found: dict[str, None] = {}
    for text in texts:
        if text:
            found.update(dict.fromkeys(words(fold(plain_text(text)))))
    return list(found)


def _paths(adapter: SearchAdapter) -> list[tuple[str, str, str | None]]:
    """(value path, weight, language or None) of every column of *adapter*."""
    found = []
    for column in adapter.columns:
        if not column.translated:
            found.append((column.path, column.weight, None))
        else:
            for code in language_codes():
                found.append((f"{column.path}_{code}", column.weight, code))
    return found


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    return None


def entry_fields(adapter: SearchAdapter, row: dict) -> dict:
    """The columns of the entry for one `source()` row (a dict of its values)."""
    columns: dict[str, list[str]] = {"a_any": [], "b": [], "c": []}
    columns.update({f"a_{code}": [] for code in language_codes()})
    for path, weight, language in _paths(adapter):
        if weight == "A":
            key = f"a_{language}" if language else "a_any"
        else:
            key = "b" if weight == "B" else "c"
        columns[key].append(row[path])
    fields = {key: " ".join(plain_words(*texts)) for key, texts in columns.items()}
    title_columns = [f"a_{code}" for code in language_codes()] + ["a_any"]
    fields["names"] = " ".join(
        dict.fromkeys(" ".join(fields[key] for key in title_columns).split())
    )
    date = _as_datetime(row.get(adapter.date)) if adapter.date else None
    fields["date"] = date or UNDATED
    return fields


def _index_batch(adapter: SearchAdapter, pks: list) -> int:
    """Write the entries of *pks* (dropping those of rows that no longer exist)."""
    values = [path for path, _weight, _language in _paths(adapter)]
    if adapter.date:
        values.append(adapter.date)
    rows = adapter.source().filter(pk__in=pks).order_by().values("pk", *values)
    entries = [
        SearchEntry(
            kind=adapter.kind, object_id=row["pk"], **entry_fields(adapter, row)
        )
        for row in rows
    ]
    found = {entry.object_id for entry in entries}
    gone = [pk for pk in pks if pk not in found]
    if gone:
        SearchEntry.objects.filter(kind=adapter.kind, object_id__in=gone).delete()
    if entries:
        update = [
            f.name
            for f in SearchEntry._meta.concrete_fields
            if f.name not in ("id", "kind", "object_id")
        ]
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=update,
        )
    return len(entries)


def index_records(adapter: SearchAdapter, pks: Iterable) -> int:
    """(Re)write the entries of the records *pks* of *adapter*'s kind."""
    pks = list(dict.fromkeys(pks))
    written = 0
    for start in range(0, len(pks), BATCH):
        written += _index_batch(adapter, pks[start : start + BATCH])
    return written


def rebuild(kinds: Iterable[str] | None = None, progress: Progress | None = None):
    """Rewrite every entry (of *kinds*), and drop those of vanished records."""
    report = progress or (lambda kind, done, total: None)
    wanted = set(kinds) if kinds else None
    counts = {}
    for adapter in search_adapters():
        if wanted is not None and adapter.kind not in wanted:
            continue
        pks = list(adapter.source().order_by("pk").values_list("pk", flat=True))
        SearchEntry.objects.filter(kind=adapter.kind).exclude(
            object_id__in=adapter.source().values("pk")
        ).delete()
        for start in range(0, len(pks), BATCH):
            _index_batch(adapter, pks[start : start + BATCH])
            report(adapter.kind, min(start + BATCH, len(pks)), len(pks))
        counts[adapter.kind] = len(pks)
    return counts


# --- what a write touches -------------------------------------------------------


def _pks(value) -> list:
    if isinstance(value, models.QuerySet):
        return list(value.order_by().values_list("pk", flat=True).distinct())
    return [pk for pk in value if pk is not None]


def records_changed(model: type[models.Model], instances: Iterable) -> None:
    """Re-index whatever *instances* of *model* are, or show in the text of."""
    instances = list(instances)
    for adapter in search_adapters():
        if adapter.model is model:
            index_records(adapter, [obj.pk for obj in instances])
        for dependency, affected in adapter.dependencies:
            if dependency is model:
                pks = []
                for obj in instances:
                    pks.extend(_pks(affected(obj)))
                if pks:
                    index_records(adapter, pks)


_watched_by: dict[tuple, frozenset] = {}


def _watched() -> frozenset[type[models.Model]]:
    """Every model whose writes touch the index (worked out once per registry)."""
    adapters = search_adapters()
    key = tuple(map(id, adapters))
    if key not in _watched_by:
        watched = set()
        for adapter in adapters:
            watched.add(adapter.model)
            watched.update(model for model, _affected in adapter.dependencies)
        _watched_by.clear()
        _watched_by[key] = frozenset(watched)
    return _watched_by[key]


def on_write(sender, instance, **kwargs) -> None:
    """`post_save` / `post_delete` of any model: re-index what it touches."""
    if sender in _watched():
        records_changed(sender, [instance])


def on_records_written(sender, pks, **kwargs) -> None:
    """`records_written` from a bulk writer: the same for rows without signals."""
    if sender in _watched():
        pks = list(pks)
        for start in range(0, len(pks), BATCH):
            batch = sender._default_manager.filter(pk__in=pks[start : start + BATCH])
            records_changed(sender, batch)


def build_if_empty(**kwargs) -> None:
    """After `migrate`: a first build when the index is empty and records exist."""
    if SearchEntry.objects.exists():
        return
    if any(adapter.source().exists() for adapter in search_adapters()):
        rebuild()
