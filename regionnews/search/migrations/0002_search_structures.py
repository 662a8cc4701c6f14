"""What makes the index fast, per database.

PostgreSQL: `document`, a weighted tsvector generated from the folded words
(title A, then B and C) and the kind, with a GIN index, and a trigram GIN index on `names`
for near misses. The words are folded before they are stored (the same
`fold()` for both databases), so the generated column needs no unaccent and
`to_tsvector('simple', ...)` over them is immutable.

SQLite: an FTS5 table over the same columns (its own copy of the text is not
kept: `content=` reads it from the entries), with diacritics removed by the
tokenizer and prefix indexes for the prefix queries search runs; triggers keep
it in step with every insert, update and delete of an entry.
"""

from django.db import migrations

POSTGRESQL = [
    """
    ALTER TABLE search_searchentry ADD COLUMN document tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig,
            a_cs || ' ' || a_en || ' ' || a_de || ' ' || a_any), 'A')
        || setweight(to_tsvector('simple'::regconfig, b), 'B')
        || setweight(to_tsvector('simple'::regconfig, c), 'C')
        -- The kind as a lexeme no word can be ("§articles"): the GIN index
        -- then finds one kind's matches without visiting the others'.
        || ('''' || '§' || kind || '''')::tsvector
    ) STORED
    """,
    "CREATE INDEX search_entry_document ON search_searchentry USING gin (document)",
    # Rows of a few hundred bytes, the texts in TOAST: reading the matches of
    # a common word from the heap stays cheap.
    "ALTER TABLE search_searchentry SET (toast_tuple_target = 128)",
    "CREATE INDEX search_entry_names_trgm ON search_searchentry"
    " USING gin (names gin_trgm_ops)",
]
POSTGRESQL_REVERSE = [
    "DROP INDEX IF EXISTS search_entry_names_trgm",
    "DROP INDEX IF EXISTS search_entry_document",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document",
]

# The kind too, as a column a query names ("kind : articles"), so that one
# kind's matches are found without joining the others'.
COLUMNS = "a_cs, a_en, a_de, a_any, b, c, kind"
NEW = "new.a_cs, new.a_en, new.a_de, new.a_any, new.b, new.c, new.kind"
OLD = "old.a_cs, old.a_en, old.a_de, old.a_any, old.b, old.c, old.kind"
SQLITE = [
    f"""
    CREATE VIRTUAL TABLE search_entry_fts USING fts5(
        {COLUMNS},
        content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
    )
    """,
    f"""
    CREATE TRIGGER search_entry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW});
    END
    """,
    f"""
    CREATE TRIGGER search_entry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, {OLD});
    END
    """,
    f"""
    CREATE TRIGGER search_entry_fts_update AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_entry_fts(search_entry_fts, rowid, {COLUMNS})
        VALUES ('delete', old.id, {OLD});
        INSERT INTO search_entry_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW});
    END
    """,
    # Entries written before the triggers (none on a new database).
    "INSERT INTO search_entry_fts(search_entry_fts) VALUES ('rebuild')",
]
SQLITE_REVERSE = [
    "DROP TRIGGER IF EXISTS search_entry_fts_update",
    "DROP TRIGGER IF EXISTS search_entry_fts_delete",
    "DROP TRIGGER IF EXISTS search_entry_fts_insert",
    "DROP TABLE IF EXISTS search_entry_fts",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements.get(vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_search_entry"),
        # pg_trgm for the trigram index.
        ("delegations", "0004_search_extensions"),
    ]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        )
    ]
