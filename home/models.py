"""Home page, introduction, organisation, contacts, unit sub-sites and banners."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from ldld_wagtail.blocks import BodyBlock, CaptionedImageBlock
from ldld_wagtail.search import SearchableMixin
from ldld_wagtail.visibility import live_public

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
        _("khẩu hiệu"),
        max_length=255,
        blank=True,
        help_text=_("Dòng chữ ngắn dưới tên cổng thông tin."),
    )
    welcome = RichTextField(_("lời giới thiệu"), blank=True, features=["bold", "italic", "link"])
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=60, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    licence = models.CharField(
        _("giấy phép"),
        max_length=255,
        blank=True,
        help_text=_("Số giấy phép và người chịu trách nhiệm, hiện ở chân trang."),
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
            heading=_("Thông tin chân trang"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = SECTION_PAGES

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from .context import home_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self))
        return context


class TimelineEventBlock(blocks.StructBlock):
    year = blocks.CharBlock(label=_("Năm"), max_length=20)
    event = blocks.TextBlock(label=_("Sự kiện"))


class CongressBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Đại hội"), help_text=_("Ví dụ: Đại hội lần thứ XVI"))
    term = blocks.CharBlock(label=_("Nhiệm kỳ"), max_length=40)
    held_on = blocks.DateBlock(label=_("Ngày họp"), required=False)
    summary = blocks.TextBlock(label=_("Tóm tắt"), required=False)


class LeaderBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Họ và tên"))
    position = blocks.CharBlock(label=_("Chức vụ"))
    term = blocks.CharBlock(label=_("Nhiệm kỳ"), max_length=40)
    photo = ImageChooserBlock(label=_("Ảnh"), required=False)


class LegalLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tên văn bản"))
    url = blocks.URLBlock(label=_("Đường dẫn"), required=False)
    page = blocks.PageChooserBlock(label=_("Hoặc trang văn bản"), required=False)


class IntroductionBlock(BodyBlock):
    org_chart = CaptionedImageBlock(label=_("Sơ đồ tổ chức"))
    timeline = blocks.ListBlock(TimelineEventBlock(), label=_("Lịch sử"), icon="history")
    congresses = blocks.ListBlock(CongressBlock(), label=_("Các kỳ đại hội"), icon="group")
    leaders = blocks.ListBlock(
        LeaderBlock(), label=_("Chủ tịch, Phó Chủ tịch qua các thời kỳ"), icon="user"
    )
    legal_links = blocks.ListBlock(
        LegalLinkBlock(), label=_("Luật Công đoàn, Điều lệ và hướng dẫn"), icon="link"
    )

    class Meta:
        template = "home/blocks/introduction_body.html"


class IntroductionPage(Page):
    """Giới thiệu chung."""

    lead = models.TextField(_("tóm tắt"), blank=True)
    body = StreamField(IntroductionBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("lead"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("lead"), index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.IntroductionPage"]

    class Meta:
        verbose_name = _("trang giới thiệu chung")


class OrganisationBody(models.TextChoices):
    BCH = "bch", _("Ban Chấp hành")
    BTV = "btv", _("Ban Thường vụ")
    UBKT = "ubkt", _("Ủy ban Kiểm tra")
    OFFICE = "office", _("Cơ quan LĐLĐ tỉnh")


class OrganisationPage(Page):
    """Bộ máy tổ chức: departments with their functions and the members of each body."""

    intro = RichTextField(_("giới thiệu"), blank=True)
    updated_on = models.DateField(
        _("cập nhật danh sách ngày"),
        null=True,
        blank=True,
        help_text=_("Ngày danh sách BCH, BTV, UBKT được cập nhật lần cuối."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("updated_on"),
        InlinePanel("departments", label=_("Các ban và chức năng")),
        InlinePanel("members", label=_("Thành viên BCH, BTV, UBKT")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang bộ máy tổ chức")

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
        "ldld.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    functions = RichTextField(_("chức năng, nhiệm vụ"), features=["bold", "italic", "ul", "ol"])

    panels = [FieldPanel("unit"), FieldPanel("functions")]


class OrganisationMember(Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="members")
    body = models.CharField(_("thuộc"), max_length=10, choices=OrganisationBody.choices)
    name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=160)
    unit = models.CharField(_("đơn vị công tác"), max_length=200, blank=True)
    term = models.CharField(_("nhiệm kỳ"), max_length=40, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh"),
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


class ContactDirectoryPage(Page):
    """Số điện thoại: phone numbers of departments and every union level."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("contacts", label=_("Danh bạ")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang danh bạ điện thoại")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups: dict = {}
        for contact in self.contacts.select_related("unit").all():
            groups.setdefault(contact.group_label, []).append(contact)
        context["contact_groups"] = groups.items()
        return context


class Contact(Orderable):
    page = ParentalKey(ContactDirectoryPage, on_delete=models.CASCADE, related_name="contacts")
    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    group = models.CharField(
        _("nhóm"),
        max_length=120,
        blank=True,
        help_text=_("Để trống để dùng tên đơn vị làm nhóm."),
    )
    name = models.CharField(_("họ và tên"), max_length=120, blank=True)
    position = models.CharField(_("chức vụ"), max_length=160, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=60)
    email = models.EmailField(_("thư điện tử"), blank=True)

    panels = [
        FieldPanel("unit"),
        FieldPanel("group"),
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    @property
    def group_label(self):
        return self.group or (self.unit.name if self.unit else "")


class SubSiteIndexPage(Page):
    """The list of district federations' and sector unions' sub-sites."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.SubSiteHomePage"]

    class Meta:
        verbose_name = _("danh sách trang đơn vị")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subsites"] = live_public(SubSiteHomePage.objects.child_of(self)).select_related(
            "unit"
        )
        return context


class SubSiteHomePage(Page):
    """Trang của huyện / công đoàn ngành: a unit's own sub-site, which it approves itself."""

    unit = models.ForeignKey(
        "ldld.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="subsites"
    )
    intro = RichTextField(_("giới thiệu ngắn"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("unit"), FieldPanel("intro")]

    parent_page_types = ["home.SubSiteIndexPage"]
    subpage_types = ["home.UnitIntroPage", "news.NewsPage"]

    class Meta:
        verbose_name = _("trang đơn vị")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        news = live_public(NewsPage.objects.child_of(self)).order_by("-first_published_at")
        context["items"] = Paginator(news.listing(), 10).get_page(request.GET.get("page"))
        context["unit_intro"] = live_public(UnitIntroPage.objects.child_of(self)).first()
        return context


class UnitIntroPage(SearchableMixin, Page):
    """Giới thiệu công đoàn: a sub-site's introduction page."""

    search_section = "intro"

    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]

    parent_page_types = ["home.SubSiteHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang giới thiệu công đoàn")

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


class Banner(models.Model):
    """A campaign banner (Ban Tuyên giáo - Nữ công), shown between its dates."""

    title = models.CharField(_("tên"), max_length=200)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.PROTECT, related_name="+"
    )
    alt_text = models.CharField(_("mô tả ảnh"), max_length=255)
    link = models.URLField(_("liên kết"), blank=True)
    starts_at = models.DateTimeField(_("hiện từ"), null=True, blank=True)
    ends_at = models.DateTimeField(_("hiện đến"), null=True, blank=True)
    sort_order = models.PositiveIntegerField(_("thứ tự"), default=0)

    objects = BannerQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("link"),
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
