"""What a content app tells the site-wide features about its models.

`regionnews.search` and `regionnews.seo` know several apps, but import none:
each content app registers adapters here from its AppConfig.ready(), the way
it registers its photos with `regionnews.images.registry`. The features
iterate over what is registered and never dispatch on concrete model types;
an app that is not installed simply registers nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise

from .languages import language_codes

# --- search ---------------------------------------------------------------------


@dataclass(frozen=True)
class SearchColumn:
    """A searched column: its path, its weight (A-D), and whether it has languages."""

    path: str
    weight: str
    translated: bool = True

    def paths(self, language: str) -> list[tuple[str, bool]]:
        """(column, is the reader's language) for every language stored."""
        if not self.translated:
            return [(self.path, True)]
        return [(f"{self.path}_{code}", code == language) for code in language_codes()]


# (a model whose rows a searched record's text shows, the searched rows a
# change of one of them rewrites: a queryset or primary keys)
Dependency = tuple[type[models.Model], Callable[[Any], Any]]


@dataclass(frozen=True)
class SearchAdapter:
    """One kind of search result: which rows, which columns, how a hit reads.

    - `queryset(user)`: the rows *user* may find, from the model's own
      visibility method (staff-only rows may carry `search_public`).
    - `source()`: every row of the kind, visible or not, with the aliases the
      columns name: what the stored search index is built from.
    - `columns`: the first one titles the record and is compared by trigrams.
    - `date`: the column whose newest rows come first among equal ranks.
    - `dependencies`: other models whose text the columns show (a person's
      name in a visit's text), with the rows a change of one of them rewrites.
    - `near_misses`: a misspelt name finds the record too (PostgreSQL's
      trigrams), for names that readers know only by ear.
    - `shown_from_date`: no one may see a record before its `date` (an article
      scheduled for later), so search does not ask the index for those.
    - `ordering(language)`: the order after the rank.
    - `title_field` (translated) or `title(obj)` (a name without language).
    - `snippet_fields`: translated fields the snippet comes from.
    - `details(obj)`: what the result card shows besides title and snippet
      (`date`, `end_date`, `country`, `internal`).
    """

    kind: str
    label: Promise | str
    queryset: Callable[[Any], models.QuerySet]
    source: Callable[[], models.QuerySet]
    columns: tuple[SearchColumn, ...]
    ordering: Callable[[str], tuple[str, ...]]
    snippet_fields: tuple[str, ...]
    details: Callable[[models.Model], dict]
    title_field: str = "title"
    title: Callable[[models.Model], str] | None = None
    date: str | None = None
    dependencies: tuple[Dependency, ...] = ()
    near_misses: bool = False
    shown_from_date: bool = False
    position: int = 100

    @property
    def model(self) -> type[models.Model]:
        return self.source().model


_search: dict[str, SearchAdapter] = {}


def register_search(adapter: SearchAdapter) -> None:
    """Make a kind of record searchable (call from AppConfig.ready())."""
    _search[adapter.kind] = adapter


def search_adapters() -> list[SearchAdapter]:
    """Every searchable kind, in the order the results page shows them."""
    return sorted(_search.values(), key=lambda adapter: adapter.position)


# --- search engines and link previews ---------------------------------------------

# (obj, request) -> a dict, or None for "nothing to say about this object".
Builder = Callable[[Any, Any], dict | None]


@dataclass
class SeoAdapter:
    """How a model's detail page describes itself to search engines and networks.

    `structured_data` is the model's own schema.org builder (None from it: the
    page has no public description, e.g. an internal visit); `extensions` are
    builders of apps above it that add to the data (the news about a visit).
    `card` returns the Open Graph title, description, type and image.
    """

    structured_data: Builder | None = None
    card: Builder | None = None
    extensions: list[Builder] = field(default_factory=list)


_seo: dict[type[models.Model], SeoAdapter] = {}


def register_seo(
    model: type[models.Model],
    *,
    structured_data: Builder | None = None,
    card: Builder | None = None,
) -> None:
    """Describe the pages of the app's own *model* (call from AppConfig.ready())."""
    adapter = _seo.setdefault(model, SeoAdapter())
    adapter.structured_data = structured_data
    adapter.card = card


def extend_seo(model: type[models.Model], builder: Builder) -> None:
    """Add what *builder* returns to the structured data of another app's *model*."""
    adapter = _seo.setdefault(model, SeoAdapter())
    if builder not in adapter.extensions:
        adapter.extensions.append(builder)


def seo_adapter(obj: Any) -> SeoAdapter | None:
    """The adapter of *obj*'s model, or None for objects no app described."""
    model = getattr(getattr(obj, "_meta", None), "concrete_model", None)
    return _seo.get(model)
