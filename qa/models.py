"""Hỏi đáp: members ask, the policy and law department answers."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ldld_wagtail.listing import ListingPageMixin
from ldld_wagtail.search import SearchableMixin
from ldld_wagtail.visibility import live_public


class QAIndexPage(ListingPageMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["qa.QuestionPage"]
    listing_filters = ("chu-de",)

    class Meta:
        verbose_name = _("question list")

    def get_listing_queryset(self, request):
        qs = live_public(QuestionPage.objects.child_of(self))
        topic = request.GET.get("chu-de", "")
        if topic:
            qs = qs.filter(topic=topic)
        return qs.order_by("-answered_on", "-pk").select_related("answering_unit")


class QuestionPage(SearchableMixin, Page):
    """One question and its published answer.

    Only the asker's display name and unit are public; the contact details are for the
    department and never rendered or serialised for readers.
    """

    question = models.TextField(_("question"))
    asker_name = models.CharField(_("asked by"), max_length=120)
    asker_unit = models.CharField(_("asker's unit"), max_length=200, blank=True)
    asker_contact = models.CharField(_("asker's contact (not public)"), max_length=200, blank=True)
    asked_on = models.DateField(_("asked on"))
    answer = RichTextField(_("answer"))
    answered_on = models.DateField(_("answered on"))
    answering_unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("answering department"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(_("topics"), max_length=120, blank=True)

    search_section = "qa"
    private_fields = ("asker_contact",)
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("asker_name"),
                FieldPanel("asker_unit"),
                FieldPanel("asker_contact"),
                FieldPanel("asked_on"),
            ],
            heading=_("Asker"),
        ),
        FieldPanel("question"),
        FieldPanel("topic"),
        FieldPanel("answer"),
        FieldPanel("answering_unit"),
        FieldPanel("answered_on"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question"),
        index.SearchField("answer"),
    ]

    api_fields = [
        "question",
        "asker_name",
        "asker_unit",
        "asked_on",
        "answer",
        "answered_on",
        "answering_unit",
        "topic",
    ]
    api_description_field = "question"

    parent_page_types = ["qa.QAIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("question")

    def get_search_summary(self):
        return self.question

    def get_search_body(self):
        return " ".join([self.topic, strip_tags(self.answer)])
