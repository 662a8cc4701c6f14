"""The stored search index: one entry per searchable record.

Every searchable record (an article, a visit, a person...) has one entry
holding its text already folded and split into words (`regionnews.core.text.
fold`, `regionnews.search.text.words`), so both databases index the same
tokens: PostgreSQL a generated, weighted `tsvector` with a GIN index (and a
trigram GIN index on the names), SQLite an FTS5 table kept in step by
triggers. Both are created by this app's migrations, outside the model.

The entry says nothing about who may see the record: search narrows what the
index finds with the model's own visibility method, so a stale or early entry
never shows anything (see `regionnews.search.backends`). Entries are written
by `regionnews.search.index` whenever a record or a row its text shows
changes.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

UNDATED = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class SearchEntry(models.Model):
    """The searchable text of one record, in columns by weight.

    - `a_<language>`: the title (name) in each language, `a_any` the parts of
      it without a language (a person's name); ranked highest, the reader's
      language first.
    - `b`, `c`: the rest, by weight (lead, purpose, who took part; the body).
    - `names`: every title word, compared by trigrams for near misses.
    - `date`: the newest entries are found first (see `backends.CANDIDATES`).
    """

    kind = models.CharField(max_length=32)
    object_id = models.BigIntegerField()
    # Undated kinds (people, countries) all get the same early date.
    date = models.DateTimeField(default=UNDATED)
    # One column per language of settings.LANGUAGES, as modeltranslation adds.
    a_cs = models.TextField(blank=True, default="")
    a_en = models.TextField(blank=True, default="")
    a_de = models.TextField(blank=True, default="")
    a_any = models.TextField(blank=True, default="")
    b = models.TextField(blank=True, default="")
    c = models.TextField(blank=True, default="")
    names = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="search_entry_unique_record"
            )
        ]
        indexes = [
            models.Index(
                "kind",
                models.F("date").desc(),
                models.F("object_id").desc(),
                name="search_entry_newest",
            )
        ]

    def __str__(self):
        return f"{self.kind} #{self.object_id}"
