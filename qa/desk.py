"""The question desk's work after a question is received (`QAIndexPage.receive_question`): who
answers it, telling the asker, private answers, spam, and erasing contact details after the
retention period.

Quy chế article 4 gives the editorial board the duty to answer members' questions; 7.4 places the
Q&A column with the Chính sách - Pháp luật department: a question lands as a draft in the
section of the profile whose page is the Q&A page, for the unit that owns that section.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import GroupPagePermission
from wagtail.signals import page_published

from ldld_wagtail import notify
from ldld_wagtail.models import Federation, Notification, Section
from ldld_wagtail.site_url import root_url_for

from .models import QAIndexPage, QuestionPage, Submission
from .signals import question_received


def retention() -> datetime.timedelta:
    return datetime.timedelta(days=settings.LDLD_QUESTION_CONTACT_RETENTION_DAYS)


def release(record: Submission, user) -> Submission:
    """A held question that turns out to be genuine: it becomes a draft like any other."""
    with transaction.atomic():
        record.status = Submission.Status.OPEN
        if record.page_id is None:
            index = QAIndexPage.objects.filter(live=True).first()
            record.page = index.draft_question(record)
        record.save(update_fields=["status", "page"])
    return record


# --- who answers ---------------------------------------------------------------------------------


def answering_group_ids(index: QAIndexPage) -> set[int]:
    """Groups that write in the Q&A section, and those acting in its workflow's steps."""
    ids = set(
        GroupPagePermission.objects.filter(
            page__in=index.get_ancestors(inclusive=True).filter(depth__gt=1),
            permission__codename__in=["add_page", "change_page"],
        ).values_list("group_id", flat=True)
    )
    workflow = index.get_workflow()
    if workflow is not None:
        for workflow_task in workflow.workflow_tasks.select_related("task"):
            task_ = workflow_task.task.specific
            actors = getattr(task_, "actor_group_ids", None)
            if actors is not None:
                ids |= set(actors(index))
            else:
                ids |= set(getattr(task_, "groups", Section.objects.none()).values_list("pk"))
    return ids


def desk_index() -> QAIndexPage | None:
    return QAIndexPage.objects.order_by("path").first()


def can_answer(user, index: QAIndexPage | None = None) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    index = index or desk_index()
    if index is None:
        return False
    return user.groups.filter(pk__in=answering_group_ids(index)).exists()


def answerers(index: QAIndexPage):
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__in=answering_group_ids(index)) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


# --- telling the asker -------------------------------------------------------------------------


ASKER_KEY = "qa:asker:"  # + <question id>:<kind>: the outbox's rows for one asker


def tell_asker(record: Submission, kind: str) -> None:
    """Owe the asker the confirmation with the reference ("received"), the link to the
    published answer ("answered") or the private answer ("closed"), in Vietnamese: written in
    the transaction of what it tells, sent by the worker once it commits, once per question
    and kind however often this is called (the plugin's outbox, `notify.queue_email`)."""
    if not record.email:
        return
    index = desk_index()
    federation = Federation.current()
    base = root_url_for(index) if index else ""
    context = {
        "record": record,
        "lookup_url": base + index.url + "tra-cuu/" if index else "",
        "page_url": base + record.page.url if record.page_id and record.page.live else "",
        "site_name": getattr(federation, "name", ""),
    }
    with translation.override("vi"):
        subject = render_to_string(f"qa/email/{kind}_subject.txt", context).strip()
        body = render_to_string(f"qa/email/{kind}.txt", context)
    notify.queue_email(record.email, subject, body, key=f"{ASKER_KEY}{record.pk}:{kind}")
    if kind in ("answered", "closed"):
        Submission.objects.filter(pk=record.pk).update(asker_notified_at=timezone.now())


@task()
def send_asker_mail(record_id: int, kind: str) -> str:
    """Jobs queued before the outbox: they owe the email now (sent once all the same)."""
    record = Submission.objects.select_related("page").filter(pk=record_id).first()
    if record is None or not record.email:
        return "no email"
    tell_asker(record, kind)
    return kind


def on_question_published(sender, instance, **kwargs):
    """An answer went out: the question is answered; the asker is told once."""
    record = Submission.objects.filter(page_id=instance.pk).first()
    if record is None or record.status == Submission.Status.ANSWERED:
        return
    record.status = Submission.Status.ANSWERED
    record.answered_at = timezone.now()
    record.save(update_fields=["status", "answered_at"])
    if record.email and record.asker_notified_at is None:
        tell_asker(record, "answered")


def close_privately(record: Submission, user, answer: str, reason: str) -> Submission:
    """Answer by email only and close: the draft page is deleted, the reason kept."""
    with transaction.atomic():
        page = record.page
        record.status = Submission.Status.CLOSED
        record.private_answer = answer
        record.closed_reason = reason
        record.closed_at = timezone.now()
        record.closed_by = user
        record.page = None
        record.save()
        if page is not None and not page.live:
            page.delete()
    if record.email and answer:
        tell_asker(record, "closed")
    return record


def mark_spam(records, user) -> int:
    """Mark as spam and remove their draft pages; the senders' later questions are held."""
    count = 0
    with transaction.atomic():
        for record in records.select_related("page"):
            page = record.page
            record.status = Submission.Status.SPAM
            record.closed_at = timezone.now()
            record.closed_by = user
            record.page = None
            record.save(update_fields=["status", "closed_at", "closed_by", "page"])
            if page is not None and not page.live:
                page.delete()
            count += 1
    return count


# --- retention -----------------------------------------------------------------------------------


def erase_old_contacts(now=None) -> int:
    """Erase the contact details (full name, unit if private, email, phone, address) of questions
    sent before the retention period; the question, its published page and answer stay."""
    now = now or timezone.now()
    old = Submission.objects.filter(
        submitted_at__lt=now - retention(), contact_erased_at__isnull=True
    )
    erased = 0
    for record in old.iterator():
        record.full_name = ""
        record.email = ""
        record.phone = ""
        record.ip_address = None
        if not record.unit_public:
            record.unit = ""
        record.contact_erased_at = now
        record.save(
            update_fields=[
                "full_name", "email", "phone", "ip_address", "unit", "contact_erased_at"
            ]
        )  # fmt: skip
        # The emails owed or sent to the asker: their address and text (a private answer).
        Notification.objects.filter(key__startswith=f"{ASKER_KEY}{record.pk}:").update(
            address="", body=""
        )
        erased += 1
    return erased


RETENTION_SCHEDULE = "qa: erase askers' contact details after the retention period"


def ensure_retention_schedule() -> bool:
    """A daily django-q2 schedule for `erase_old_contacts` (created once)."""
    from django_q.models import Schedule

    _, made = Schedule.objects.get_or_create(
        name=RETENTION_SCHEDULE,
        defaults={
            "func": "qa.desk.erase_old_contacts",
            "schedule_type": Schedule.DAILY,
            "repeats": -1,
        },
    )
    return made


def on_question_received(sender, record, **kwargs):
    """The confirmation with the reference, to an asker who gave an email (not to a sender
    whose questions are held)."""
    if record.email and record.status == Submission.Status.OPEN:
        tell_asker(record, "received")


def connect():
    page_published.connect(
        on_question_published, sender=QuestionPage, dispatch_uid="qa_question_published"
    )
    question_received.connect(on_question_received, dispatch_uid="qa_question_received")


def admin_url(record: Submission) -> str:
    return reverse("qa_desk:detail", args=[record.pk])
