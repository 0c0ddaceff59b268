"""`python manage.py import_schedule FILE --week YYYY-MM-DD [--parent PATH] [--user NAME]`

Reads the office's weekly schedule (Word .docx or Excel .xlsx; a PDF is attached only) and
saves it as a new draft of that week under the schedule index: the week's page is created, or
its entries replaced. Nothing is published. Prints the rows it read and the problem rows. A file
it cannot read stops with an error and changes nothing in the database.
"""

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from ... import importing, weeks
from ...models import WEEKDAYS, Part, ScheduleIndexPage


class Command(BaseCommand):
    help = "Import a weekly work schedule (Word or Excel file) as a draft of that week."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .docx, .xlsx or .pdf file")
        parser.add_argument(
            "--week", required=True, help="the week's Monday, YYYY-MM-DD (or DD/MM/YYYY)"
        )
        parser.add_argument(
            "--parent",
            help="URL path of the schedule index page (e.g. /lich-cong-tac/), if there are several",
        )
        parser.add_argument("--user", help="username recorded as the author of the draft")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self.run(options)

    def run(self, options):
        monday = self.monday(options["week"])
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot open the file %(name)s: %(error)s")
                % {"name": path, "error": error.strerror}
            ) from error
        index = self.index(options.get("parent"))
        user = self.user(options.get("user"))
        try:
            schedule = importing.read_schedule(data, path.name, monday)
        except importing.UnreadableFile as error:
            raise CommandError(str(error)) from error
        self.report(schedule)
        with transaction.atomic():
            week, _revision, created = weeks.save_import(
                schedule, data, path.name, user, index=index
            )
        if created:
            message = _("New draft week “%(title)s” (page %(id)d): not published.")
        else:
            message = _("New draft of “%(title)s” (page %(id)d): not published.")
        self.stdout.write(self.style.SUCCESS(message % {"title": week.title, "id": week.pk}))

    def monday(self, text: str) -> datetime.date:
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                day = datetime.datetime.strptime(text, pattern).date()
                break
            except ValueError:
                continue
        else:
            raise CommandError(_("--week must be a date, YYYY-MM-DD: “%(text)s”.") % {"text": text})
        if day.weekday() != 0:
            raise CommandError(
                _("--week must be a Monday: %(date)s is a %(weekday)s.")
                % {"date": f"{day:%d/%m/%Y}", "weekday": WEEKDAYS[day.weekday()]}
            )
        return day

    def index(self, parent: str | None) -> ScheduleIndexPage:
        indexes = list(weeks.schedule_indexes())
        if parent:
            wanted = "/" + parent.strip("/") + "/"
            matches = [i for i in indexes if i.url_path.endswith(wanted) or i.url == wanted]
            if len(matches) != 1:
                raise CommandError(
                    _("No single schedule index page at %(path)s. There are: %(paths)s")
                    % {"path": parent, "paths": self.paths(indexes)}
                )
            return matches[0]
        if len(indexes) == 1:
            return indexes[0]
        if not indexes:
            raise CommandError(_("There is no schedule index page to import into."))
        raise CommandError(
            _("There are several schedule index pages: choose one with --parent (%(paths)s).")
            % {"paths": self.paths(indexes)}
        )

    @staticmethod
    def paths(indexes) -> str:
        return ", ".join(i.url or i.url_path for i in indexes)

    def user(self, username: str | None):
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(_("No user named %(name)s.") % {"name": username}) from error

    def report(self, schedule):
        parts = dict(Part.choices)
        if schedule.kind == importing.PDF:
            self.stdout.write(_("PDF file: attached to the week, no rows read."))
            return
        self.stdout.write(
            _("Read %(where)s: %(rows)d rows, %(skipped)d rows left out.")
            % {
                "where": schedule.where,
                "rows": len(schedule.rows),
                "skipped": len([p for p in schedule.problems if p.skipped]),
            }
        )
        for row in schedule.rows:
            when = f"{row.time:%H:%M}" if row.time else str(parts.get(row.part, "–"))
            extra = " · ".join(x for x in (row.leader, row.participants, row.location) if x)
            self.stdout.write(
                f"  {row.number:>3}  {WEEKDAYS[row.day.weekday()]} {row.day:%d/%m}  {when:<8} "
                f"{' '.join(row.content.split())}" + (f"  [{extra}]" if extra else "")
            )
        for problem in schedule.problems:
            mark = "!" if problem.skipped else "~"
            self.stderr.write(f"  {mark} {_('Row')} {problem.number}: {problem.reason}")
