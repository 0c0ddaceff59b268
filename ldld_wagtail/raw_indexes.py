"""The plugin's indexes on Wagtail's page table, kept in place.

Migrations `ldld.0003`, `0006` and `0007` add indexes to `wagtailcore_page` with plain SQL
(listings and the API's catalog read their ids from them). Django's model state does not know
them, so on SQLite a later Wagtail migration that alters the page table rebuilds it and drops
them without a word. A database check (run by `migrate` and `check --database default`)
reports a missing one, and every `migrate` recreates what is missing.
"""

from django.core import checks
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.recorder import MigrationRecorder

TABLE = "wagtailcore_page"
# The migration after which these indexes exist.
SINCE = ("ldld", "0007_page_type_published_index")


def page_indexes(vendor: str) -> dict[str, str]:
    """Index name → column list, as the migrations create them on this database."""
    postgres = vendor == "postgresql"
    published = "first_published_at DESC NULLS LAST" if postgres else "first_published_at"
    pk = "id DESC" if postgres else "id"
    return {
        "ldld_page_depth_published": "depth, first_published_at, id, live, path, content_type_id",
        "ldld_page_type_published": f"content_type_id, {published}, {pk}, live, path, depth",
        "ldld_page_published": f"{published}, {pk}, live, path, depth, content_type_id",
    }


def _expected(connection) -> bool:
    recorder = MigrationRecorder(connection)
    return recorder.has_table() and SINCE in recorder.applied_migrations()


def missing_indexes(connection) -> list[str]:
    if not _expected(connection):
        return []
    with connection.cursor() as cursor:
        present = connection.introspection.get_constraints(cursor, TABLE)
    return [name for name in page_indexes(connection.vendor) if name not in present]


def ensure_indexes(using=DEFAULT_DB_ALIAS) -> list[str]:
    """Create the missing indexes; return their names."""
    connection = connections[using]
    missing = missing_indexes(connection)
    columns = page_indexes(connection.vendor)
    with connection.cursor() as cursor:
        for name in missing:
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} ({columns[name]})")
    return missing


def recreate_after_migrate(sender, using=DEFAULT_DB_ALIAS, verbosity=1, stdout=None, **kwargs):
    created = ensure_indexes(using)
    if created and verbosity and stdout is not None:
        stdout.write(f"  ldld: recreated the page indexes {', '.join(created)}\n")


@checks.register(checks.Tags.database)
def check_page_indexes(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in databases or []:
        for name in missing_indexes(connections[alias]):
            errors.append(
                checks.Warning(
                    f"The index {name} on {TABLE} is missing (a migration rebuilt the table?).",
                    hint="Run `manage.py migrate`: it recreates the portal's page indexes.",
                    id="ldld.W001",
                )
            )
    return errors
