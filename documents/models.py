"""Directive documents (văn bản chỉ đạo) and downloads."""

from django.db import models
from django.db.models import F, Prefetch
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ldld_wagtail.cache import generation_cached
from ldld_wagtail.listing import ListingPageMixin
from ldld_wagtail.registry import activity_count
from ldld_wagtail.search import SearchableMixin, matching
from ldld_wagtail.text import fold
from ldld_wagtail.visibility import live_public

from . import extract
from .lookup import PARAMETERS, LookupForm, number_key, number_needle
from .panels import FileStatusPanel

# How much of its files' text a document's search entry holds: a PostgreSQL tsvector holds at
# most 1 MB; 400 000 characters (about 130 pages) stay well inside it.
INDEXED_FILE_TEXT = 400_000


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
    """Văn bản chỉ đạo, with look-up (tra cứu văn bản) by number, type, issuer, field, signer,
    year, issue dates and words (in the summary or inside the attached files)."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.DirectiveDocumentPage"]
    listing_filters = PARAMETERS
    listing_per_page = 20

    class Meta:
        verbose_name = _("directive document list")

    def documents(self):
        return live_public(DirectiveDocumentPage.objects.child_of(self))

    def facets(self) -> dict:
        """The issuing bodies, fields and signers the public documents hold, for the look-up's
        lists: one query, kept under the public site's generation."""

        def compute():
            rows = self.documents().order_by().values_list("issuer", "field", "signer").distinct()
            values = [set(), set(), set()]
            for row in rows:
                for found, value in zip(values, row, strict=True):
                    if value:
                        found.add(value)
            issuers, fields, signers = (sorted(v, key=lambda x: (fold(x), x)) for v in values)
            return {"issuers": issuers, "fields": fields, "signers": signers}

        return generation_cached(f"document-facets:{self.pk}", compute)

    def lookup_form(self, request) -> LookupForm:
        """The look-up as the request asks it (built once per request)."""
        form = getattr(request, "_ldld_document_lookup", None)
        if form is None or form.page_id != self.pk:
            form = LookupForm(
                request.GET,
                doc_types=DocumentType.choices,
                levels=IssuerLevel.choices,
                **self.facets(),
            )
            form.page_id = self.pk
            request._ldld_document_lookup = form
        return form

    def get_listing_queryset(self, request):
        form = self.lookup_form(request)
        qs = self.documents()
        value = form.value
        for name, column in (
            ("loai", "doc_type"),
            ("cap", "issuer_level"),
            ("coquan", "issuer"),
            ("linhvuc", "field"),
            ("nguoiky", "signer"),
        ):
            if value(name):
                qs = qs.filter(**{column: value(name)})
        if value("nam"):
            qs = qs.filter(issued_on__year=value("nam"))
        if value("tu"):
            qs = qs.filter(issued_on__gte=value("tu"))
        if value("den"):
            qs = qs.filter(issued_on__lte=value("den"))
        needle = number_needle(value("so") or "")
        if needle:
            qs = qs.filter(number_key__contains=needle)
        words = matching(value("q") or "", self.locale.language_code, "documents")
        if words is not None:
            qs = qs.filter(pk__in=RawSQL(*words))
        order = ("issued_on", "pk") if value("sapxep") == "cu" else ("-issued_on", "-pk")
        return qs.order_by(*order).prefetch_related(
            Prefetch("attachments", queryset=DocumentAttachment.objects.select_related("document"))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = self.lookup_form(request)
        context["form"] = form
        context["filtering"] = form.filtering
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
    # `number` as it is looked up (`lookup.number_key`): accents, case and spacing left out.
    number_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)

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
        FileStatusPanel(heading=_("Files: text and downloads")),
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

    def save(self, *args, **kwargs):
        self.number_key = number_key(self.number or "")
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "number" in update_fields:
            kwargs["update_fields"] = {*update_fields, "number_key"}
        return super().save(*args, **kwargs)

    def get_search_body(self):
        return " ".join(
            filter(None, [self.number, self.issuer, self.signer, self.field, self.files_text()])
        )

    def files_text(self) -> str:
        """The text read from the attached files (`fulltext`), as much as the index holds: only
        text read from each file's current content (its checksum)."""
        ids = [a.document_id for a in self.attachments.all() if a.document_id]
        if not ids:
            return ""
        texts = dict(
            DocumentText.objects.filter(
                document_id__in=ids,
                status__in=[extract.TEXT, extract.SCANNED],
                checksum=F("document__file_hash"),
            ).values_list("document_id", "text")
        )
        return " ".join(texts[pk] for pk in ids if texts.get(pk))[:INDEXED_FILE_TEXT]


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


class TextStatus(models.TextChoices):
    TEXT = extract.TEXT, _("Text read")
    SCANNED = extract.SCANNED, _("No text layer (scanned)")
    NONE = extract.NONE, _("No text to read in this kind of file")
    FAILED = extract.FAILED, _("The file could not be read")


class DocumentText(models.Model):
    """The text inside a document's file, read once per content (`checksum`, the file's SHA-1,
    Wagtail's `file_hash`): a file uploaded again, or used by another document, is not read
    again. Written by the background task `fulltext.extract_document_text`."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
        verbose_name=_("file"),
    )
    checksum = models.CharField(max_length=64, db_index=True)
    status = models.CharField(_("text status"), max_length=10, choices=TextStatus.choices)
    text = models.TextField(blank=True)
    # `text` folded one character for one (`ldld_wagtail.search.aligned_fold`): a reader's
    # words are found in it, and the passage shown is cut from `text` at the same place.
    text_folded = models.TextField(blank=True)
    pages = models.PositiveIntegerField(null=True)
    blank_pages = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)
    read_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("text of a file")
        verbose_name_plural = _("text of a file")

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"

    @property
    def scanned(self) -> bool:
        return self.status == extract.SCANNED

    @property
    def partly_scanned(self) -> bool:
        return self.status == extract.TEXT and bool(self.blank_pages)


class DocumentDownloads(models.Model):
    """How many times readers have downloaded a document (`wagtail_hooks.count_download`):
    one row per document, incremented in the database (`F() + 1`), never read and rewritten."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="download_stats",
        verbose_name=_("file"),
    )
    count = models.PositiveBigIntegerField(_("times downloaded"), default=0)
    last_at = models.DateTimeField(_("last downloaded"), null=True)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download count")

    def __str__(self):
        return f"{self.document_id}: {self.count}"


@activity_count
def documents_in(start, end) -> list[tuple[str, int]]:
    """Directive documents published in [start, end), for the quarterly activity report."""
    published = live_public(DirectiveDocumentPage.objects.all()).filter(
        first_published_at__gte=start, first_published_at__lt=end
    )
    return [("Văn bản chỉ đạo, điều hành đăng tải", published.count())]
