"""Lịch công tác tuần: the leaders' weekly work schedule, posted by the clerk."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page

from ldld_wagtail.listing import ListingPageMixin
from ldld_wagtail.visibility import live_public

WEEKDAYS = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]


class ScheduleIndexPage(ListingPageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["schedule.WeeklySchedulePage"]
    listing_per_page = 20

    class Meta:
        verbose_name = _("work schedule")

    def get_listing_queryset(self, request):
        return live_public(WeeklySchedulePage.objects.child_of(self)).order_by("-week_start")

    def current_week(self):
        monday = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
        return (
            live_public(WeeklySchedulePage.objects.child_of(self))
            .filter(week_start__lte=monday)
            .order_by("-week_start")
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["current"] = self.current_week()
        return context


class WeeklySchedulePage(Page):
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
        """Entries grouped by day, Monday first, with the Vietnamese weekday name."""
        by_day: dict = {}
        for entry in sorted(self.entries.all(), key=lambda e: (e.day, e.time or datetime.time())):
            by_day.setdefault(entry.day, []).append(entry)
        return [(day, WEEKDAYS[day.weekday()], entries) for day, entries in by_day.items()]


class ScheduleEntry(Orderable):
    page = ParentalKey(WeeklySchedulePage, on_delete=models.CASCADE, related_name="entries")
    day = models.DateField(_("day"))
    time = models.TimeField(_("time"), null=True, blank=True)
    content = models.TextField(_("body"))
    leader = models.CharField(_("chaired by"), max_length=200, blank=True)
    participants = models.CharField(_("participants"), max_length=255, blank=True)
    location = models.CharField(_("place"), max_length=200, blank=True)

    panels = [
        FieldPanel("day"),
        FieldPanel("time"),
        FieldPanel("content"),
        FieldPanel("leader"),
        FieldPanel("participants"),
        FieldPanel("location"),
    ]

    api_fields = ["day", "time", "content", "leader", "participants", "location"]

    class Meta(Orderable.Meta):
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entry")
