"""Search across articles, visits, people and organisations.

Each content app's adapter starts from that model's own visibility method
(`Article.objects.published()`, `Visit/Person/Organisation.objects.
visible_to(user)`) and this module only narrows it, so search never shows more
than the pages it links to.

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
`regionnews.search.text`; which records are searched, in which columns, is
what each content app registers (`regionnews.core.adapters.SearchAdapter`),
and `regionnews.search.results` puts the results page together.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import Contains

from regionnews.core.adapters import SearchColumn
from regionnews.core.text import fold

from .text import ParsedQuery

# word_similarity() of the query to a title that counts as a match by itself;
# 0.6 lets one wrong or missing letter through in a longer name, not "škola"
# for "škoda" (0.5).
TRIGRAM_THRESHOLD = 0.6


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


class PrefixSearchQuery(SearchQuery):
    """`to_tsquery('simple', '<word folded in SQL>':*)`, the word always quoted.

    The word is folded by the database (as the documents are) and only then
    quoted as a tsquery lexeme, in SQL: whatever `unaccent` turns a character
    into (U+02D0 "ː" becomes ":"), it stays inside the quotes, so no input
    becomes tsquery syntax. A word that folds to no lexeme matches nothing.
    """

    # Inside a quoted tsquery lexeme, a backslash and a quote are escaped.
    QUOTED = (
        r"('''' || replace(replace(%(expressions)s, '\', '\\'), '''', '''''')"
        r" || ''':*')"
    )

    def __init__(self, word: str):
        quoted = Func(Fold(Value(word)), template=self.QUOTED, output_field=TextField())
        super().__init__(quoted, config="simple", search_type="raw")


def any_prefix(prefixes: Sequence[str]) -> SearchQuery:
    """A tsquery matching a text with a word that begins with one of *prefixes*."""
    queries = [PrefixSearchQuery(prefix) for prefix in prefixes]
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined


def _register_sqlite_fold() -> None:
    """Give this thread's SQLite connection the `regionnews_fold` function.

    Cheap and idempotent, so it runs before every SQLite search rather than
    from a signal that a connection opened earlier would have missed.
    """
    connection.ensure_connection()
    connection.connection.create_function(
        Fold.sqlite_function, 1, fold, deterministic=True
    )


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

    aliases, condition = {"search_document": vector}, Q()
    for n, (term, group) in enumerate(
        zip(query.terms, query.alternatives, strict=True)
    ):
        aliases[f"search_similarity_{n}"] = TrigramWordSimilarity(
            Fold(Value(term)), title_text
        )
        condition &= Q(search_document=any_prefix(group)) | Q(
            **{f"search_similarity_{n}__gte": TRIGRAM_THRESHOLD}
        )
    rank = SearchRank(
        vector, any_prefix(query.all_prefixes), normalization=32
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


def ranked(
    queryset: QuerySet,
    columns: Sequence[SearchColumn],
    query: ParsedQuery,
    language: str,
) -> QuerySet:
    """*queryset* narrowed to what matches *query*, annotated with `search_rank`.

    The first of *columns* is the title (or name), compared by trigrams.
    """
    if connection.vendor == "postgresql":
        return _ranked_postgresql(queryset, columns, query, language)
    return _ranked_sqlite(queryset, columns, query, language)
