"""`manage.py royalty_report --month 2026-11 [--unit CODE] [--format xlsx|csv|docx]
[--output FILE]`: the month's royalties (`ldld_wagtail.reports.royalties`): the list as XLSX or
CSV, or the payment decision draft with the list as DOCX; cut to one unit's authors with
`--unit`. CSV goes to standard output when no file is named."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ldld_wagtail.models import Unit
from ldld_wagtail.reports import royalties, royalty_files
from ldld_wagtail.text import fold


class Command(BaseCommand):
    help = "The month's royalties (items, authors, amounts) as XLSX, CSV or the payment decision."

    def add_arguments(self, parser):
        parser.add_argument("--month", required=True, help="YYYY-MM, e.g. 2026-11")
        parser.add_argument("--unit", help="a unit's code or name: only its authors' lines")
        parser.add_argument("--format", choices=royalty_files.FORMATS, default="xlsx")
        parser.add_argument("--output", help="a file to write (standard output for CSV)")

    def handle(self, *args, month, unit, format, output, **options):
        try:
            period = royalties.Month.parse(month)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        chosen = None
        if unit:
            wanted = fold(unit)
            chosen = next(
                (
                    u
                    for u in Unit.objects.all()
                    if wanted in (fold(u.code), fold(u.name), fold(u.short_name))
                ),
                None,
            )
            if chosen is None:
                raise CommandError(_("No unit has the code or name %r.") % unit)
        report = royalties.build(period, unit=chosen)
        data = royalty_files.WRITERS[format](report)
        if output:
            with open(output, "wb") as handle:
                handle.write(data)
            self.stderr.write(
                _("%(file)s: %(lines)d lines, total %(total)s đồng")
                % {
                    "file": output,
                    "lines": len(report.lines),
                    "total": royalty_files.vnd(report.total),
                }
            )
        elif format == "csv":
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            raise CommandError(_("--output is required for XLSX and DOCX"))
