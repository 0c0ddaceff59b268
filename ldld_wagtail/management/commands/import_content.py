"""`manage.py import_content FILE.jsonl [--dry-run] [--skip-invalid]`: a legacy portal's news
items and articles (`ldld_wagtail.importing`)."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ldld_wagtail import importing


class Command(BaseCommand):
    help = "Import news items and articles from a JSON Lines file (one item per line)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the good lines despite bad ones"
        )

    def handle(self, *args, file, dry_run, skip_invalid, **options):
        started = time.monotonic()
        last = {"shown": 0.0}

        def progress(done, total):
            now = time.monotonic()
            if total >= 200 and (now - last["shown"] > 1 or done == total):
                last["shown"] = now
                width = 30
                filled = width * done // total
                self.stderr.write(
                    f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
                )
                if done == total:
                    self.stderr.write("")

        try:
            summary = importing.run(file, dry_run, skip_invalid, progress)
        except FileNotFoundError:
            raise CommandError(_("No such file: %s") % file) from None
        for problem in summary.problems:
            self.stderr.write(str(problem))
        seconds = time.monotonic() - started
        self.stdout.write(
            _(
                "%(created)d created, %(updated)d updated, %(unchanged)d unchanged, "
                "%(skipped)d skipped (%(seconds).1f s)"
            )
            % {**summary.__dict__, "seconds": seconds}
            + (_(" — dry run, nothing written") if dry_run else "")
        )
        if summary.problems and not skip_invalid and not dry_run:
            raise CommandError(
                _("%(n)d bad lines: nothing was imported (use --skip-invalid to import the rest)")
                % {"n": len(summary.problems)}
            )
