"""The plugin's own data: the federation's units (with their history) and the search index."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class UnitKind(models.TextChoices):
    DEPARTMENT = "department", _("Department")
    OFFICE = "office", _("Office")
    COMMITTEE = "committee", _("Committee")
    DISTRICT = "district", _("District federation")
    SECTOR = "sector", _("Sector union")
    AFFILIATE = "affiliate", _("Affiliated unit")


class UnitQuerySet(models.QuerySet):
    def active_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=day),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=day),
        )


class Unit(ClusterableModel):
    """A department, committee, district federation or sector union.

    Units are never deleted: a unit that is renamed keeps its former names, and one that is
    merged or retired gets `valid_until` and, when merged, a `successor`, so that items and past
    reports keep the unit as it was.
    """

    code = models.SlugField(_("unit code"), max_length=40, unique=True)
    name = models.CharField(_("unit name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("belongs to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("active from"), null=True, blank=True)
    valid_until = models.DateField(
        _("active until"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the unit is active."),
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)

    objects = UnitQuerySet.as_manager()

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("valid_from"),
        FieldPanel("valid_until"),
        FieldPanel("successor"),
        FieldPanel("sort_order"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("address"),
        InlinePanel("former_names", label=_("Former names")),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("unit")

    def __str__(self):
        return self.name

    def is_active_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def name_on(self, day) -> str:
        """The name the unit bore on `day` (reports for past quarters use it)."""
        for former in sorted(self.former_names.all(), key=lambda f: f.used_until):
            if day <= former.used_until:
                return former.name
        return self.name


class UnitFormerName(Orderable):
    unit = ParentalKey(Unit, on_delete=models.CASCADE, related_name="former_names")
    name = models.CharField(_("former name"), max_length=255)
    used_until = models.DateField(_("used until"))

    panels = [FieldPanel("name"), FieldPanel("used_until")]

    class Meta(Orderable.Meta):
        verbose_name = _("former name")
        verbose_name_plural = _("former name")


class SearchEntry(models.Model):
    """One row per live, public page that readers can search.

    Written when a page is published and removed when it is unpublished, so the search never
    sees a draft. The folded columns carry the accent-free words used for matching; the exact
    columns keep the accents so that a query typed with accents ranks exact words first. On
    PostgreSQL a generated tsvector column with a GIN index covers the folded text; on SQLite an
    FTS5 table does (both created in this app's migrations).
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    language = models.CharField(max_length=10, db_index=True)
    section = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    url_path = models.CharField(max_length=512)
    published_at = models.DateTimeField(null=True, db_index=True)
    search_title_folded = models.TextField(blank=True)
    search_body_folded = models.TextField(blank=True)
    search_title_exact = models.TextField(blank=True)
    search_body_exact = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entry")

    def __str__(self):
        return self.title
