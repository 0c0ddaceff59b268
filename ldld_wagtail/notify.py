"""Editorial notifications, in Vietnamese, sent by the background worker.

- an item reaches a step: the people who act there get an email with a link to it;
- an item is returned: its author learns why; an item is published or taken down: its author
  learns it;
- the web admin is reminded before an approved item's publishing deadline, and again when it
  has passed (`send_deadline_reminders`, run every few minutes by django-q2's scheduler).

Emails are queued through django-tasks, which the plugin's backend hands to django-q2, so a
slow mail server never slows the admin down. Wagtail's own (English, synchronous) workflow
emails are switched off in `apps.py`.
"""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from . import schedules


def edit_url(page) -> str:
    """The page's edit form, on the host of the site the page belongs to."""
    from .site_url import root_url_for

    return root_url_for(page) + reverse("wagtailadmin_pages:edit", args=[page.pk])


CLAIM_SECONDS = 120  # a claim older than this is a dead worker's (EMAIL_TIMEOUT is 30 s)
OWED_SCHEDULE = "ldld: notifications still owed"


def queue(user_ids, subject, template, context, key: str | None = None):
    """Owe each of `user_ids` an email, in the current transaction, and have the worker send
    them once it commits. `key` names the event (e.g. `step:<task state>`): the same event
    queued again owes nothing more. Without a key every call is an event of its own."""
    from .models import Notification

    user_ids = sorted({pk for pk in user_ids if pk})
    if not user_ids:
        return
    key = key or f"once:{uuid.uuid4().hex}"
    rows = [
        Notification(
            key=f"{key}:{pk}"[:200],
            user_id=pk,
            subject=str(subject)[:255],
            template=template,
            context=context,
        )
        for pk in user_ids
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    keys = [row.key for row in rows]
    # Should the broker be down, the rows wait for `send_owed`.
    transaction.on_commit(lambda: send_notifications.enqueue(keys))


def queue_email(address: str, subject: str, body: str, key: str):
    """Owe `address`, someone without an account (the asker of a question), the email of
    `subject` and `body`, in the current transaction, as `queue` does for people with one.
    `key` names the event: queued again, it owes nothing more."""
    from .models import Notification

    if not address:
        return
    key = key[:200]
    Notification.objects.bulk_create(
        [Notification(key=key, address=address, subject=str(subject)[:255], body=body)],
        ignore_conflicts=True,
    )
    transaction.on_commit(lambda: send_notifications.enqueue([key]))


@task()
def send_notifications(keys: list) -> int:
    """Send the notifications of `keys` still owed; safe to run again (a retried job)."""
    from .models import Notification

    owed = Notification.objects.filter(key__in=keys, sent_at=None).values_list("pk", flat=True)
    return sum(_send(pk) for pk in list(owed))


def send_owed(now=None) -> int:
    """Every notification still owed after a minute: its job was lost (the broker down when
    it was queued, a worker killed past its retries). Run every five minutes."""
    from .models import Notification

    now = now or timezone.now()
    owed = Notification.objects.filter(
        sent_at=None, created_at__lt=now - datetime.timedelta(minutes=1)
    ).values_list("pk", flat=True)
    return sum(_send(pk, now) for pk in list(owed))


def _send(pk, now=None) -> int:
    """Claim the row, send its email, mark it sent: 1 when this call sent it."""
    from .models import Notification

    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=CLAIM_SECONDS)
    claimed = (
        Notification.objects.filter(pk=pk, sent_at=None)
        .filter(Q(claimed_at=None) | Q(claimed_at__lt=stale))
        .update(claimed_at=now)
    )
    if not claimed:
        return 0  # sent already, or another worker is sending it
    row = Notification.objects.select_related("user").get(pk=pk)
    user = row.user
    if user is None:
        if row.address:  # empty once erased with the asker's contact details
            send_mail(row.subject, row.body, None, [row.address])
    elif user.is_active and user.email:
        with translation.override("vi"):
            body = render_to_string(row.template, {**row.context, "user": user})
        send_mail(row.subject, body, None, [user.email])
    Notification.objects.filter(pk=pk).update(sent_at=timezone.now())
    return 1


def ensure_owed_schedule():
    return schedules.ensure(OWED_SCHEDULE, "ldld_wagtail.notify.send_owed", minutes=5)


def page_context(page):
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    return {"title": page.get_admin_display_title(), "url": edit_url(page)}


# --- signal receivers -----------------------------------------------------------------------


def on_task_submitted(sender, instance, user=None, **kwargs):
    """A task state started: tell the people who act at this step."""
    from .workflows import StepTask

    task = instance.task.specific
    if not isinstance(task, StepTask):
        return
    page = instance.workflow_state.content_object
    actors = task.actor_group_ids(page)
    User = get_user_model()
    recipients = User.objects.filter(groups__in=actors, is_active=True)
    if task.four_eyes and instance.workflow_state.requested_by_id:
        recipients = recipients.exclude(pk=instance.workflow_state.requested_by_id)
    if user is not None:
        recipients = recipients.exclude(pk=user.pk)
    context = {**page_context(page), "step": task.name}
    due = getattr(instance.specific, "due_at", None)
    if due:
        context["due"] = timezone.localtime(due).strftime("%H:%M ngày %d/%m/%Y")
    with translation.override("vi"):
        from django.utils.translation import gettext as _

        subject = _("Waiting for you: %s") % context["title"]
    queue(
        recipients.values_list("pk", flat=True),
        subject,
        "ldld_wagtail/mail/step.txt",
        context,
        key=f"step:{instance.pk}",
    )


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    """Returned with a comment: tell the author."""
    page = instance.content_object
    state = instance.current_task_state
    context = {
        **page_context(page),
        "comment": state.comment if state else "",
        "by": user.get_full_name() or user.get_username() if user else "",
    }
    with translation.override("vi"):
        from django.utils.translation import gettext as _

        subject = _("Returned to you: %s") % context["title"]
    queue(
        [instance.requested_by_id],
        subject,
        "ldld_wagtail/mail/returned.txt",
        context,
        key=f"returned:{state.pk if state else instance.pk}",
    )


def on_workflow_approved(sender, instance, user=None, **kwargs):
    """The last step approved: the item is published; tell the author."""
    page = instance.content_object
    context = page_context(page)
    context["public_url"] = page.specific.full_url or ""
    with translation.override("vi"):
        from django.utils.translation import gettext as _

        subject = _("Published: %s") % context["title"]
    queue(
        [instance.requested_by_id],
        subject,
        "ldld_wagtail/mail/published.txt",
        context,
        key=f"published:{instance.pk}",
    )


# --- deadline reminders ---------------------------------------------------------------------


def remind_deadlines(now=None) -> int:
    """Remind the publishing step's people before the deadline and once it has passed.

    Safe to run as often as wanted: each state is reminded once of each kind.
    """
    from django.utils.translation import gettext as _

    from .models import Federation
    from .workflows import pending_publications

    now = now or timezone.now()
    federation = Federation.current()
    before = federation.reminder_before if federation else datetime.timedelta(hours=1)
    sent = 0
    for state in pending_publications().filter(due_at__isnull=False):
        task = state.task.specific
        page = state.workflow_state.content_object
        kind = None
        if state.overdue_notified_at is None and now >= state.due_at:
            kind, field = "overdue", "overdue_notified_at"
        elif state.reminded_at is None and now >= state.due_at - before and now < state.due_at:
            kind, field = "soon", "reminded_at"
        if kind is None:
            continue
        recipients = get_user_model().objects.filter(
            Q(groups__in=task.actor_group_ids(page))
            | Q(groups__portal_role__urges_publication=True),
            is_active=True,
        )
        context = {
            **page_context(page),
            "due": timezone.localtime(state.due_at).strftime("%H:%M ngày %d/%m/%Y"),
            "kind": kind,
        }
        with translation.override("vi"):
            subject = (
                _("Late: %s is past its publishing deadline")
                if kind == "overdue"
                else _("Due soon: %s")
            ) % context["title"]
        queue(
            recipients.values_list("pk", flat=True),
            subject,
            "ldld_wagtail/mail/deadline.txt",
            context,
            key=f"{kind}:{state.pk}",
        )
        setattr(state, field, now)
        state.save(update_fields=[field])
        sent += 1
    return sent


REMINDER_SCHEDULE = "ldld: publishing deadline reminders"


def ensure_reminder_schedule():
    """A django-q2 schedule running the reminders every five minutes (created once)."""
    return schedules.ensure(REMINDER_SCHEDULE, "ldld_wagtail.notify.remind_deadlines", minutes=5)
