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


@task()
def send_editorial_mail(user_ids: list, subject: str, template: str, context: dict):
    """One email per recipient, in Vietnamese."""
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True).exclude(email="")
    with translation.override("vi"):
        for user in users:
            body = render_to_string(template, {**context, "user": user})
            send_mail(subject, body, None, [user.email])
    return len(users)


def queue(user_ids, subject, template, context):
    user_ids = sorted({pk for pk in user_ids if pk})
    if user_ids:
        transaction.on_commit(
            lambda: send_editorial_mail.enqueue(user_ids, str(subject), template, context)
        )


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
    queue(recipients.values_list("pk", flat=True), subject, "ldld_wagtail/mail/step.txt", context)


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
    queue([instance.requested_by_id], subject, "ldld_wagtail/mail/returned.txt", context)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    """The last step approved: the item is published; tell the author."""
    page = instance.content_object
    context = page_context(page)
    context["public_url"] = page.specific.full_url or ""
    with translation.override("vi"):
        from django.utils.translation import gettext as _

        subject = _("Published: %s") % context["title"]
    queue([instance.requested_by_id], subject, "ldld_wagtail/mail/published.txt", context)


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
        )
        setattr(state, field, now)
        state.save(update_fields=[field])
        sent += 1
    return sent


REMINDER_SCHEDULE = "ldld: publishing deadline reminders"


def ensure_reminder_schedule():
    """A django-q2 schedule running the reminders every five minutes (created once)."""
    return schedules.ensure(REMINDER_SCHEDULE, "ldld_wagtail.notify.remind_deadlines", minutes=5)
