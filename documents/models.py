"""Directive documents (văn bản chỉ đạo) and downloads."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ldld_wagtail.listing import ListingPageMixin
from ldld_wagtail.search import SearchableMixin
from ldld_wagtail.visibility import live_public


class DocumentType(models.TextChoices):
    NGHI_QUYET = "nghi-quyet", _("Nghị quyết")
    CHI_THI = "chi-thi", _("Chỉ thị")
    QUYET_DINH = "quyet-dinh", _("Quyết định")
    KE_HOACH = "ke-hoach", _("Kế hoạch")
    HUONG_DAN = "huong-dan", _("Hướng dẫn")
    THONG_BAO = "thong-bao", _("Thông báo")
    CONG_VAN = "cong-van", _("Công văn")
    BAO_CAO = "bao-cao", _("Báo cáo")
    QUY_CHE = "quy-che", _("Quy chế")
    LUAT = "luat", _("Luật, Điều lệ")
    KHAC = "khac", _("Văn bản khác")


class IssuerLevel(models.TextChoices):
    FEDERATION = "ldld", _("LĐLĐ tỉnh")
    CONFEDERATION = "tld", _("Tổng Liên đoàn Lao động Việt Nam")
    CENTRAL = "tw", _("Trung ương")
    PARTY = "tu", _("Tỉnh ủy")
    PEOPLES_COMMITTEE = "ubnd", _("UBND tỉnh")
    OTHER = "khac", _("Cơ quan khác")


class DocumentIndexPage(ListingPageMixin, Page):
    """Văn bản chỉ đạo, with look-up (tra cứu văn bản) by type, issuer, year and text."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.DirectiveDocumentPage"]
    listing_per_page = 20

    class Meta:
        verbose_name = _("danh sách văn bản chỉ đạo")

    def get_listing_queryset(self, request):
        qs = live_public(DirectiveDocumentPage.objects.child_of(self))
        doc_type = request.GET.get("loai", "")
        if doc_type in DocumentType.values:
            qs = qs.filter(doc_type=doc_type)
        issuer = request.GET.get("cap", "")
        if issuer in IssuerLevel.values:
            qs = qs.filter(issuer_level=issuer)
        year = request.GET.get("nam", "")
        if year.isdigit():
            qs = qs.filter(issued_on__year=int(year))
        number = request.GET.get("so", "").strip()
        if number:
            qs = qs.filter(number__icontains=number)
        return qs.order_by("-issued_on", "-pk").prefetch_related(
            Prefetch("attachments", queryset=DocumentAttachment.objects.select_related("document"))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["doc_types"] = DocumentType.choices
        context["issuer_levels"] = IssuerLevel.choices
        context["filters"] = {k: request.GET.get(k, "") for k in ("loai", "cap", "nam", "so")}
        query = request.GET.copy()
        query.pop("page", None)
        context["filter_query"] = query.urlencode()
        return context


class DirectiveDocumentPage(SearchableMixin, Page):
    number = models.CharField(
        _("số, ký hiệu"), max_length=80, help_text=_("Ví dụ: 435/LĐLĐ, 128/QĐ-LĐLĐ")
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentType.choices)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    issuer_level = models.CharField(
        _("cấp ban hành"), max_length=10, choices=IssuerLevel.choices, default="ldld"
    )
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    signer = models.CharField(_("người ký"), max_length=120)
    field = models.CharField(_("lĩnh vực"), max_length=120, blank=True)
    summary = models.TextField(_("trích yếu"))

    search_section = "documents"
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("issuer_level")]),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on")]),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("field")]),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        InlinePanel("attachments", label=_("Tệp văn bản"), min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("issuer"),
        index.FilterField("doc_type"),
        index.FilterField("issued_on"),
    ]

    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("văn bản chỉ đạo")
        verbose_name_plural = _("văn bản chỉ đạo")

    def get_search_summary(self):
        return self.summary

    def get_search_body(self):
        return " ".join([self.number, self.issuer, self.signer, self.field])


class DocumentAttachment(Orderable):
    page = ParentalKey(DirectiveDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(_("mô tả tệp"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]


class DownloadsPage(Page):
    """Downloads / Tài liệu: forms and propaganda materials."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("files", label=_("Tài liệu")),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("trang tài liệu tải về")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("document").all()
        return context


class DownloadCategory(models.TextChoices):
    FORM = "bieu-mau", _("Biểu mẫu")
    PROPAGANDA = "tuyen-van", _("Tài liệu tuyên vận")
    OTHER = "khac", _("Tài liệu khác")


class DownloadItem(Orderable):
    page = ParentalKey(DownloadsPage, on_delete=models.CASCADE, related_name="files")
    category = models.CharField(
        _("nhóm"), max_length=20, choices=DownloadCategory.choices, default="bieu-mau"
    )
    title = models.CharField(_("tên tài liệu"), max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("category"), FieldPanel("title"), FieldPanel("document")]
