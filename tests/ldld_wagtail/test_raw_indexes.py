"""The plugin's raw indexes on Wagtail's page table: a missing one is reported by the database
check and recreated by `migrate`."""

import io

import pytest
from django.core import checks
from django.core.management import call_command
from django.db import connection

from ldld_wagtail.raw_indexes import TABLE, missing_indexes, page_indexes

pytestmark = pytest.mark.django_db


def present():
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, TABLE))


def test_migrations_create_every_index():
    assert set(page_indexes(connection.vendor)) <= present()
    assert missing_indexes(connection) == []


@pytest.mark.parametrize("name", sorted(page_indexes("sqlite")))
def test_a_dropped_index_is_reported_and_comes_back_with_migrate(name):
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX {name}")
    assert name not in present()
    warnings = checks.run_checks(tags=[checks.Tags.database], databases=["default"])
    assert [w.id for w in warnings if name in w.msg] == ["ldld.W001"]

    out = io.StringIO()
    call_command("migrate", verbosity=1, stdout=out)
    assert name in present()
    assert name in out.getvalue()
    assert not [w for w in checks.run_checks(databases=["default"]) if w.id == "ldld.W001"]
