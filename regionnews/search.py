"""Search across articles, visits, people and organisations.

One selector per content type, each starting from that model's own visibility
method (`Article.objects.published()`, `Visit/Person/Organisation.objects.
visible_to(user)`) and only narrowing it, so search never shows more than the
pages it links to; `search()` runs all four for the results page.

How a query matches, on both databases:
- The text is folded (lower case, accents removed) and split into words; every
  word must match (AND). "Spotak" finds "Špoták", "skoda" finds "Škoda".
- Czech inflects names, and PostgreSQL has no Czech stemmer, so each word also
  matches through a few prefixes: the word itself and its stem without a case
  ending ("Kazachstánu" -> "kazachstan", "Plzni" -> "plzn", "plzen", "Praze" ->
  "prah"). A word matches a text when one of them begins a word of the text.
- Every language's text matches; the reader's language ranks higher. Titles
  are shown in the reader's language (modeltranslation's fallback order), as
  on the page they link to; a snippet comes from the first language in that
  order whose text matches, marked with its `lang`, so it shows why.

PostgreSQL: full-text search over `unaccent`ed columns with the "simple"
configuration (title A, lead/purpose B, body/outcome C; other languages one
weight lower), ranked by `ts_rank` plus trigram word similarity of the query
to the title, which also finds near misses ("Dyusenbayev") as a fallback.

SQLite (development): the same folding, registered as a Python SQL function,
and substring matching of the same prefixes (so "stan" also finds
"Kazachstán"); a crude rank from which fields matched; no typo tolerance.

Neither keeps an index: the documents are computed per query, which is fine
for a region's few thousand records. A stored tsvector column with a GIN index
would be the next step (a migration, and an immutable unaccent wrapper).

This module is the database side; folding, the Czech prefixes, parsing the
query and highlighting matches need no database and live in
`regionnews.search_text`.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    Func,
    Model,
    OuterRef,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import Contains
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from articles.models import Article
from delegations.models import Country, Organisation, Person, Visit, is_staff
from regionnews.search_text import (
    ParsedQuery,
    excerpt,
    fold,
    highlight,
    parse_query,
)
from regionnews.text import language_codes

PER_PAGE = 20
# word_similarity() of the query to a title that counts as a match by itself;
# 0.6 lets one wrong or missing letter through in a longer name, not "škola"
# for "škoda" (0.5).
TRIGRAM_THRESHOLD = 0.6


# ---------------------------------------------------------------------------
# The database side


class Fold(Func):
    """SQL for `fold()`: lower(unaccent()) on PostgreSQL, the Python one on SQLite."""

    output_field = TextField()
    sqlite_function = "regionnews_fold"

    def as_postgresql(self, compiler, connection, **extra_context):
        template = "lower(unaccent((%(expressions)s)::text))"
        return self.as_sql(compiler, connection, template=template, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler, connection, function=self.sqlite_function, **extra_context
        )


def _register_sqlite_fold() -> None:
    """Give this thread's SQLite connection the `regionnews_fold` function.

    Cheap and idempotent, so it runs before every SQLite search rather than
    from a signal that a connection opened earlier would have missed.
    """
    connection.ensure_connection()
    connection.connection.create_function(
        Fold.sqlite_function, 1, fold, deterministic=True
    )


@dataclass(frozen=True)
class Column:
    """A searched column: its path, its weight, and whether it has languages."""

    path: str
    weight: str
    translated: bool = True

    def paths(self, language: str) -> list[tuple[str, bool]]:
        """(column, is the reader's language) for every language stored."""
        if not self.translated:
            return [(self.path, True)]
        return [(f"{self.path}_{code}", code == language) for code in language_codes()]


# The weight of a column in another language than the reader's.
_LOWER_WEIGHT = {"A": "B", "B": "C", "C": "D", "D": "D"}
# SQLite's stand-in for ts_rank's default weights (D, C, B, A = 0.1 ... 1.0).
_WEIGHT_VALUE = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}


def _joined(paths: Sequence[str]) -> Func:
    """The columns as one text, separated by spaces, NULL read as empty.

    A flat `a || ' ' || b || ...`: Concat() nests a function call per column,
    which overflows SQLite's parser stack for an article's nine columns.
    """
    parts = []
    for path in paths:
        if parts:
            parts.append(Value(" "))
        parts.append(Coalesce(F(path), Value(""), output_field=TextField()))
    return Func(
        *parts,
        template="(%(expressions)s)",
        arg_joiner=" || ",
        output_field=TextField(),
    )


def _ranked_postgresql(queryset, columns, query, language) -> QuerySet:
    """Full text: each word must begin a word of the text or be near a title word.

    The trigram fallback is per word, so a misspelt name still matches and a
    query of two words still needs both.
    """
    vector = None
    for column in columns:
        for path, own in column.paths(language):
            weight = column.weight if own else _LOWER_WEIGHT[column.weight]
            part = SearchVector(Fold(F(path)), config="simple", weight=weight)
            vector = part if vector is None else vector + part
    title_text = Fold(_joined([path for path, _own in columns[0].paths(language)]))

    def tsquery(text: str) -> SearchQuery:
        return SearchQuery(Fold(Value(text)), config="simple", search_type="raw")

    aliases, condition = {"search_document": vector}, Q()
    for n, (term, term_tsquery) in enumerate(
        zip(query.terms, query.term_tsqueries, strict=True)
    ):
        aliases[f"search_similarity_{n}"] = TrigramWordSimilarity(
            Fold(Value(term)), title_text
        )
        condition &= Q(search_document=tsquery(term_tsquery)) | Q(
            **{f"search_similarity_{n}__gte": TRIGRAM_THRESHOLD}
        )
    rank = SearchRank(
        vector, tsquery(query.any_tsquery), normalization=32
    ) + TrigramWordSimilarity(Fold(Value(" ".join(query.terms))), title_text)
    return queryset.alias(**aliases).filter(condition).annotate(search_rank=rank)


def _ranked_sqlite(queryset, columns, query, language) -> QuerySet:
    """Each word's prefixes as substrings of the folded text; rank by field."""
    _register_sqlite_fold()
    every_path = [path for column in columns for path, _own in column.paths(language)]
    document = Fold(_joined(every_path))
    condition = Q()
    for group in query.alternatives:
        condition &= Q.create(
            [Contains(document, prefix) for prefix in group], connector=Q.OR
        )
    rank = Value(0.0)
    for column in columns:
        for own in (True, False):
            paths = [path for path, is_own in column.paths(language) if is_own == own]
            if not paths:
                continue
            weight = column.weight if own else _LOWER_WEIGHT[column.weight]
            text = Fold(_joined(paths))
            matches = Q.create(
                [Contains(text, prefix) for prefix in query.all_prefixes],
                connector=Q.OR,
            )
            rank = rank + Case(
                When(matches, then=Value(_WEIGHT_VALUE[weight])),
                default=Value(0.0),
                output_field=FloatField(),
            )
    return queryset.filter(condition).annotate(search_rank=rank)


def _ranked(
    queryset: QuerySet,
    columns: Sequence[Column],
    query: ParsedQuery,
    language: str,
) -> QuerySet:
    """*queryset* narrowed to what matches *query*, annotated with `search_rank`.

    The first of *columns* is the title (or name), compared by trigrams.
    """
    if connection.vendor == "postgresql":
        return _ranked_postgresql(queryset, columns, query, language)
    return _ranked_sqlite(queryset, columns, query, language)


ARTICLE_COLUMNS = (Column("title", "A"), Column("lead", "B"), Column("body", "C"))
VISIT_COLUMNS = (
    Column("title", "A"),
    Column("purpose", "B"),
    Column("country__name", "B"),
    Column("outcome", "C"),
)
PERSON_COLUMNS = (
    Column("name", "A", translated=False),
    Column("title", "B"),
    Column("country__name", "C"),
)
ORGANISATION_COLUMNS = (
    Column("name", "A"),
    Column("city", "B"),
    Column("description", "C"),
)


def search_articles(query: ParsedQuery, *, user, language: str) -> QuerySet[Article]:
    """Published articles matching *query*, best first, then newest.

    Published ones for staff too: drafts have no page to link to. *user* is
    accepted so that every selector is called the same way.
    """
    return _ranked(
        Article.objects.published(),
        ARTICLE_COLUMNS,
        query,
        language,
    ).order_by("-search_rank", "-published_at", "-pk")


def search_visits(query: ParsedQuery, *, user, language: str) -> QuerySet[Visit]:
    """Visits *user* may see (internal ones for staff) matching *query*.

    Internal notes are never searched, not even for staff: a hit would show a
    snippet of them next to the public text.
    """
    visits = Visit.objects.visible_to(user).select_related("country")
    return _ranked(visits, VISIT_COLUMNS, query, language).order_by(
        "-search_rank", "-start_date", "-pk"
    )


def _marked_public(queryset: QuerySet, public: QuerySet, user) -> QuerySet:
    """Staff see everyone; mark who the public would see, by the model's rule."""
    if not is_staff(user):
        return queryset
    return queryset.annotate(search_public=Exists(public.filter(pk=OuterRef("pk"))))


def search_people(query: ParsedQuery, *, user, language: str) -> QuerySet[Person]:
    """People *user* may see whose name, current title or country matches."""
    people = _marked_public(
        Person.objects.visible_to(user).select_related("country"),
        Person.objects.public(),
        user,
    )
    return _ranked(people, PERSON_COLUMNS, query, language).order_by(
        "-search_rank", "name", "pk"
    )


def search_organisations(
    query: ParsedQuery, *, user, language: str
) -> QuerySet[Organisation]:
    """Organisations *user* may see whose name, city or description matches."""
    organisations = _marked_public(
        Organisation.objects.visible_to(user).select_related("country"),
        Organisation.objects.public(),
        user,
    )
    return _ranked(organisations, ORGANISATION_COLUMNS, query, language).order_by(
        "-search_rank", f"name_{language}", "pk"
    )


# ---------------------------------------------------------------------------
# Results: typed hits with highlighted title and snippet


def _languages(language: str) -> list[str]:
    """The reader's language, then modeltranslation's fallbacks."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"]
    return list(dict.fromkeys([language, *fallbacks]))


def _in_language(
    texts: Callable[[str], str],
    language: str,
    query: ParsedQuery | None = None,
) -> tuple[str, str | None]:
    """(text, its language): the first filled one in fallback order.

    With *query*, the first that matches it comes first, so that a snippet
    shows why a record was found even when only another language matched.
    """
    filled = [(texts(code), code) for code in _languages(language)]
    filled = [(text, code) for text, code in filled if text.strip()]
    if query is not None:
        for text, code in filled:
            if query.pattern.search(fold(text)):
                return text, code
    return filled[0] if filled else ("", None)


class ResultKind(StrEnum):
    ARTICLES = "articles"
    VISITS = "visits"
    PEOPLE = "people"
    ORGANISATIONS = "organisations"

    @property
    def label(self) -> str:
        return {
            "articles": _("Articles"),
            "visits": _("Visits"),
            "people": _("People"),
            "organisations": _("Organisations"),
        }[self.value]


@dataclass(frozen=True)
class SearchHit:
    """One result as the page shows it, whatever its type."""

    kind: ResultKind
    obj: Model
    url: str
    title: str
    title_html: SafeString
    title_language: str | None
    snippet_html: SafeString
    snippet_language: str | None
    date: datetime.date | None = None
    end_date: datetime.date | None = None
    country: Country | None = None
    internal: bool = False


def _text(obj: Model, *fields: str) -> Callable[[str], str]:
    """A function of the language giving *fields* of *obj* as plain text."""

    def texts(code: str) -> str:
        values = (getattr(obj, f"{name}_{code}", "") or "" for name in fields)
        return " ".join(html.unescape(strip_tags(value)) for value in values)

    return texts


# Per type: the field that titles a hit, and the fields its snippet comes from.
_TITLE_FIELD = {
    ResultKind.ARTICLES: "title",
    ResultKind.VISITS: "title",
    ResultKind.ORGANISATIONS: "name",
}
_SNIPPET_FIELDS = {
    ResultKind.ARTICLES: ("lead", "body"),
    ResultKind.VISITS: ("purpose", "outcome"),
    ResultKind.PEOPLE: ("title",),
    ResultKind.ORGANISATIONS: ("description",),
}


def _hit(kind: ResultKind, obj: Model, query: ParsedQuery, language: str) -> SearchHit:
    """The hit for *obj*: texts in the reader's language, matches highlighted."""
    if kind == ResultKind.PEOPLE:
        # A name has no language; the titles around it are the reader's.
        title, title_language = obj.full_name, None
    else:
        # The title the linked page shows, whichever language matched.
        title, title_language = _in_language(_text(obj, _TITLE_FIELD[kind]), language)
    snippet, snippet_language = _in_language(
        _text(obj, *_SNIPPET_FIELDS[kind]), language, query
    )
    if kind == ResultKind.ARTICLES:
        extra = {"date": obj.published_at}
    elif kind == ResultKind.VISITS:
        extra = {
            "date": obj.start_date,
            "end_date": obj.end_date,
            "country": obj.country,
            "internal": not obj.is_public,
        }
    else:
        # `search_public` is only there for staff; the public sees public ones.
        extra = {
            "country": obj.country,
            "internal": not getattr(obj, "search_public", True),
        }
    return SearchHit(
        kind=kind,
        obj=obj,
        url=obj.get_absolute_url(),
        title=title,
        title_html=highlight(title, query),
        title_language=title_language,
        snippet_html=highlight(excerpt(snippet, query), query),
        snippet_language=snippet_language,
        **extra,
    )


SELECTORS: dict[ResultKind, Callable[..., QuerySet]] = {
    ResultKind.ARTICLES: search_articles,
    ResultKind.VISITS: search_visits,
    ResultKind.PEOPLE: search_people,
    ResultKind.ORGANISATIONS: search_organisations,
}


@dataclass(frozen=True)
class ResultGroup:
    """The results of one type: how many match, and the hits on this page."""

    kind: ResultKind
    count: int
    hits: list[SearchHit]
    page: Page | None = None

    @property
    def label(self) -> str:
        return self.kind.label

    @property
    def has_more(self) -> bool:
        return self.count > len(self.hits)


@dataclass(frozen=True)
class SearchResults:
    query: ParsedQuery
    groups: list[ResultGroup]
    kind: ResultKind | None = None

    @property
    def total(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def shown_groups(self) -> list[ResultGroup]:
        """The chosen type's group, or every group that has hits."""
        if self.kind:
            return [group for group in self.groups if group.kind == self.kind]
        return [group for group in self.groups if group.hits]


def search(
    query: str | ParsedQuery,
    *,
    user,
    language: str,
    kind: ResultKind | str | None = None,
    page: int | str | None = 1,
    per_page: int = PER_PAGE,
) -> SearchResults:
    """Everything *user* may see that matches *query*, grouped by type.

    Without *kind*: the first *per_page* hits of every type and each type's
    count. With *kind*: every type's count, and page *page* of that type alone
    (a bad page number gives the nearest page, as elsewhere on the site).
    Raises `InvalidQuery` for a query that `parse_query()` refuses.
    """
    if isinstance(query, str):
        query = parse_query(query)
    if language not in language_codes():
        language = settings.LANGUAGE_CODE
    kind = ResultKind(kind) if kind else None
    groups = []
    for group_kind, selector in SELECTORS.items():
        matches = selector(query, user=user, language=language)
        if kind is not None and group_kind != kind:
            groups.append(ResultGroup(group_kind, matches.count(), []))
            continue
        page_obj = Paginator(matches, per_page).get_page(page if kind else 1)
        hits = [_hit(group_kind, obj, query, language) for obj in page_obj]
        groups.append(ResultGroup(group_kind, page_obj.paginator.count, hits, page_obj))
    return SearchResults(query, groups, kind)
