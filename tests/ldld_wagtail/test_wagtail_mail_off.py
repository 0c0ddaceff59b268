"""Wagtail's own (English, synchronous) workflow emails stay off: the portal's receivers hold
their `dispatch_uid`s, so Wagtail's registration connects nothing."""

import weakref

from wagtail.admin import signal_handlers as wagtail_mail
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted


def connected(signal):
    return [
        ref() if isinstance(ref, weakref.ReferenceType) else ref for _, ref, *_ in signal.receivers
    ]


def test_wagtail_notifiers_are_not_connected():
    wagtail_mail.register_signal_handlers()  # as wagtail.admin's ready() does
    notifiers = {
        task_submitted: wagtail_mail.task_submission_email_notifier,
        workflow_submitted: wagtail_mail.workflow_submission_email_notifier,
        workflow_rejected: wagtail_mail.workflow_rejection_email_notifier,
        workflow_approved: wagtail_mail.workflow_approval_email_notifier,
    }
    for signal, notifier in notifiers.items():
        assert notifier not in connected(signal)
