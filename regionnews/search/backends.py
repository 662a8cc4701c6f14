"""Search across articles, visits, people and organisations: the database side.

What is searched is the stored index (`regionnews.search.models.SearchEntry`):
one entry per record, its text folded (lower case, accents removed) and split
into words before it is stored, the same way on both databases, so both index
the same words. This module asks the index which records match and how well;
`regionnews.search.results` then narrows that to what the reader may see with
the model's own visibility method, so search never shows more than the pages
it links to.

How a query matches, on both databases:
- The query is folded and split the same way; every word must match (AND).
  "Spotak" finds "Špoták", "skoda" finds "Škoda".
- Czech inflects names, so each word also matches through a few prefixes: the
  word itself and its stem without a case ending ("Kazachstánu" ->
  "kazachstan", "Plzni" -> "plzn", "plzen", "Praze" -> "prah"). A word matches
  a text when one of them begins a word of the text (never the middle of one).
- Every language's text matches; the reader's language ranks higher.

PostgreSQL: the entry's generated `document` (title words weight A, then B
and C) with a GIN index, queried with `'prefix':*` lexemes; ranked by
`ts_rank`, a bonus when the title in the reader's language matches, and the
trigram word similarity of the query to the names. For names (people,
organisations, countries) a word also matches through trigrams, which finds
near misses ("Dyusenbayev") with a trigram GIN index; nothing else differs
between the databases (tests/regionnews/search/test_parity.py).

SQLite: an FTS5 table over the same columns (prefix queries `"prefix"*`),
ranked by bm25 with the title in the reader's language weighed most. No typo
tolerance.

At scale a common word matches most of the archive, and ranking every match
would cost as much as the archive is large. So the index is asked for at most
`CANDIDATES` matches, the newest first (an index walk on PostgreSQL), and only
those are ranked: the page costs the same at 1,000 and at 100,000 records,
and counts come from the same single scan, shown as "more than" when it hits
the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from regionnews.core.languages import language_codes

from .text import ParsedQuery

# How many matches of one kind are ranked and can be paged through.
CANDIDATES = 1000

# The bonus (PostgreSQL) or the bm25 weight (SQLite) of a title match in the
# reader's language, beside the other title columns.
READERS_TITLE_BONUS = 0.5
TITLE_WEIGHT, READERS_TITLE_WEIGHT, B_WEIGHT, C_WEIGHT = 10.0, 20.0, 4.0, 1.0


@dataclass(frozen=True)
class Candidates:
    """Matching records of one kind: {object id: rank}, and whether capped."""

    ranks: dict[int, float]
    capped: bool


def _tsquery(prefixes) -> str:
    """`'word':* | 'stem':*`: the words are runs of letters and digits already
    (`parse_query`), so quoting them leaves nothing for tsquery syntax."""
    return " | ".join(
        "'{}':*".format(p.replace("\\", "\\\\").replace("'", "''")) for p in prefixes
    )


def _postgresql(kind, query, language, limit, near_misses):
    conditions, params = [], []
    for term, group in zip(query.terms, query.alternatives, strict=True):
        if near_misses:
            conditions.append(
                "(e.document @@ to_tsquery('simple', %s) OR %s <%% e.names)"
            )
            params.extend([_tsquery(group), term])
        else:
            conditions.append("e.document @@ to_tsquery('simple', %s)")
            params.append(_tsquery(group))
    title = f"a_{language}" if language in language_codes() else "a_any"
    every = _tsquery(query.all_prefixes)
    sql = f"""
        SELECT m.object_id,
               ts_rank(m.document, q.query, 32)
               + CASE WHEN to_tsvector('simple', m.{title}) @@ q.query
                      THEN {READERS_TITLE_BONUS} ELSE 0 END
               + word_similarity(%s, m.names)
        FROM (
            SELECT e.object_id, e.document, e.{title}, e.names
            FROM search_searchentry e
            WHERE e.kind = %s AND {" AND ".join(conditions)}
            ORDER BY e.date DESC, e.object_id DESC
            LIMIT %s
        ) m, to_tsquery('simple', %s) AS q(query)
    """  # noqa: S608 - only column names from code are formatted in
    return sql, [" ".join(query.terms), kind, *params, limit, every]


def _match_expression(query: ParsedQuery) -> str:
    """`("kazachstanu"* OR "kazachstan"*) AND ("plzn"*)` for FTS5."""
    groups = []
    for group in query.alternatives:
        quoted = ['"{}"*'.format(p.replace('"', '""')) for p in group]
        groups.append("(" + " OR ".join(quoted) + ")")
    return " AND ".join(groups)


def _sqlite(kind, query, language, limit, near_misses):
    weights = [
        READERS_TITLE_WEIGHT if code == language else TITLE_WEIGHT
        for code in language_codes()
    ] + [TITLE_WEIGHT, B_WEIGHT, C_WEIGHT]
    sql = f"""
        SELECT e.object_id, -bm25(search_entry_fts, {", ".join(map(str, weights))})
        FROM search_entry_fts JOIN search_searchentry e ON e.id = search_entry_fts.rowid
        WHERE search_entry_fts MATCH %s AND e.kind = %s
        ORDER BY e.date DESC, e.object_id DESC
        LIMIT %s
    """  # noqa: S608 - only numbers from code are formatted in
    return sql, [_match_expression(query), kind, limit]


def candidates(
    kind: str,
    query: ParsedQuery,
    language: str,
    *,
    limit: int = CANDIDATES,
    near_misses: bool = False,
) -> Candidates:
    """The newest *limit* records of *kind* matching *query*, with their rank.

    *near_misses*: on PostgreSQL a word also matches a name that is close to
    it by trigrams (for people, organisations and countries; an article's or
    a visit's title words match as on SQLite, by their beginnings only).
    """
    build = _postgresql if connection.vendor == "postgresql" else _sqlite
    sql, params = build(kind, query, language, limit + 1, near_misses)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return Candidates(
        ranks=dict(rows[:limit]),
        capped=len(rows) > limit,
    )
