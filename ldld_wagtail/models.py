"""The plugin's own data: the federation's units (with their history) and the search index."""

from django.contrib import admin
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

# The workflow's task models live beside the workflow logic; they are this app's models too.
from .workflows import (  # noqa: F401
    ApprovalTask,
    PublishTask,
    PublishTaskState,
    RouteTask,
    RouteTaskState,
)


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
        return self.active_between(day, day)

    def active_between(self, first, last):
        """Units that existed on some day of [first, last] (a report's period)."""
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=last),
            models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=first),
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


# --- what a profile declares besides units -----------------------------------------------------


HONORIFICS = {"anh", "chị", "ông", "bà", "cô", "chú", "bác", "em"}


class AskerName(models.TextChoices):
    """How the name of a member who asked a question is shown on the published question."""

    FULL = "full", _("full name")
    INITIALS = "initials", _("initials")
    GIVEN_NAME = "given_name", _("given name only")

    @staticmethod
    def shown(full_name: str, policy: str) -> str:
        """`full_name` as `policy` shows it: "Nguyễn Thị Lan" is "Nguyễn Thị Lan", "N.T.L."
        or "Lan" (a Vietnamese given name is the last word). A form of address the asker
        wrote first ("Chị Nguyễn Thị Lan") is kept: "Chị N.T.L.", "Chị Lan"."""
        words = full_name.split()
        title = []
        if len(words) > 1 and words[0].lower() in HONORIFICS:
            title, words = [words[0].capitalize()], words[1:]
        if not words:
            return ""
        if policy == AskerName.INITIALS:
            words = ["".join(f"{w[0].upper()}." for w in words)]
        elif policy != AskerName.FULL:
            words = words[-1:]
        return " ".join(title + words)


class RoyaltySplit(models.TextChoices):
    """How the authors of one item share its royalty."""

    EQUAL = "equal", _("in equal parts")
    LEAD = "lead", _("the first-named author receives it all")


class Federation(models.Model):
    """The federation a profile describes, with its working calendar.

    One row per profile applied (normally one). `setup_portal` writes it; the deadline helper
    and the reports read the calendar from here.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    office_hours = models.JSONField(
        _("office hours"), default=list, help_text=_('For example [["07:30", "11:30"]].')
    )
    workdays = models.JSONField(_("working weekdays"), default=list)
    timezone = models.CharField(_("time zone"), max_length=60, default="Asia/Ho_Chi_Minh")
    publish_within = models.DurationField(
        _("publish within (working time)"),
        help_text=_("How long the web admin has to publish an approved item."),
    )
    reminder_before = models.DurationField(_("remind this long before the deadline"))
    question_topics = models.JSONField(
        _("question topics"), default=list, blank=True, help_text=_("What members may ask about.")
    )
    asker_name = models.CharField(
        _("asker's name shown as"),
        max_length=20,
        choices=AskerName.choices,
        default=AskerName.GIVEN_NAME,
    )
    asker_unit_shown = models.BooleanField(_("asker's unit shown"), default=True)
    royalty_split = models.CharField(
        _("several authors share"),
        max_length=10,
        choices=RoyaltySplit.choices,
        default=RoyaltySplit.EQUAL,
    )
    royalty_item_photos = models.BooleanField(
        _("photos in items earn the photo rate"),
        default=False,
        help_text=_("Each activity photo of a published item earns the photo rate for its credit."),
    )

    class Meta:
        verbose_name = _("federation")
        verbose_name_plural = _("federation")

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        return cls.objects.order_by("pk").first()

    def calendar(self):
        from .calendar import WorkingCalendar

        days = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
        return WorkingCalendar(
            office_hours=tuple((_time(start), _time(end)) for start, end in self.office_hours),
            workdays=frozenset(days[d] for d in self.workdays),
            holidays=frozenset(self.holidays.values_list("date", flat=True)),
            timezone=self.timezone,
        )


def _time(text):
    import datetime

    return datetime.time.fromisoformat(text)


class Holiday(models.Model):
    federation = models.ForeignKey(Federation, on_delete=models.CASCADE, related_name="holidays")
    date = models.DateField(_("date"))

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["federation", "date"], name="ldld_holiday_unique")
        ]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self):
        return str(self.date)


class EditorialField(models.Model):
    """A field (*lĩnh vực*) the secretary routes items to; a deputy head's group owns it."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=255)
    owner = models.ForeignKey(
        "auth.Group",
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="editorial_fields",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self):
        return self.name


class PortalRole(models.Model):
    """A role of the profile and the group that holds it, with what the role may do anywhere."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="portal_role")
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="roles"
    )
    can_take_down = models.BooleanField(_("can take items down anywhere"), default=False)
    manages_accounts = models.BooleanField(_("manages accounts"), default=False)
    approves_accounts = models.BooleanField(_("approves accounts"), default=False)
    urges_publication = models.BooleanField(_("urges timely publication"), default=False)
    leads = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leader_roles",
        verbose_name=_("leads the department"),
    )
    stands_in_for = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="stand_ins",
        verbose_name=_("stands in for"),
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return self.group.name


class Section(models.Model):
    """A place in the page tree with its owner, editors and workflow, as the profile says."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="portal_section"
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="sections"
    )
    field = models.ForeignKey(
        EditorialField, null=True, blank=True, on_delete=models.PROTECT, related_name="sections"
    )
    takedown_groups = models.ManyToManyField(
        "auth.Group", blank=True, related_name="takedown_sections"
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.code


def section_of(page):
    """The portal section (column, sub-site…) the page sits in: its nearest section ancestor."""
    from wagtail.models import Page

    steplen = Page.steplen
    paths = [page.path[:i] for i in range(steplen, len(page.path) + 1, steplen)]
    return (
        Section.objects.filter(page__path__in=paths)
        .select_related("field")
        .order_by("-page__depth")
        .first()
    )


class Quota(models.Model):
    """Items a unit must publish per period, by unit kind, with validity dates."""

    unit_kind = models.CharField(_("unit kind"), max_length=20, choices=UnitKind.choices)
    period = models.CharField(
        _("period"),
        max_length=10,
        choices=[("month", _("month")), ("quarter", _("quarter")), ("year", _("year"))],
    )
    news = models.PositiveIntegerField(_("news items"))
    articles = models.PositiveIntegerField(_("articles"))
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["unit_kind", "valid_from"]
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")

    def __str__(self):
        return f"{self.unit_kind} {self.valid_from}"


class ImportedItem(models.Model):
    """An item brought from a legacy portal (`manage.py import_content`), keyed by its id there:
    importing the same file again changes nothing, a changed line updates its item."""

    external_id = models.CharField(_("id in the legacy portal"), max_length=200, unique=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checksum = models.CharField(max_length=64)
    line = models.PositiveIntegerField(_("line in the last file"), default=0)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")

    def __str__(self):
        return self.external_id


class QuotaRemark(models.Model):
    """The secretary's remark on a unit's line of a quarter's quota table (the Bình Thuận
    table has such remarks: "Có 03 bài đăng trên website Tỉnh ủy …"), kept with the report."""

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.CASCADE)
    quarter = models.CharField(
        _("quarter"),
        max_length=7,
        validators=[RegexValidator(r"^\d{4}-Q[1-4]$", _("Write the quarter as YYYY-Qn."))],
        help_text=_("For example 2017-Q1."),
    )
    text = models.TextField(_("remark"))
    replaces_note = models.BooleanField(
        _("instead of the computed note"),
        default=False,
        help_text=_("Leave unticked to add the remark after the shortfall the report computes."),
    )
    written_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(_("written at"), auto_now=True)

    class Meta:
        ordering = ["-quarter", "unit__sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "quarter"], name="ldld_quota_remark_unique")
        ]
        verbose_name = _("quota report remark")
        verbose_name_plural = _("quota report remarks")

    def __str__(self):
        return f"{self.quarter} {self.unit}"


class RoyaltyRate(models.Model):
    """What one published item of a kind earns, under a decision, between two dates."""

    KINDS = [
        ("tin", _("news item")),
        ("bai", _("article")),
        ("anh", _("photo")),
        ("anh-noi-bat", _("featured photo")),
        ("video", _("video")),
    ]
    kind = models.CharField(_("kind"), max_length=20, choices=KINDS)
    amount = models.PositiveIntegerField(
        _("amount (VND)"), null=True, blank=True, help_text=_("Empty until entered.")
    )
    decision = models.CharField(
        _("decision"), max_length=255, help_text=_("Number and date of the decision setting it.")
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "valid_from"]
        verbose_name = _("royalty rate")
        verbose_name_plural = _("royalty rates")

    def __str__(self):
        return f"{capfirst(self.get_kind_display())} {self.valid_from:%d/%m/%Y}"

    @admin.display(description=_("amount (VND)"), ordering="amount")
    def amount_shown(self) -> str:
        return _money(self.amount)


class RoyaltyFee(models.Model):
    """A fixed monthly fee (*thù lao*) for someone who works on the portal (Quy chế 7.5: "những
    người làm công việc liên quan đến Cổng TTĐT"), paid with the month's royalties."""

    title = models.CharField(
        _("fee"), max_length=255, help_text=_("For example: Thù lao quản trị mạng.")
    )
    person = models.CharField(_("paid to"), max_length=255)
    amount = models.PositiveIntegerField(
        _("amount per month (VND)"), null=True, blank=True, help_text=_("Empty until entered.")
    )
    decision = models.CharField(_("decision"), max_length=255)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    class Meta:
        ordering = ["title", "valid_from"]
        verbose_name = _("monthly fee")
        verbose_name_plural = _("monthly fees")

    def __str__(self):
        return f"{self.title} – {self.person}"

    @admin.display(description=_("amount per month (VND)"), ordering="amount")
    def amount_shown(self) -> str:
        return _money(self.amount)


def _money(amount) -> str:
    """ "1.000.000", or "not entered" """
    return f"{amount:,}".replace(",", ".") if amount is not None else _("not entered")


class RoyaltyMonth(models.Model):
    """A month of royalties as the secretary closed it: the lines as they stood then, so that
    later changes to the items do not change what was paid. Reopening keeps the closed lines
    to show what changed since."""

    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month."))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lines = models.JSONField(_("lines when closed"), default=list, blank=True)
    fees = models.JSONField(_("fees when closed"), default=list, blank=True)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-month"]
        verbose_name = _("royalty month")
        verbose_name_plural = _("royalty months")

    def __str__(self):
        return f"{self.month:%m/%Y}"

    @property
    def closed(self) -> bool:
        return self.closed_at is not None


class RoyaltyAdjustment(models.Model):
    """The secretary's correction of one line of a month's royalties, with the reason."""

    month = models.ForeignKey(RoyaltyMonth, on_delete=models.CASCADE, related_name="adjustments")
    line = models.CharField(_("line"), max_length=120)
    amount = models.PositiveIntegerField(_("amount (VND)"))
    reason = models.TextField(_("reason"))
    by = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("adjusted at"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["month", "line"], name="ldld_royalty_adjustment_unique")
        ]
        verbose_name = _("royalty adjustment")
        verbose_name_plural = _("royalty adjustments")

    def __str__(self):
        return f"{self.month} {self.line}"


def report_storage():
    """Where built report files are kept: the `ldld_reports` storage (a folder or bucket prefix
    that no public URL serves: the files hold names and amounts), else the default storage."""
    from django.conf import settings
    from django.core.files.storage import storages

    return storages["ldld_reports" if "ldld_reports" in settings.STORAGES else "default"]


def _report_path(instance, filename):
    import secrets

    return f"ldld-reports/{instance.period}/{secrets.token_hex(8)}/{filename}"


class ReportFile(models.Model):
    """A report file built by the background worker and kept for download, one per report,
    period, unit and format (a new request rebuilds it in place)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("being built")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    kind = models.CharField(_("report"), max_length=20)
    period = models.CharField(_("period"), max_length=7)
    format = models.CharField(_("format"), max_length=5)
    unit_code = models.CharField(_("unit code"), max_length=40, blank=True, default="")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    token = models.CharField(max_length=32, editable=False)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(
        _("file"), upload_to=_report_path, storage=report_storage, blank=True, max_length=255
    )
    automatic = models.BooleanField(_("prepared automatically"), default=False)
    requested_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "period", "format", "unit_code"], name="ldld_report_file_unique"
            )
        ]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")

    def __str__(self):
        return f"{self.kind} {self.period} {self.format}"


class Withdrawal(models.Model):
    """An item taken down (*gỡ bỏ*): who, when, why; cleared by a restore.

    The syndication feed reads these as tombstones; the page itself and its history are kept.
    """

    REASONS = [
        ("quality", _("Not up to standard")),
        ("accuracy", _("Inaccurate or outdated")),
        ("rights", _("Rights or privacy")),
        ("other", _("Other")),
    ]
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="withdrawals"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    category = models.CharField(_("reason"), max_length=20, choices=REASONS)
    reason = models.TextField(_("explanation"))
    by = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("taken down at"), default=timezone.now, db_index=True)
    restored_at = models.DateTimeField(_("restored at"), null=True, blank=True)
    restored_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("take-down")
        verbose_name_plural = _("take-downs")

    def __str__(self):
        return f"{self.page_id} {self.at:%Y-%m-%d}"


class AccountApproval(models.Model):
    """An account created, reactivated or given other roles by someone whose account changes
    need the head's say (Quy chế 7.6): the account is inactive until the head decides."""

    class Kind(models.TextChoices):
        CREATE = "create", _("new account")
        REACTIVATE = "reactivate", _("reactivation")
        ROLES = "roles", _("change of roles")

    user = models.ForeignKey(
        "auth.User", on_delete=models.CASCADE, related_name="account_approvals"
    )
    kind = models.CharField(_("change"), max_length=12, choices=Kind.choices)
    before = models.JSONField(_("before"), default=dict)  # {"active": bool, "groups": [ids]}
    after = models.JSONField(_("after"), default=dict)
    requested_by = models.ForeignKey(
        "auth.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    approved = models.BooleanField(_("approved"), null=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("account approval")
        verbose_name_plural = _("account approvals")

    def __str__(self):
        return f"{self.user_id} {self.kind}"


class Delegation(models.Model):
    """The head's powers delegated to a stand-in for a period (Quy chế article 6: the standing
    deputy head acts for the head when the head is away). While in force the stand-in holds the
    head's role (its group); it ends by itself (`delegation.sync`, every five minutes)."""

    role = models.ForeignKey(
        PortalRole, on_delete=models.CASCADE, related_name="delegations", verbose_name=_("role")
    )
    to = models.ForeignKey(
        "auth.User", on_delete=models.CASCADE, related_name="+", verbose_name=_("delegated to")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        "auth.User", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # Whether the stand-in is in the role's group because of this delegation (and leaves it
    # when it ends); false while not in force, or when he held the role anyway.
    applied = models.BooleanField(default=False)
    added = models.BooleanField(default=False)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self):
        return f"{self.role_id} → {self.to_id} {self.starts_on}–{self.ends_on}"

    def in_force(self, today) -> bool:
        return self.cancelled_at is None and self.starts_on <= today <= self.ends_on


class Outlet(models.Model):
    """An outside outlet that takes the federation's good items through the syndication feed
    (Quy chế 7.5, 7.6: the national union portal, the provincial portal, *Báo Lao động*).

    `markers` are the roles that may choose items for it (the profile's `[[outlets]]`); anyone
    who may edit an item may propose it. The `national` outlet is the one the item's own
    "send to the national union portal" box marks; the others are marked by `Forwarding` rows.
    Its consumer is the account whose API keys read its feed.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=255)
    national = models.BooleanField(_("the national union portal"), default=False)
    markers = models.ManyToManyField(
        PortalRole, blank=True, related_name="outlets", verbose_name=_("roles that choose items")
    )
    consumer = models.OneToOneField(
        "auth.User",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outlet",
        verbose_name=_("consumer account"),
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("outlet")
        verbose_name_plural = _("outlets")

    def __str__(self):
        return self.name


class Forwarding(models.Model):
    """An item proposed for, chosen for, or withdrawn from an outlet, and when the outlet's
    consumer last pulled it."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="forwardings"
    )
    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="forwardings")
    proposed_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    marked_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(_("chosen at"), null=True, blank=True)
    unmarked_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unmarked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    first_pulled_at = models.DateTimeField(_("first pulled at"), null=True, blank=True)
    last_pulled_at = models.DateTimeField(_("last pulled at"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "outlet"], name="ldld_forwarding_unique")
        ]
        verbose_name = _("forwarding")
        verbose_name_plural = _("forwardings")

    def __str__(self):
        return f"{self.page_id} → {self.outlet_id}"

    @property
    def marked(self) -> bool:
        return self.marked_at is not None and self.unmarked_at is None


class SyndicationChange(models.Model):
    """One change the national portal's feed must report: a marked item published or edited
    (`update`), or taken down, unpublished, unmarked or deleted (`withdrawn`).

    The feed pages through this log by id (`@syndication?since=<cursor>`), so every batch costs
    the same whatever its position. The item's UID and last known URL are kept here so that a
    deleted page can still be reported.
    """

    UPDATE = "update"
    WITHDRAWN = "withdrawn"
    KINDS = [(UPDATE, _("updated")), (WITHDRAWN, _("withdrawn"))]

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uid = models.CharField(_("UID"), max_length=32)
    url = models.CharField(_("URL"), max_length=1000, blank=True)
    kind = models.CharField(_("kind of change"), max_length=10, choices=KINDS)
    reason = models.CharField(_("reason"), max_length=20, blank=True)
    at = models.DateTimeField(_("changed at"), default=timezone.now)
    # The outlet whose feed reports the change; none for the national union portal's (marked by
    # the item's own box), as every change was before outlets were told apart.
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.CASCADE, related_name="changes"
    )

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["uid", "id"], name="ldld_synd_uid_id"),
            models.Index(fields=["outlet", "id"], name="ldld_synd_outlet_id"),
        ]
        verbose_name = _("syndication change")
        verbose_name_plural = _("syndication changes")

    def __str__(self):
        return f"{self.kind} {self.uid} {self.at:%Y-%m-%d %H:%M}"


class WithheldMedia(models.Model):
    """An image or document moved out of public media storage while no public page uses it.

    Written by `ldld_wagtail.withhold` when the page that uses it is unpublished, taken down
    or put under a view restriction; removed when a page using it is public again.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveIntegerField()
    files = models.JSONField(default=list)
    at = models.DateTimeField(_("withheld at"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="ldld_withheld_uniq")
        ]
        verbose_name = _("withheld file")
        verbose_name_plural = _("withheld files")

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"


class LockLease(models.Model):
    """How long a page lock taken through the API lasts (plone.locking's timeout, 10 minutes
    by default): a Plone frontend locks a page while it is edited, and an editor who closes the
    tab must not keep everyone else out. Wagtail's own locks (the admin's) have no lease and
    stay until unlocked. `ldld_wagtail.locks` lets an expired lease's lock go."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="+")
    locked_at = models.DateTimeField()
    timeout = models.PositiveIntegerField()
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("lock lease")
        verbose_name_plural = _("lock leases")

    def __str__(self):
        return f"{self.page_id} {self.user_id} {self.expires_at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """An email owed to one person (`ldld_wagtail.notify`): written in the transaction of what it
    tells (a step reached, an item returned, published or taken down, an account waiting, a
    deadline), so that it exists exactly when that happened; sent by the worker, which marks it
    sent right after the mail server takes it. `key` names the event and the person, so that an
    event told twice (a signal sent again, a job run again after a worker was killed) owes one
    email. A job claims a row before sending (`claimed_at`): a claim older than
    `notify.CLAIM_SECONDS` is taken to be a dead worker's, and the row is sent again.

    An email to someone without an account (the asker of a question) names its `address` and
    carries its `body`, written when it was owed; the site erases both with the asker's other
    contact details."""

    key = models.CharField(_("key"), max_length=200, unique=True)
    user = models.ForeignKey(
        "auth.User", on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    address = models.EmailField(_("email address"), blank=True)
    subject = models.CharField(_("subject"), max_length=255)
    template = models.CharField(_("template"), max_length=200, blank=True)
    context = models.JSONField(_("context"), default=dict, blank=True)
    body = models.TextField(_("body"), blank=True)
    created_at = models.DateTimeField(_("owed since"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return self.key
