"""An index for listings of a section's newest pages.

Listings filter pages by tree depth and order them by publication time; without this index
every listing page sorted all of a column's items (tens of milliseconds at 10 000 items). The
index belongs to Wagtail's page table, so it is created here with plain SQL that both SQLite
and PostgreSQL accept.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("ldld", "0002_search_index"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS ldld_page_depth_published "
            "ON wagtailcore_page (depth, first_published_at, id, live, path)",
            "DROP INDEX IF EXISTS ldld_page_depth_published",
        )
    ]
