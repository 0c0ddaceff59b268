"""`manage.py activity_report --quarter 2026-Q4 [--format docx|xlsx] --output FILE`: the
quarterly activity report for the editorial council (`ldld_wagtail.reports.activity`)."""

from django.core.management.base import BaseCommand, CommandError

from ldld_wagtail.reports import activity, activity_files, quota


class Command(BaseCommand):
    help = "The quarter's activity report (items, timings, take-downs) as DOCX or XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--quarter", required=True, help="YYYY-Qn, e.g. 2026-Q4")
        parser.add_argument("--format", choices=sorted(activity_files.WRITERS), default="docx")
        parser.add_argument("--output", required=True, help="the file to write")

    def handle(self, *args, quarter, format, output, **options):
        try:
            period = quota.Quarter.parse(quarter)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        data = activity_files.WRITERS[format](activity.build(period))
        with open(output, "wb") as handle:
            handle.write(data)
        self.stderr.write(f"{output}: {len(data)} bytes")
