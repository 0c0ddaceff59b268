"""The database-specific half of the search index (see ldld_wagtail/search.py)."""

from django.db import migrations

POSTGRES_FORWARD = [
    """ALTER TABLE ldld_searchentry ADD COLUMN fvec tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_title_folded), 'A') ||
        setweight(to_tsvector('simple', search_body_folded), 'B')) STORED""",
    """ALTER TABLE ldld_searchentry ADD COLUMN evec tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_title_exact), 'A') ||
        setweight(to_tsvector('simple', search_body_exact), 'B')) STORED""",
    "CREATE INDEX ldld_searchentry_fvec ON ldld_searchentry USING GIN (fvec)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS ldld_searchentry_fvec",
    "ALTER TABLE ldld_searchentry DROP COLUMN IF EXISTS evec",
    "ALTER TABLE ldld_searchentry DROP COLUMN IF EXISTS fvec",
]
SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE ldld_search_fts USING fts5(
        search_title_folded, search_body_folded,
        content='ldld_searchentry', content_rowid='page_id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER ldld_search_ai AFTER INSERT ON ldld_searchentry BEGIN
        INSERT INTO ldld_search_fts(rowid, search_title_folded, search_body_folded)
        VALUES (new.page_id, new.search_title_folded, new.search_body_folded); END""",
    """CREATE TRIGGER ldld_search_ad AFTER DELETE ON ldld_searchentry BEGIN
        INSERT INTO ldld_search_fts(ldld_search_fts, rowid, search_title_folded,
            search_body_folded)
        VALUES ('delete', old.page_id, old.search_title_folded, old.search_body_folded); END""",
    """CREATE TRIGGER ldld_search_au AFTER UPDATE ON ldld_searchentry BEGIN
        INSERT INTO ldld_search_fts(ldld_search_fts, rowid, search_title_folded,
            search_body_folded)
        VALUES ('delete', old.page_id, old.search_title_folded, old.search_body_folded);
        INSERT INTO ldld_search_fts(rowid, search_title_folded, search_body_folded)
        VALUES (new.page_id, new.search_title_folded, new.search_body_folded); END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS ldld_search_au",
    "DROP TRIGGER IF EXISTS ldld_search_ad",
    "DROP TRIGGER IF EXISTS ldld_search_ai",
    "DROP TABLE IF EXISTS ldld_search_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("ldld", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        )
    ]
