"""Topic columns, news items and articles, videos and featured-photo galleries."""

from django import forms
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from ldld_wagtail.blocks import BodyBlock, stream_text
from ldld_wagtail.listing import ListingPageMixin
from ldld_wagtail.search import SearchableMixin
from ldld_wagtail.visibility import live_public


class NewsKind(models.TextChoices):
    NEWS = "tin", _("Tin")
    ARTICLE = "bai", _("Bài")


class NewsPageQuerySet(PageQuerySet):
    def listing(self):
        """Everything a listing card shows, in a fixed number of queries."""
        return self.select_related("unit").prefetch_related(
            Prefetch(
                "photos",
                queryset=NewsPhoto.objects.select_related("image").prefetch_related(
                    "image__renditions"
                ),
            )
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsPageForm(WagtailAdminPageForm):
    """No photo, no publication (domain rule 3): checked when the item is submitted or published."""

    def clean(self):
        cleaned = super().clean()
        going_out = any(k in self.data for k in ("action-publish", "action-submit"))
        if going_out and "photos" in self.formsets:
            photos = [
                f
                for f in self.formsets["photos"].forms
                if f.is_valid() and f.cleaned_data.get("image") and not f.cleaned_data.get("DELETE")
            ]
            if not photos:
                raise forms.ValidationError(
                    _(
                        "Tin, bài phải có ít nhất một ảnh hoạt động (hoặc ảnh minh họa) kèm chú "
                        "thích và nguồn ảnh trước khi gửi duyệt hoặc xuất bản."
                    )
                )
        return cleaned


class TopicColumnPage(ListingPageMixin, RoutablePageMixin, Page):
    """A department's topic column (chuyên mục), listing its news items and articles."""

    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("ban phụ trách"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="columns",
    )
    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("unit"), FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    listing_per_page = 10
    has_feeds = True

    class Meta:
        verbose_name = _("chuyên mục")

    def get_listing_queryset(self, request):
        return (
            live_public(NewsPage.objects.child_of(self))
            .order_by("-first_published_at", "-pk")
            .listing()
        )

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("rss/")
    def rss(self, request):
        from .feeds import ColumnRssFeed

        return ColumnRssFeed(self)(request)

    @path("atom/")
    def atom(self, request):
        from .feeds import ColumnAtomFeed

        return ColumnAtomFeed(self)(request)


class NewsPage(SearchableMixin, Page):
    """A news item (tin) or article (bài)."""

    kind = models.CharField(_("loại"), max_length=3, choices=NewsKind.choices, default="tin")
    lead = models.TextField(_("sapo"), help_text=_("Đoạn mở đầu, hiện trong danh sách và bản tin."))
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"))
    authors = models.CharField(
        _("tác giả"), max_length=255, help_text=_("Ghi nhiều tác giả cách nhau bằng dấu phẩy.")
    )
    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("đơn vị viết bài"),
        on_delete=models.PROTECT,
        related_name="news_items",
    )
    tags = ClusterTaggableManager(through="news.NewsPageTag", verbose_name=_("chủ đề"), blank=True)
    featured = models.BooleanField(_("tin nổi bật"), default=False)
    send_to_national = models.BooleanField(
        _("gửi Cổng TTĐT Công đoàn Việt Nam"),
        default=False,
        help_text=_("Đưa bài vào nguồn tin cho cổng thông tin của Tổng Liên đoàn."),
    )

    objects = NewsPageManager()
    base_form_class = NewsPageForm
    serve_select_related = ("unit",)
    search_section = "news"

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("unit")]),
        FieldPanel("lead"),
        InlinePanel("photos", label=_("Ảnh hoạt động"), min_num=1),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("tags"),
                FieldRowPanel([FieldPanel("featured"), FieldPanel("send_to_national")]),
            ],
            heading=_("Tác giả và phân loại"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("featured"),
    ]

    parent_page_types = ["news.TopicColumnPage", "home.SubSiteHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tin, bài")
        verbose_name_plural = _("tin, bài")

    @property
    def main_photo(self):
        photos = list(self.photos.all())
        return photos[0] if photos else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = list(
            self.photos.select_related("image").prefetch_related("image__renditions")
        )
        return context

    def get_search_summary(self):
        return self.lead

    def get_search_body(self):
        return " ".join([self.authors, stream_text(self.body)])


class NewsPhoto(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.PROTECT, related_name="+"
    )
    caption = models.CharField(_("chú thích"), max_length=255)
    credit = models.CharField(_("nguồn ảnh"), max_length=120)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(Orderable.Meta):
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="tagged_items")


class VideoIndexPage(ListingPageMixin, Page):
    """Video Chuyên mục Công đoàn: the monthly video series."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.VideoPage"]

    class Meta:
        verbose_name = _("danh sách video")

    def get_listing_queryset(self, request):
        return (
            live_public(VideoPage.objects.child_of(self))
            .order_by("-month", "-pk")
            .select_related("poster")
        )


class VideoPage(SearchableMixin, Page):
    month = models.DateField(_("tháng"), help_text=_("Ngày bất kỳ trong tháng phát hành."))
    description = models.TextField(_("mô tả"))
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(_("đường dẫn video"), blank=True)
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("đơn vị thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    search_section = "news"
    content_panels = Page.content_panels + [
        FieldPanel("month"),
        FieldPanel("description"),
        FieldPanel("video_file"),
        FieldPanel("video_url"),
        FieldPanel("poster"),
        FieldPanel("unit"),
    ]

    parent_page_types = ["news.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")

    def clean(self):
        super().clean()
        if not self.video_file_id and not self.video_url:
            from django.core.exceptions import ValidationError

            raise ValidationError(_("Cần tải lên tệp video hoặc nhập đường dẫn video."))

    def get_search_summary(self):
        return self.description


class GalleryIndexPage(ListingPageMixin, Page):
    """Hình ảnh nổi bật: featured photos sent every month by every department."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.GalleryPage"]

    class Meta:
        verbose_name = _("danh sách ảnh nổi bật")

    def get_listing_queryset(self, request):
        return (
            live_public(GalleryPage.objects.child_of(self))
            .order_by("-month", "-pk")
            .select_related("unit")
            .prefetch_related(
                Prefetch(
                    "photos",
                    queryset=GalleryPhoto.objects.select_related("image").prefetch_related(
                        "image__renditions"
                    ),
                )
            )
        )


class GalleryPage(Page):
    month = models.DateField(_("tháng"), help_text=_("Ngày bất kỳ trong tháng gửi ảnh."))
    unit = models.ForeignKey(
        "ldld.Unit", verbose_name=_("ban gửi ảnh"), on_delete=models.PROTECT, related_name="+"
    )

    content_panels = Page.content_panels + [
        FieldPanel("month"),
        FieldPanel("unit"),
        InlinePanel("photos", label=_("Ảnh"), min_num=1),
    ]

    parent_page_types = ["news.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bộ ảnh nổi bật")


class GalleryPhoto(Orderable):
    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.PROTECT, related_name="+"
    )
    caption = models.CharField(_("chú thích"), max_length=255)
    credit = models.CharField(_("nguồn ảnh"), max_length=120, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]
