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

from django.db import connection, transaction

from regionnews.core.languages import language_codes

from .text import ParsedQuery

# How many matches of one kind are ranked and can be paged through.
CANDIDATES = 300
# How many of the newest entries of a kind the first plan on PostgreSQL reads.
RECENT = 2000

# The bonus (PostgreSQL) or the bm25 weight (SQLite) of a title match in the
# reader's language, beside the other title columns.
READERS_TITLE_BONUS = 0.5
TITLE_WEIGHT, READERS_TITLE_WEIGHT, B_WEIGHT, C_WEIGHT = 10.0, 20.0, 4.0, 1.0


@dataclass(frozen=True)
class Candidates:
    """Matching records of one kind: {object id: rank}, whether there are
    more, and where the next call starts (the last one's date and id)."""

    ranks: dict[int, float]
    capped: bool
    last: tuple = ()


def _tsquery(prefixes) -> str:
    """`'word':* | 'stem':*`: the words are runs of letters and digits already
    (`parse_query`), so quoting them leaves nothing for tsquery syntax."""
    return " | ".join(
        "'{}':*".format(p.replace("\\", "\\\\").replace("'", "''")) for p in prefixes
    )


_OLDER = "AND (e.date, e.object_id) < (%s, %s)"


def _postgresql(kind, query, language, limit, near_misses, before, *, everything):
    """The candidates query; the newest `RECENT` entries only unless *everything*."""
    conditions, params = [], []
    if everything:
        conditions.append("e.document @@ %s::tsquery")
        params.append(f"'§{kind}'")
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
    newest = "ORDER BY e.date DESC, e.object_id DESC"
    if everything:
        # `kind || ''`: no index on kind to start from, so the GIN index it is.
        source = "search_searchentry e WHERE e.kind || '' = %s AND"
    else:
        older = _OLDER if before else ""
        source = f"""(SELECT * FROM search_searchentry e WHERE e.kind = %s
                      {older} {newest} LIMIT {RECENT}) e WHERE"""
    source_params = [kind, *before] if not everything else [kind]
    if before and everything:
        conditions.append(_OLDER.removeprefix("AND "))
        params.extend(before)
    if everything:
        flag, flag_params = "(SELECT false AS more) flag", []
    else:
        # Whether the kind has entries beyond the window (always one row). The
        # order keeps it on the index: unordered, PostgreSQL scans the table
        # past every other kind's rows to find the first RECENT of this one.
        flag = f"""(SELECT count(*) > {RECENT} AS more FROM (
            SELECT 1 FROM search_searchentry e WHERE e.kind = %s {older}
            {newest} LIMIT {RECENT + 1}) w) flag"""
        flag_params = [kind, *before]
    sql = f"""
        SELECT m.object_id, m.date,
               ts_rank(m.document, q.query, 32)
               + CASE WHEN to_tsvector('simple', m.{title}) @@ q.query
                      THEN {READERS_TITLE_BONUS} ELSE 0 END
               + word_similarity(%s, m.names),
               flag.more
        FROM {flag} LEFT JOIN (
            SELECT e.object_id, e.date, e.document, e.{title}, e.names FROM {source}
            {" AND ".join(conditions)} {newest} LIMIT %s
        ) m ON true CROSS JOIN to_tsquery('simple', %s) AS q(query)
        ORDER BY m.date DESC, m.object_id DESC
    """  # noqa: S608 - only column names and numbers from code are formatted in
    every = _tsquery(query.all_prefixes)
    terms = " ".join(query.terms)
    return sql, [terms, *flag_params, *source_params, *params, limit, every]


_HOLD_TO_BITMAPS = """SELECT current_setting('enable_seqscan'),
    current_setting('enable_indexscan'), set_config('enable_seqscan', 'off', true),
    set_config('enable_indexscan', 'off', true)"""
_RESTORE = """SELECT set_config('enable_seqscan', %s, true),
    set_config('enable_indexscan', %s, true)"""


def _run_postgresql(kind, query, language, limit, near_misses, before) -> list:
    """Two plans, each cheap where the other is not.

    A common word ("ambassador" in half the archive) is found fastest by
    walking the entries newest first until enough match: that is tried on the
    newest `RECENT` entries. A rarer word would make that walk read the whole
    archive (each entry's document from TOAST), so when the newest entries do
    not give enough, the GIN index finds every match and only those are read,
    a plan the planner is held to (its estimates for prefix queries are poor).
    """
    with connection.cursor() as cursor:
        sql, params = _postgresql(
            kind, query, language, limit, near_misses, before, everything=False
        )
        cursor.execute(sql, params)
        fetched = cursor.fetchall()
        rows = [row[:3] for row in fetched if row[0] is not None]
        if len(rows) >= limit or not fetched[0][3]:
            return rows
        sql, params = _postgresql(
            kind, query, language, limit, near_misses, before, everything=True
        )
        with transaction.atomic():
            cursor.execute(_HOLD_TO_BITMAPS)
            previous = cursor.fetchone()
            cursor.execute(sql, params)
            rows = [row[:3] for row in cursor.fetchall() if row[0] is not None]
            cursor.execute(_RESTORE, previous[:2])
        return rows


def _match_expression(query: ParsedQuery) -> str:
    """`("kazachstanu"* OR "kazachstan"*) AND ("plzn"*)` for FTS5."""
    groups = []
    for group in query.alternatives:
        quoted = ['"{}"*'.format(p.replace('"', '""')) for p in group]
        groups.append("(" + " OR ".join(quoted) + ")")
    return " AND ".join(groups)


def _run_sqlite(kind, query, language, limit, near_misses, before) -> list:
    weights = [
        READERS_TITLE_WEIGHT if code == language else TITLE_WEIGHT
        for code in language_codes()
    ] + [TITLE_WEIGHT, B_WEIGHT, C_WEIGHT, 0.0]
    sql = f"""
        SELECT e.object_id, e.date,
               -bm25(search_entry_fts, {", ".join(map(str, weights))})
        FROM search_entry_fts JOIN search_searchentry e ON e.id = search_entry_fts.rowid
        WHERE search_entry_fts MATCH %s AND e.kind = %s {_OLDER if before else ""}
        ORDER BY e.date DESC, e.object_id DESC
        LIMIT %s
    """  # noqa: S608 - only numbers from code are formatted in
    with connection.cursor() as cursor:
        match = f'kind : "{kind}" AND {_match_expression(query)}'
        cursor.execute(sql, [match, kind, *before, limit])
        return cursor.fetchall()


def candidates(
    kind: str,
    query: ParsedQuery,
    language: str,
    *,
    limit: int = CANDIDATES,
    near_misses: bool = False,
    before: tuple = (),
) -> Candidates:
    """The newest *limit* records of *kind* matching *query*, with their rank.

    *near_misses*: on PostgreSQL a word also matches a name that is close to
    it by trigrams (for people, organisations and countries; an article's or
    a visit's title words match as on SQLite, by their beginnings only).
    *before*: the `last` of an earlier call, for the next older ones.
    """
    run = _run_postgresql if connection.vendor == "postgresql" else _run_sqlite
    rows = run(kind, query, language, limit + 1, near_misses, tuple(before))
    kept = rows[:limit]
    return Candidates(
        ranks={object_id: rank for object_id, _date, rank in kept},
        capped=len(rows) > limit,
        last=(kept[-1][1], kept[-1][0]) if kept else (),
    )
