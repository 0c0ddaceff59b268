"""`manage.py quota_report --quarter 2017-Q1 [--format csv|xlsx|docx] [--output FILE]`: the
quarter's quota table (`ldld_wagtail.reports.quota`); CSV on standard output by default."""

from django.core.management.base import BaseCommand, CommandError

from ldld_wagtail.reports import files, quota


class Command(BaseCommand):
    help = "The quarter's quota table (items per unit, shortfalls), as CSV, XLSX or DOCX."

    def add_arguments(self, parser):
        parser.add_argument("--quarter", required=True, help="YYYY-Qn, e.g. 2017-Q1")
        parser.add_argument("--format", choices=files.FORMATS, default="csv")
        parser.add_argument("--output", help="a file to write (standard output for CSV)")

    def handle(self, *args, quarter, format, output, **options):
        try:
            period = quota.Quarter.parse(quarter)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        data = files.WRITERS[format](quota.build(period))
        if output:
            with open(output, "wb") as handle:
                handle.write(data)
            self.stderr.write(f"{output}: {len(data)} bytes")
        elif format == "csv":
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            raise CommandError("--output is required for XLSX and DOCX")
