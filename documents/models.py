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
    NGHI_QUYET = "nghi-quyet", _("Resolution")
    CHI_THI = "chi-thi", _("Directive")
    QUYET_DINH = "quyet-dinh", _("Decision")
    KE_HOACH = "ke-hoach", _("Plan")
    HUONG_DAN = "huong-dan", _("Guidance")
    THONG_BAO = "thong-bao", _("Notice")
    CONG_VAN = "cong-van", _("Official letter")
    BAO_CAO = "bao-cao", _("Report")
    QUY_CHE = "quy-che", _("Regulation")
    LUAT = "luat", _("Law, Charter")
    KHAC = "khac", _("Other document")


class IssuerLevel(models.TextChoices):
    FEDERATION = "ldld", _("Provincial federation")
    CONFEDERATION = "tld", _("Vietnam General Confederation of Labour")
    CENTRAL = "tw", _("Central level")
    PARTY = "tu", _("Provincial Party Committee")
    PEOPLES_COMMITTEE = "ubnd", _("Provincial People's Committee")
    OTHER = "khac", _("Other body")


class DocumentIndexPage(ListingPageMixin, Page):
    """Văn bản chỉ đạo, with look-up (tra cứu văn bản) by type, issuer, year and text."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.DirectiveDocumentPage"]
    listing_filters = ("loai", "cap", "nam", "so")
    listing_per_page = 20

    class Meta:
        verbose_name = _("directive document list")

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
        _("number / code"), max_length=80, help_text=_("Example: 435/LĐLĐ, 128/QĐ-LĐLĐ")
    )
    doc_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices)
    issuer = models.CharField(_("issuing body"), max_length=200)
    issuer_level = models.CharField(
        _("issuing level"), max_length=10, choices=IssuerLevel.choices, default="ldld"
    )
    issued_on = models.DateField(_("issue date"))
    effective_on = models.DateField(_("effective date"), null=True, blank=True)
    signer = models.CharField(_("signed by"), max_length=120)
    field = models.CharField(_("field"), max_length=120, blank=True)
    summary = models.TextField(_("document summary"))

    search_section = "documents"
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("issuer_level")]),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on")]),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("field")]),
            ],
            heading=_("Document details"),
        ),
        FieldPanel("summary"),
        InlinePanel("attachments", label=_("Document files"), min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("number"),
        index.SearchField("summary"),
        index.SearchField("issuer"),
        index.FilterField("doc_type"),
        index.FilterField("issued_on"),
    ]

    api_fields = [
        "number",
        "doc_type",
        "issuer",
        "issuer_level",
        "issued_on",
        "effective_on",
        "signer",
        "field",
        "summary",
        "attachments",
    ]
    api_description_field = "summary"

    parent_page_types = ["documents.DocumentIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("directive document")
        verbose_name_plural = _("directive document")

    def get_search_summary(self):
        return self.summary

    def get_search_body(self):
        return " ".join([self.number, self.issuer, self.signer, self.field])


class DocumentAttachment(Orderable):
    page = ParentalKey(DirectiveDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField(_("file description"), max_length=200, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]

    api_fields = ["document", "label"]


class DownloadsPage(Page):
    """Downloads / Tài liệu: forms and propaganda materials."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("files", label=_("Downloads")),
    ]

    api_fields = ["intro", "files"]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("downloads page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("document").all()
        return context


class DownloadCategory(models.TextChoices):
    FORM = "bieu-mau", _("Form")
    PROPAGANDA = "tuyen-van", _("Propaganda material")
    OTHER = "khac", _("Other material")


class DownloadItem(Orderable):
    page = ParentalKey(DownloadsPage, on_delete=models.CASCADE, related_name="files")
    category = models.CharField(
        _("group"), max_length=20, choices=DownloadCategory.choices, default="bieu-mau"
    )
    title = models.CharField(_("document name"), max_length=255)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("category"), FieldPanel("title"), FieldPanel("document")]

    api_fields = ["category", "title", "document"]
