"""The results page's data: typed hits with highlighted title and snippet.

Which kinds of records there are, and how each is searched and shown, comes
from the adapters the content apps register (`regionnews.core.adapters`);
`search()` runs each of them and groups what it finds.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Model
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.safestring import SafeString

from regionnews.core.adapters import SearchAdapter, search_adapters
from regionnews.core.languages import fallback_languages, language_codes
from regionnews.core.text import fold

from .backends import CANDIDATES, candidates
from .index import plain_text
from .text import ParsedQuery, excerpt, highlight, parse_query

PER_PAGE = 20
# Hits of each type on the page of all types, each with a link to all of it.
PREVIEW = 5
# How many times search asks the index for older matches when the newest
# ones are hidden from the reader, and how many shown are enough not to ask:
# beyond them the page says "more than N" either way.
ROUNDS = 3
ENOUGH = CANDIDATES // 2


def _in_language(
    texts: Callable[[str], str],
    language: str,
    query: ParsedQuery | None = None,
) -> tuple[str, str | None]:
    """(text, its language): the first filled one in fallback order.

    With *query*, the first that matches it comes first, so that a snippet
    shows why a record was found even when only another language matched.
    """
    filled = [(texts(code), code) for code in fallback_languages(language)]
    filled = [(text, code) for text, code in filled if text.strip()]
    if query is not None:
        for text, code in filled:
            if query.pattern.search(fold(text)):
                return text, code
    return filled[0] if filled else ("", None)


@dataclass(frozen=True)
class SearchHit:
    """One result as the page shows it, whatever its type."""

    kind: str
    obj: Model
    url: str
    title: str
    title_html: SafeString
    title_language: str | None
    snippet_html: SafeString
    snippet_language: str | None
    date: datetime.date | None = None
    end_date: datetime.date | None = None
    country: Model | None = None
    internal: bool = False

    @property
    def card_template(self) -> str:
        """The template of the line under the title (search/cards/<kind>.html)."""
        return f"search/cards/{self.kind}.html"


def _text(obj: Model, *fields: str) -> Callable[[str], str]:
    """A function of the language giving *fields* of *obj* as plain text."""

    def texts(code: str) -> str:
        values = (getattr(obj, f"{name}_{code}", "") or "" for name in fields)
        return " ".join(plain_text(value) for value in values)

    return texts


def _hit(
    adapter: SearchAdapter, obj: Model, query: ParsedQuery, language: str
) -> SearchHit:
    """The hit for *obj*: texts in the reader's language, matches highlighted."""
    if adapter.title is not None:
        # A name has no language; the titles around it are the reader's.
        title, title_language = adapter.title(obj), None
    else:
        # The title the linked page shows, whichever language matched.
        title, title_language = _in_language(_text(obj, adapter.title_field), language)
    snippet, snippet_language = _in_language(
        _text(obj, *adapter.snippet_fields), language, query
    )
    return SearchHit(
        kind=adapter.kind,
        obj=obj,
        url=obj.get_absolute_url(),
        title=title,
        title_html=highlight(title, query),
        title_language=title_language,
        snippet_html=highlight(excerpt(snippet, query), query),
        snippet_language=snippet_language,
        **adapter.details(obj),
    )


def _one_of(pks: list):
    """*pks* for `pk__in` as one parameter: an array on PostgreSQL, a JSON list
    on SQLite (hundreds of parameters cost more to prepare and send than the
    query costs to run)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", (pks,))
    if connection.vendor == "sqlite":
        return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(pks),))
    return pks


# Above every object id: `(date, LAST_ID)` starts a walk at *date*, inclusive.
LAST_ID = 2**63 - 1


def _start(adapter: SearchAdapter) -> tuple:
    """Where the newest-first walk of the index starts: now, for a kind that
    no one sees before its date (the model's visibility still decides)."""
    if not adapter.shown_from_date:
        return ()
    return (connection.ops.adapt_datetimefield_value(timezone.now()), LAST_ID)


def matches(
    adapter: SearchAdapter,
    query: ParsedQuery,
    *,
    user,
    language: str,
    enough: int = ENOUGH,
    shown=None,
) -> tuple[list, bool]:
    """The primary keys of *adapter*'s records that *user* may see matching
    *query*, best first, and whether there were more than search ranks.

    The index finds the newest matches (`candidates`); the model's own
    visibility method decides what of them is shown. When fewer than *enough*
    of them are shown (scheduled articles are the newest of all), older ones
    are asked for, a few times at most. Equal ranks keep the adapter's order.
    *shown*: `adapter.queryset(user)` when the caller has built it already.
    """
    ranks, visible, before, capped = {}, [], _start(adapter), False
    if shown is None:
        shown = adapter.queryset(user)
    for _round in range(ROUNDS):
        found = candidates(
            adapter.kind,
            query,
            language,
            limit=CANDIDATES,
            near_misses=adapter.near_misses,
            before=before,
        )
        if found.ranks:
            ranks.update(found.ranks)
            visible.extend(
                shown.filter(pk__in=_one_of(list(found.ranks)))
                .order_by(*adapter.ordering(language))
                .values_list("pk", flat=True)
            )
        capped, before = found.capped, found.last
        if not capped or len(visible) >= min(enough, CANDIDATES):
            break
    visible.sort(key=lambda pk: -ranks[pk])
    return visible[:CANDIDATES], capped or len(visible) > CANDIDATES


@dataclass(frozen=True)
class ResultGroup:
    """The results of one type: how many match, and the hits on this page.

    `capped`: more match than search ranks (`CANDIDATES`); `count` is then the
    number that can be paged through, and the page says "more than".
    """

    kind: str
    label: str
    count: int
    hits: list[SearchHit]
    page: Page | None = None
    capped: bool = False

    @property
    def has_more(self) -> bool:
        return self.count > len(self.hits)


@dataclass(frozen=True)
class SearchResults:
    query: ParsedQuery
    groups: list[ResultGroup]
    kind: str | None = None

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def capped(self) -> bool:
        return any(group.capped for group in self.groups)

    @property
    def shown_groups(self) -> list[ResultGroup]:
        """The chosen type's group, or every group that has hits."""
        if self.kind:
            return [group for group in self.groups if group.kind == self.kind]
        return [group for group in self.groups if group.hits]


def _page_number(page) -> int:
    """*page* as a number from 1 (anything else: 1, as `get_page` reads it)."""
    try:
        return max(1, int(page))
    except (TypeError, ValueError):
        return 1


def result_kinds() -> list[tuple[str, str]]:
    """(kind, label) of every kind of record the search covers."""
    return [(adapter.kind, adapter.label) for adapter in search_adapters()]


def search(
    query: str | ParsedQuery,
    *,
    user,
    language: str,
    kind: str | None = None,
    page: int | str | None = 1,
    per_page: int = PER_PAGE,
    preview: int = PREVIEW,
) -> SearchResults:
    """Everything *user* may see that matches *query*, grouped by type.

    Without *kind*: the first *preview* hits of every type and each type's
    count. With *kind*: every type's count, and page *page* of that type alone
    (a bad page number gives the nearest page, as elsewhere on the site).
    Raises `InvalidQuery` for a query that `parse_query()` refuses.
    """
    if isinstance(query, str):
        query = parse_query(query)
    if language not in language_codes():
        language = settings.LANGUAGE_CODE
    kind = kind or None
    groups = []
    for adapter in search_adapters():
        enough = ENOUGH
        if kind == adapter.kind:  # the pages of one kind: as far as this page
            enough = max(enough, _page_number(page) * per_page)
        # Built once: for people and organisations it is a few EXISTS clauses.
        shown = adapter.queryset(user)
        found, capped = matches(
            adapter, query, user=user, language=language, enough=enough, shown=shown
        )
        if kind is not None and adapter.kind != kind:
            groups.append(
                ResultGroup(adapter.kind, adapter.label, len(found), [], None, capped)
            )
            continue
        if kind is None:
            page_obj = Paginator(found, preview).get_page(1)
        else:
            page_obj = Paginator(found, per_page).get_page(page)
        objects = shown.in_bulk(list(page_obj))
        hits = [
            _hit(adapter, objects[pk], query, language)
            for pk in page_obj
            if pk in objects
        ]
        groups.append(
            ResultGroup(
                adapter.kind,
                adapter.label,
                page_obj.paginator.count,
                hits,
                page_obj,
                capped,
            )
        )
    return SearchResults(query, groups, kind)
