from django.core.management.base import BaseCommand, CommandError

from ldld_wagtail.profile import SCHEMA_FILE
from ldld_wagtail.profile_schema import json_schema_text


class Command(BaseCommand):
    help = (
        "Write the federation profiles' JSON Schema (ldld_wagtail/profiles/profile.schema.json) "
        "from the profile reader's models, for editors' completion and checks. With --check, "
        "write nothing and fail when the committed file differs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="fail if the committed schema is out of date"
        )

    def handle(self, *args, check, **options):
        text = json_schema_text()
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else None
        if current == text:
            self.stdout.write(f"{SCHEMA_FILE} is up to date.")
        elif check:
            raise CommandError(
                f"{SCHEMA_FILE} is out of date: run `python manage.py profile_schema`."
            )
        else:
            SCHEMA_FILE.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {SCHEMA_FILE}.")
