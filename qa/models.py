"""Hỏi đáp: members ask, the policy and law department answers.

A question a member sends from the public form becomes two things: a draft `QuestionPage` in the
Q&A section (what may one day be public: the question, the asker's name as the federation shows
it, the answer) and a `Submission` that only the answering roles see in the admin (the full name,
email, phone, address, the reference number, who answers it, why it was closed). The page, its
revisions, the search index and the API therefore never hold the asker's contact details.
"""

import datetime
import re
import secrets

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import find_available_slug
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ldld_wagtail.calendar import human_duration
from ldld_wagtail.guard import fingerprint
from ldld_wagtail.listing import ListingPageMixin
from ldld_wagtail.models import AskerName, Federation, Section
from ldld_wagtail.registry import activity_count
from ldld_wagtail.search import SearchableMixin
from ldld_wagtail.text import fold
from ldld_wagtail.visibility import live_public

from . import public
from .admin_forms import QuestionPageForm
from .signals import question_received


class QAIndexPage(ListingPageMixin, RoutablePageMixin, Page):
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

    def topic_counts(self) -> list[tuple[str, int]]:
        """(topic, number of published answers), the profile's topics first, in its order."""
        rows = (
            live_public(QuestionPage.objects.child_of(self))
            .exclude(topic="")
            .values_list("topic")
            .annotate(n=models.Count("pk"))
        )
        counts = dict(rows)
        federation = Federation.current()
        order = list(federation.question_topics) if federation else []
        known = [(t, counts.pop(t)) for t in order if t in counts]
        return known + sorted(counts.items())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topic_counts"] = self.topic_counts()
        return context

    def receive_question(self, data: dict, address: str | None):
        """A question from the form saved: (its record, whether it only repeated one sent
        within the duplicate window, in which case nothing new is saved)."""
        return receive(self, data, address)

    def draft_question(self, record) -> "QuestionPage":
        return draft_page(self, record)

    def find_submission(self, reference: str):
        return Submission.objects.select_related("page").filter(reference=reference).first()

    @path("")
    def index_route(self, request, *args, **kwargs):
        return public.ask(self, request)

    @path("tra-cuu/")
    def lookup_route(self, request):
        return public.lookup(self, request)


class QuestionPage(SearchableMixin, Page):
    """One question and its published answer.

    Only the asker's display name and unit are public; the contact details are for the
    department and never rendered or serialised for readers.
    """

    question = models.TextField(_("question"))
    asker_name = models.CharField(
        _("asked by"),
        max_length=120,
        help_text=_("As it is shown to readers (the federation's rule for askers' names)."),
    )
    asker_unit = models.CharField(
        _("asker's unit"),
        max_length=200,
        blank=True,
        help_text=_("Shown to readers; left empty when the asker asked to keep it private."),
    )
    asked_on = models.DateField(_("asked on"))
    answer = RichTextField(_("answer"), blank=True)
    answered_on = models.DateField(
        _("answered on"), null=True, blank=True, help_text=_("Set when the answer is published.")
    )
    answering_unit = models.ForeignKey(
        "ldld.Unit",
        verbose_name=_("answering department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    topic = models.CharField(_("topics"), max_length=120, blank=True)

    search_section = "qa"
    base_form_class = QuestionPageForm
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("asker_name"), FieldPanel("asker_unit"), FieldPanel("asked_on")],
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

    def publication_problems(self):
        """An answer is published only when there is one, and never for a question whose asker
        did not agree to publication or that was closed with a private answer."""
        problems = []
        if not strip_tags(self.answer or "").strip():
            problems.append(_("The question has no answer yet."))
        record = Submission.objects.filter(page_id=self.pk).first() if self.pk else None
        if record is not None and not record.consent:
            problems.append(_("The asker did not agree to the question being published."))
        if record is not None and record.status == Submission.Status.CLOSED:
            problems.append(_("The question was closed with a private answer."))
        return problems

    def get_search_body(self):
        return " ".join([self.topic, strip_tags(self.answer)])

    def clean(self):
        super().clean()
        if strip_tags(self.answer or "").strip() and not self.answered_on:
            self.answered_on = timezone.localdate()


REFERENCE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, no 1/I: read over the phone


def new_reference(now=None) -> str:
    """HD-YYMM-XXXXXX: the month it was sent and six letters no one can guess."""
    now = timezone.localtime(now)
    tail = "".join(secrets.choice(REFERENCE_LETTERS) for _ in range(6))
    return f"HD-{now:%y%m}-{tail}"


class Submission(models.Model):
    """A question as a member sent it, with what only the answering department may see."""

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for an answer")
        ANSWERED = "answered", _("answered and published")
        CLOSED = "closed", _("closed, not published")
        SPAM = "spam", _("spam")
        HELD = "held", _("held (sender marked as spam)")

    class Public(models.TextChoices):
        """What the asker learns from the status look-up."""

        RECEIVED = "received", _("Received")
        ANSWERING = "answering", _("Being answered")
        ANSWERED = "answered", _("Answered")
        NOT_PUBLISHED = "not_published", _("Answered privately, not published")

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    page = models.OneToOneField(
        QuestionPage,
        verbose_name=_("question page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    submitted_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    full_name = models.CharField(_("full name"), max_length=120)
    unit = models.CharField(_("unit or workplace"), max_length=200, blank=True)
    unit_public = models.BooleanField(_("unit may be shown"), default=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    consent = models.BooleanField(_("agreed to publication"), default=False)
    topic = models.CharField(_("topic"), max_length=120, blank=True)
    question = models.TextField(_("question as sent"))
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    private_answer = models.TextField(_("answer sent by email"), blank=True)
    closed_reason = models.TextField(_("why it is not published"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("answer published at"), null=True, blank=True)
    asker_notified_at = models.DateTimeField(_("asker told at"), null=True, blank=True)
    contact_erased_at = models.DateTimeField(_("contact erased at"), null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("submitted question")
        verbose_name_plural = _("submitted questions")

    def __str__(self):
        return self.reference

    def public_status(self) -> str:
        if self.status == self.Status.CLOSED:
            return self.Public.NOT_PUBLISHED
        if self.status == self.Status.ANSWERED or (self.page_id and self.page.live):
            return self.Public.ANSWERED
        if self.status in (self.Status.SPAM, self.Status.HELD):
            return self.Public.RECEIVED  # a sender learns nothing about how it was judged
        if self.assigned_to_id or (self.page_id and self._being_answered(self.page)):
            return self.Public.ANSWERING
        return self.Public.RECEIVED

    @staticmethod
    def _being_answered(page) -> bool:
        if page.workflow_in_progress:
            return True
        return bool(strip_tags(page.get_latest_revision_as_object().answer or "").strip())

    def waited(self, now=None) -> datetime.timedelta:
        return (now or timezone.now()) - self.submitted_at

    def waited_text(self) -> str:
        return human_duration(self.waited())


# --- receiving a question from the public form -------------------------------------------------


def duplicate_window() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.LDLD_QUESTION_DUPLICATE_MINUTES)


def sender_marked(email: str, phone: str, address: str | None) -> bool:
    """Whether a question from this email, phone or address was marked as spam before."""
    match = Q()
    if email:
        match |= Q(email=email)
    if phone:
        match |= Q(phone=phone)
    if address:
        match |= Q(ip_address=address)
    if not match:
        return False
    return Submission.objects.filter(match, status=Submission.Status.SPAM).exists()


def receive(index, data: dict, address: str | None) -> tuple["Submission", bool]:
    """Save a question from the public form: (its record, whether it only repeated one sent
    within the duplicate window, in which case nothing new is saved)."""
    now = timezone.now()
    prints = fingerprint(data["question"], data.get("email", ""), data.get("phone", ""))
    address = address or None
    with transaction.atomic():
        earlier = (
            Submission.objects.select_for_update()
            .filter(fingerprint=prints, submitted_at__gte=now - duplicate_window())
            .order_by("submitted_at")
            .first()
        )
        if earlier is not None:
            return earlier, True
        record = Submission(
            submitted_at=now,
            full_name=data["full_name"],
            unit=data.get("unit", ""),
            unit_public=not data.get("unit_private", False),
            email=data.get("email", ""),
            phone=data.get("phone", ""),
            ip_address=address,
            consent=bool(data.get("consent")),
            topic=data.get("topic", ""),
            question=data["question"],
            fingerprint=prints,
        )
        if sender_marked(record.email, record.phone, address):
            record.status = Submission.Status.HELD
        else:
            record.page = draft_page(index, record)
        _save_with_reference(record)
    transaction.on_commit(lambda: question_received.send(sender=Submission, record=record))
    return record, False


def _save_with_reference(record) -> None:
    for _attempt in range(5):
        record.reference = new_reference(record.submitted_at)
        try:
            with transaction.atomic():
                record.save()
            return
        except IntegrityError:
            continue
    raise IntegrityError("no free question reference")


TITLE_LENGTH = 90
_SENTENCE_END = re.compile(r"(?<=[?.!])\s")


def draft_title(question: str) -> str:
    """A first title for the editor to shorten: the question's first sentence, at most
    `TITLE_LENGTH` characters, cut between words."""
    first = _SENTENCE_END.split(question.strip().split("\n", 1)[0], maxsplit=1)[0]
    if len(first) <= TITLE_LENGTH:
        return first
    cut = first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-– ") + "…"


def draft_page(index, record) -> "QuestionPage":
    """The draft question in the Q&A section, for the section's unit, with the asker named as
    the federation's profile says."""
    federation = Federation.current()
    policy = federation.asker_name if federation else AskerName.GIVEN_NAME
    show_unit = federation.asker_unit_shown if federation else True
    section = Section.objects.filter(page=index).select_related("unit").first()
    title = draft_title(record.question)
    slug = find_available_slug(index, slugify(fold(Truncator(title).words(12, "")))[:80])
    page = QuestionPage(
        title=title,
        slug=slug or "cau-hoi",
        question=record.question,
        asker_name=AskerName.shown(record.full_name, policy),
        asker_unit=record.unit if (show_unit and record.unit_public) else "",
        asked_on=timezone.localdate(record.submitted_at),
        answering_unit=section.unit if section else None,
        topic=record.topic,
        live=False,
        locale_id=index.locale_id,
    )
    index.add_child(instance=page)
    page.save_revision(clean=False)
    return page


@activity_count
def questions_in(start, end) -> list[tuple[str, int]]:
    """The question desk's lines of the quarterly activity report: questions received (spam
    aside), answered and published, answered privately (closed)."""
    sent = Submission.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    return [
        ("Câu hỏi đoàn viên gửi đến", sent.exclude(status__in=["spam", "held"]).count()),
        (
            "Câu hỏi đã trả lời, đăng công khai",
            Submission.objects.filter(answered_at__gte=start, answered_at__lt=end).count(),
        ),
        (
            "Câu hỏi đã trả lời riêng, không đăng",
            Submission.objects.filter(
                status=Submission.Status.CLOSED, closed_at__gte=start, closed_at__lt=end
            ).count(),
        ),
    ]
