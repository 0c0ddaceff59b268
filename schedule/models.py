"""Lịch công tác tuần: the leaders' weekly work schedule, posted by the clerk.

A week is a page under the schedule index. The clerk types its entries in the editor, or
imports them from the office's Word or Excel file (`importing`, `weeks`, the admin views and
the `import_schedule` command), which becomes the week's downloadable original file. Each week
has a print view (`in/`) and an iCalendar file (`ics/`); the index has a calendar feed of the
recent and coming weeks (`ics/`).
"""

import datetime

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page

from ldld_wagtail.listing import ListingPageMixin
from ldld_wagtail.visibility import live_public

from . import ics
from .importing import AFTERNOON, ALL_DAY, EVENING, LIMITS, MORNING, WEEKDAYS

__all__ = ["WEEKDAYS", "ScheduleIndexPage", "WeeklySchedulePage", "ScheduleEntry", "Part"]

# Weeks of the index's calendar feed: this many weeks back, and every week posted ahead.
FEED_WEEKS_BACK = 8


def this_monday() -> datetime.date:
    today = timezone.localdate()
    return today - datetime.timedelta(days=today.weekday())


def _entries():
    return Prefetch("entries", queryset=ScheduleEntry.objects.order_by("sort_order", "pk"))


class ScheduleIndexPage(ListingPageMixin, RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["schedule.WeeklySchedulePage"]
    listing_per_page = 20

    class Meta:
        verbose_name = _("work schedule")

    def weeks(self):
        return live_public(WeeklySchedulePage.objects.child_of(self))

    def get_listing_queryset(self, request):
        return self.weeks().order_by("-week_start")

    def current_week(self):
        return self.weeks().filter(week_start__lte=this_monday()).order_by("-week_start").first()

    def next_week(self):
        """A week posted ahead (the clerk posts next week's schedule on Friday)."""
        return self.weeks().filter(week_start__gt=this_monday()).order_by("week_start").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["current"] = self.current_week()
        context["coming"] = self.next_week()
        return context

    def feed_weeks(self):
        start = this_monday() - datetime.timedelta(weeks=FEED_WEEKS_BACK)
        return (
            self.weeks()
            .filter(week_start__gte=start)
            .order_by("week_start")
            .prefetch_related(_entries())
        )

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("ics/")
    def calendar_feed(self, request):
        """The leadership's schedule as a calendar to subscribe to: the last weeks and every
        week posted ahead, live and public ones only."""
        return ics.response(
            ics.calendar_for(list(self.feed_weeks()), name=self.title, request=request),
            filename=f"{self.slug}.ics",
            attachment=False,
        )


class WeeklySchedulePage(RoutablePageMixin, Page):
    week_start = models.DateField(_("week starting (Monday)"))
    note = models.TextField(_("note"), blank=True)
    original_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("original file (Word, Excel, PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("week_start"),
        FieldPanel("original_file"),
        FieldPanel("note"),
        InlinePanel("entries", label=_("Schedule")),
    ]

    api_fields = ["week_start", "note", "entries", "original_file"]

    parent_page_types = ["schedule.ScheduleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("weekly work schedule")
        verbose_name_plural = _("weekly work schedule")

    def clean(self):
        super().clean()
        if self.week_start and self.week_start.weekday() != 0:
            from django.core.exceptions import ValidationError

            raise ValidationError({"week_start": _("The week must start on a Monday.")})

    @property
    def week_end(self):
        return self.week_start + datetime.timedelta(days=6)

    def days(self):
        """Entries grouped by day, Monday first, with the Vietnamese weekday name; in a day,
        by time (an entry without one at the start of its part of the day), then as entered."""
        by_day: dict = {}
        for entry in sorted(self.entries.all(), key=ScheduleEntry.sort_key):
            by_day.setdefault(entry.day, []).append(entry)
        return [(day, WEEKDAYS[day.weekday()], entries) for day, entries in by_day.items()]

    def _sibling_weeks(self):
        return live_public(WeeklySchedulePage.objects.sibling_of(self, inclusive=False)).filter(
            locale_id=self.locale_id
        )

    def previous_week(self):
        return (
            self._sibling_weeks()
            .filter(week_start__lt=self.week_start)
            .order_by("-week_start")
            .only("title", "url_path", "path", "depth", "locale", "week_start")
            .first()
        )

    def next_week(self):
        return (
            self._sibling_weeks()
            .filter(week_start__gt=self.week_start)
            .order_by("week_start")
            .only("title", "url_path", "path", "depth", "locale", "week_start")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk and self.live:
            context["previous_week"] = self.previous_week()
            context["next_week"] = self.next_week()
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("in/")
    def print_view(self, request):
        """The week as the office prints it: one table, a day's cell over its rows."""
        return self.render(request, template="schedule/weekly_schedule_print.html")

    @path("ics/")
    def calendar_file(self, request):
        """This week's entries as an iCalendar file (the live version only: a draft's route is
        not served)."""
        return ics.response(
            ics.calendar_for([self], name=self.title, request=request),
            filename=f"lich-cong-tac-{self.week_start:%Y-%m-%d}.ics",
            attachment=True,
        )


class Part(models.TextChoices):
    MORNING = MORNING, _("Morning")
    AFTERNOON = AFTERNOON, _("Afternoon")
    EVENING = EVENING, _("Evening")
    ALL_DAY = ALL_DAY, _("All day")


# Where an entry without a time sorts in its day.
_PART_ORDER = {
    ALL_DAY: datetime.time(0, 0),
    MORNING: datetime.time(7, 0),
    AFTERNOON: datetime.time(13, 0),
    EVENING: datetime.time(18, 0),
}


class ScheduleEntry(Orderable):
    page = ParentalKey(WeeklySchedulePage, on_delete=models.CASCADE, related_name="entries")
    day = models.DateField(_("day"))
    time = models.TimeField(_("time"), null=True, blank=True)
    part = models.CharField(
        _("part of the day"),
        max_length=10,
        choices=Part.choices,
        blank=True,
    )
    content = models.TextField(_("body"))
    leader = models.CharField(_("chaired by"), max_length=LIMITS["leader"], blank=True)
    participants = models.CharField(
        _("participants"), max_length=LIMITS["participants"], blank=True
    )
    location = models.CharField(_("place"), max_length=LIMITS["location"], blank=True)

    panels = [
        FieldRowPanel([FieldPanel("day"), FieldPanel("time"), FieldPanel("part")]),
        FieldPanel("content"),
        FieldPanel("leader"),
        FieldPanel("participants"),
        FieldPanel("location"),
    ]

    api_fields = ["day", "time", "part", "content", "leader", "participants", "location"]

    class Meta(Orderable.Meta):
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entry")

    def sort_key(self):
        at = self.time or _PART_ORDER.get(self.part, datetime.time(0, 0))
        return (self.day, at, self.sort_order if self.sort_order is not None else 0)

    @property
    def when(self) -> str:
        """The time as the schedule prints it: "07:30", "Sáng", "Cả ngày" or ""."""
        if self.time:
            return f"{self.time:%H:%M}"
        return str(self.get_part_display()) if self.part else ""
