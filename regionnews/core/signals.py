"""Signals the kernel sends for the features above it.

`records_written`: rows were written by a path that sends no `post_save`
(`bulk_create`, `QuerySet.update()`): the sender is the model, `pks` the
primary keys written. Whoever keeps something derived from rows (the search
index) listens; bulk writers send it, as they call `bump_content_generation()`
for the page cache.
"""

from django.dispatch import Signal

records_written = Signal()


def rows_written(model, rows) -> None:
    """Send `records_written` for *rows* (model instances or primary keys)."""
    pks = [getattr(row, "pk", row) for row in rows]
    if pks:
        records_written.send(sender=model, pks=pks)
