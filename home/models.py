"""Home page, introduction, organisation, contacts, unit sub-sites and banners."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from ldld_wagtail.blocks import BodyBlock, CaptionedImageBlock
from ldld_wagtail.cache import renews_generation
from ldld_wagtail.home_boxes import home_context
from ldld_wagtail.listing import CachedCountPaginator
from ldld_wagtail.registry import items_under
from ldld_wagtail.search import SearchableMixin
from ldld_wagtail.visibility import live_public

from .directory_export import directory_response

SECTION_PAGES = [
    "home.IntroductionPage",
    "home.OrganisationPage",
    "home.ContactDirectoryPage",
    "home.SubSiteIndexPage",
    "news.TopicColumnPage",
    "news.VideoIndexPage",
    "news.GalleryIndexPage",
    "documents.DocumentIndexPage",
    "documents.DownloadsPage",
    "schedule.ScheduleIndexPage",
    "qa.QAIndexPage",
]


class HomePage(Page):
    tagline = models.CharField(
        _("tagline"),
        max_length=255,
        blank=True,
        help_text=_("Short line under the portal's name."),
    )
    welcome = RichTextField(_("welcome text"), blank=True, features=["bold", "italic", "link"])
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=255,
        blank=True,
        help_text=_("Licence number and the person responsible, shown in the footer."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("tagline"),
        FieldPanel("welcome"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("licence"),
            ],
            heading=_("Footer details"),
        ),
    ]

    api_fields = ["tagline", "welcome", "address", "phone", "email", "licence"]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGES

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self))
        return context


class TimelineEventBlock(blocks.StructBlock):
    year = blocks.CharBlock(label=_("Year"), max_length=20)
    event = blocks.TextBlock(label=_("Event"))


class CongressBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Congress"), help_text=_("Example: the 16th Congress"))
    term = blocks.CharBlock(label=_("Term"), max_length=40)
    held_on = blocks.DateBlock(label=_("Held on"), required=False)
    summary = blocks.TextBlock(label=_("Overview"), required=False)


class LeaderBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Full name"))
    position = blocks.CharBlock(label=_("Position"))
    term = blocks.CharBlock(label=_("Term"), max_length=40)
    photo = ImageChooserBlock(label=_("Photo"), required=False)


class LegalLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Document title"))
    url = blocks.URLBlock(label=pgettext_lazy("a web address", "Link"), required=False)
    page = blocks.PageChooserBlock(label=_("Or a document page"), required=False)


class IntroductionBlock(BodyBlock):
    org_chart = CaptionedImageBlock(label=_("Organisation chart"))
    timeline = blocks.ListBlock(TimelineEventBlock(), label=_("History"), icon="history")
    congresses = blocks.ListBlock(CongressBlock(), label=_("Congresses"), icon="group")
    leaders = blocks.ListBlock(
        LeaderBlock(), label=_("Chairs and vice-chairs through the terms"), icon="user"
    )
    legal_links = blocks.ListBlock(
        LegalLinkBlock(), label=_("Trade Union Law, Charter and guidance"), icon="link"
    )

    class Meta:
        template = "home/blocks/introduction_body.html"


class IntroductionPage(Page):
    """Giới thiệu chung."""

    lead = models.TextField(_("summary"), blank=True)
    body = StreamField(IntroductionBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]

    api_fields = ["lead", "body"]
    api_description_field = "lead"

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.IntroductionPage"]

    class Meta:
        verbose_name = _("introduction page")


class OrganisationBody(models.TextChoices):
    BCH = "bch", _("Executive Committee")
    BTV = "btv", _("Standing Committee")
    UBKT = "ubkt", _("Inspection Committee")
    OFFICE = "office", _("Federation office")


class OrganisationPage(Page):
    """Bộ máy tổ chức: departments with their functions and the members of each body."""

    intro = RichTextField(_("introduction"), blank=True)
    updated_on = models.DateField(
        _("lists updated on"),
        null=True,
        blank=True,
        help_text=_(
            "The date the Executive, Standing and Inspection Committee lists were last updated."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("updated_on"),
        InlinePanel("departments", label=_("Departments and their functions")),
        InlinePanel(
            "members", label=_("Members of the Executive, Standing and Inspection Committees")
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    api_fields = ["intro", "updated_on", "departments", "members"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("organisation page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = list(self.members.select_related("photo").all())
        context["bodies"] = [
            (label, [m for m in members if m.body == value])
            for value, label in OrganisationBody.choices
            if any(m.body == value for m in members)
        ]
        context["departments"] = self.departments.select_related("unit").all()
        return context


class DepartmentFunction(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="departments")
    unit = models.ForeignKey(
        "ldld.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    functions = RichTextField(_("functions and duties"), features=["bold", "italic", "ul", "ol"])

    panels = [FieldPanel("unit"), FieldPanel("functions")]

    api_fields = ["unit", "functions"]


class OrganisationMember(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="members")
    body = models.CharField(_("belongs to"), max_length=10, choices=OrganisationBody.choices)
    name = models.CharField(_("full name"), max_length=120)
    position = models.CharField(_("position"), max_length=160)
    unit = models.CharField(_("workplace"), max_length=200, blank=True)
    term = models.CharField(_("term"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("body"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("term"),
        FieldPanel("photo"),
    ]

    api_fields = ["body", "name", "position", "unit", "term", "photo"]


class ContactDirectoryPage(RoutablePageMixin, Page):
    """Số điện thoại: phone numbers of departments and every union level, also as an Excel
    workbook for the office (`excel/`)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("contacts", label=_("Directory")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    api_fields = ["intro", "contacts"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("phone directory page")

    def contact_groups(self) -> list:
        """(group label, contacts) in the order of the directory."""
        groups: dict = {}
        for contact in self.contacts.select_related("unit").all():
            groups.setdefault(contact.group_label, []).append(contact)
        return list(groups.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact_groups"] = self.contact_groups()
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("excel/", name="directory_xlsx")
    def directory_xlsx(self, request):
        """The directory as the page shows it, as an .xlsx file dated today."""
        return directory_response(self.title, self.contact_groups())


class Contact(Orderable):
    page = ParentalKey(ContactDirectoryPage, on_delete=models.CASCADE, related_name="contacts")
    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    group = models.CharField(
        _("group"),
        max_length=120,
        blank=True,
        help_text=_("Leave empty to use the unit's name as the group."),
    )
    name = models.CharField(_("full name"), max_length=120, blank=True)
    position = models.CharField(_("position"), max_length=160, blank=True)
    phone = models.CharField(_("phone"), max_length=60)
    email = models.EmailField(_("email"), blank=True)

    panels = [
        FieldPanel("unit"),
        FieldPanel("group"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    api_fields = ["unit", "group", "name", "position", "phone", "email"]

    @property
    def group_label(self):
        return self.group or (self.unit.name if self.unit else "")


class SubSiteIndexPage(Page):
    """The list of district federations' and sector unions' sub-sites."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.SubSiteHomePage"]

    class Meta:
        verbose_name = _("unit sub-site list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsites"] = live_public(SubSiteHomePage.objects.child_of(self)).select_related(
            "unit"
        )
        return context


class SubSiteHomePage(Page):
    """Trang của huyện / công đoàn ngành: a unit's own sub-site, which it approves itself."""

    unit = models.ForeignKey(
        "ldld.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="subsites"
    )
    intro = RichTextField(_("short introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("unit"), FieldPanel("intro")]

    api_fields = ["unit", "intro"]

    parent_page_types = ["home.SubSiteIndexPage"]
    subpage_types = ["home.UnitIntroPage", "news.NewsPage"]

    class Meta:
        verbose_name = _("unit sub-site")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The unit's own news, as the column pages list theirs.
        paginator = CachedCountPaginator(items_under(self), 10, count_key=f"sub-site:{self.pk}")
        context["items"] = paginator.get_page(request.GET.get("page"))
        context["unit_intro"] = live_public(UnitIntroPage.objects.child_of(self)).first()
        return context


class UnitIntroPage(SearchableMixin, Page):
    """Giới thiệu công đoàn: a sub-site's introduction page."""

    search_section = "intro"

    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]

    api_fields = ["body"]

    parent_page_types = ["home.SubSiteHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("union introduction page")

    def get_search_body(self):
        from ldld_wagtail.blocks import stream_text

        return stream_text(self.body)


class BannerQuerySet(models.QuerySet):
    def showing(self, now=None):
        now = now or timezone.now()
        return self.filter(
            models.Q(starts_at__isnull=True) | models.Q(starts_at__lte=now),
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gte=now),
        )


@renews_generation
class Banner(models.Model):
    """A campaign banner (Ban Tuyên giáo - Nữ công), shown between its dates on the home page
    in its language."""

    title = models.CharField(_("name"), max_length=200)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.PROTECT, related_name="+"
    )
    alt_text = models.CharField(_("image description"), max_length=255)
    link = models.URLField(_("link"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language of the banner's words and description: it is shown on the home "
            "page in that language only."
        ),
    )
    starts_at = models.DateTimeField(_("shown from"), null=True, blank=True)
    ends_at = models.DateTimeField(_("shown until"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    objects = BannerQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("link"),
        FieldPanel("language"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "-starts_at"]
        verbose_name = _("banner")
        verbose_name_plural = _("banner")

    def __str__(self):
        return self.title
