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

from ldld_wagtail import compat, forwarding
from ldld_wagtail.blocks import BodyBlock, stream_text
from ldld_wagtail.feeds import SectionAtomFeed, SectionRssFeed
from ldld_wagtail.listing import ListingPageMixin
from ldld_wagtail.registry import Earns, earns, items_under, syndicated
from ldld_wagtail.search import SearchableMixin
from ldld_wagtail.visibility import live_public


class NewsKind(models.TextChoices):
    NEWS = "tin", _("News item")
    ARTICLE = "bai", _("Article")


KIND_LABELS = dict(NewsKind.choices)


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
    """No photo, no publication (Bình Thuận letter, point 5): checked when the item is
    submitted or published. The box that sends the item to the national union portal is for
    those who choose items for it (the profile's outlets); others see it and propose."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        box = self.fields.get("send_to_national")
        if box is not None and self.for_user and not forwarding.may_mark_national(self.for_user):
            box.disabled = True  # Django keeps the saved value whatever is posted
            box.help_text = _(
                "The secretary chooses the items sent to the national union portal; propose "
                "this one under “Forwarding to outlets”."
            )

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
                        "A news item or article needs at least one activity photo (or an "
                        "illustration) with a caption and a photo credit before it is "
                        "submitted or published."
                    )
                )
        return cleaned


class TopicColumnPage(ListingPageMixin, RoutablePageMixin, Page):
    """A department's topic column (chuyên mục), listing its news items and articles."""

    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("department in charge"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="columns",
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("unit"), FieldPanel("intro")]

    api_fields = ["unit", "intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    listing_per_page = 10
    has_feeds = True
    serve_select_related = ("unit",)

    class Meta:
        verbose_name = _("topic column")

    def get_listing_queryset(self, request):
        # `news.cards.news_under`, registered by this app (`news.boxes`).
        return items_under(self)

    def feed_items(self, limit):
        return (
            live_public(NewsPage.objects.child_of(self))
            .order_by("-first_published_at")[:limit]
            .listing()
        )

    def feed_description(self):
        return _("News and articles of the column %(column)s") % {"column": self.title}

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("rss/")
    def rss(self, request):
        return SectionRssFeed(self)(request)

    @path("atom/")
    def atom(self, request):
        return SectionAtomFeed(self)(request)


@syndicated()
@earns(Earns(kind_field="kind", authors="authors", photos="photos", item_photos=True))
class NewsPage(SearchableMixin, Page):
    """A news item (tin) or article (bài)."""

    # Its page and API content show only itself (with the site's frame): another item's publish
    # or take-down leaves its cached copy valid (`ldld_wagtail.cache.cached_alone`).
    ldld_cached_alone = True

    kind = models.CharField(_("kind"), max_length=3, choices=NewsKind.choices, default="tin")
    lead = models.TextField(
        _("lead"), help_text=_("Opening paragraph, shown in listings and feeds.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    authors = models.CharField(
        _("authors"), max_length=255, help_text=_("Separate several authors with commas.")
    )
    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("unit that wrote it"),
        on_delete=models.PROTECT,
        related_name="news_items",
    )
    tags = ClusterTaggableManager(through="news.NewsPageTag", verbose_name=_("topics"), blank=True)
    featured = models.BooleanField(_("featured"), default=False)
    send_to_national = models.BooleanField(
        _("send to the national union portal"),
        default=False,
        help_text=_(
            "Include the item in the feed for the Vietnam General Confederation of Labour's portal."
        ),
    )

    objects = NewsPageManager()
    base_form_class = NewsPageForm
    serve_select_related = ("unit",)
    search_section = "news"

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("unit")]),
        FieldPanel("lead"),
        InlinePanel("photos", label=_("Activity photos"), min_num=1),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("tags"),
                FieldRowPanel([FieldPanel("featured"), FieldPanel("send_to_national")]),
            ],
            heading=_("Authors and classification"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("featured"),
    ]

    api_fields = [
        "kind",
        "lead",
        "body",
        "photos",
        "authors",
        "unit",
        "tags",
        "featured",
        "send_to_national",
    ]
    api_description_field = "lead"

    parent_page_types = ["news.TopicColumnPage", "home.SubSiteHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item or article")
        verbose_name_plural = _("news item or article")

    @property
    def main_photo(self):
        # Listings prefetch the photos: read them as they are, not through a new manager and
        # queryset per card (unless the photos are being edited in memory, as in a preview).
        prefetched = compat.prefetched(self, "photos")
        if prefetched is None or compat.in_memory_children(self, "photos"):
            prefetched = self.photos.all()
        photos = list(prefetched)
        return photos[0] if photos else None

    @property
    def kind_label(self):
        """`get_kind_display()` without matching the value against every choice each time."""
        return KIND_LABELS.get(self.kind, self.kind)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["photos"] = list(
            self.photos.select_related("image").prefetch_related("image__renditions")
        )
        return context

    def publication_problems(self):
        """What stops this item from going out (Bình Thuận letter, point 5): no captioned photo."""
        if not any(p.image_id and p.caption.strip() for p in self.photos.all()):
            return [
                _(
                    "A news item or article needs at least one activity photo (or an "
                    "illustration) with a caption and a photo credit before it is "
                    "submitted or published."
                )
            ]
        return []

    def get_search_summary(self):
        return self.lead

    def get_search_body(self):
        return " ".join([self.authors, stream_text(self.body)])


class NewsPhoto(Orderable):
    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.PROTECT, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255)
    credit = models.CharField(_("photo credit"), max_length=120)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    api_fields = ["image", "caption", "credit"]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photo")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="tagged_items")


class VideoIndexPage(ListingPageMixin, Page):
    """Video Chuyên mục Công đoàn: the monthly video series."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.VideoPage"]

    class Meta:
        verbose_name = _("video list")

    def get_listing_queryset(self, request):
        return (
            live_public(VideoPage.objects.child_of(self))
            .order_by("-month", "-pk")
            .select_related("poster")
        )


@earns(Earns(kind="video", authors="authors"))
class VideoPage(SearchableMixin, Page):
    month = models.DateField(_("month"), help_text=_("Any day in the month of release."))
    description = models.TextField(_("description"))
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(_("video link"), blank=True)
    authors = models.CharField(
        _("authors"),
        max_length=255,
        blank=True,
        help_text=_("Separate several authors with commas."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("produced by"),
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
        FieldPanel("authors"),
        FieldPanel("unit"),
    ]

    api_fields = ["month", "description", "video_file", "video_url", "poster", "authors", "unit"]
    api_description_field = "description"

    parent_page_types = ["news.VideoIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("video")

    def clean(self):
        super().clean()
        if not self.video_file_id and not self.video_url:
            from django.core.exceptions import ValidationError

            raise ValidationError(_("Upload a video file or enter a video link."))

    def get_search_summary(self):
        return self.description


class GalleryIndexPage(ListingPageMixin, Page):
    """Hình ảnh nổi bật: featured photos sent every month by every department."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.GalleryPage"]

    class Meta:
        verbose_name = _("featured photo list")

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


@earns(Earns(photos="photos", photo_kind="anh-noi-bat"))
class GalleryPage(Page):
    month = models.DateField(_("month"), help_text=_("Any day in the month the photos were sent."))
    unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("department sending the photos"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("month"),
        FieldPanel("unit"),
        InlinePanel("photos", label=_("Photo"), min_num=1),
    ]

    api_fields = ["month", "unit", "photos"]

    parent_page_types = ["news.GalleryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("featured photos")


class GalleryPhoto(Orderable):
    page = ParentalKey(GalleryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("photo"), on_delete=models.PROTECT, related_name="+"
    )
    caption = models.CharField(_("caption"), max_length=255)
    credit = models.CharField(_("photo credit"), max_length=120, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    api_fields = ["image", "caption", "credit"]
