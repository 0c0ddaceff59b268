from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _no_wagtail_mail(*args, **kwargs):
    """Stands in for Wagtail's workflow email notifiers (see `ready`)."""


def _wagtail_mail_receivers():
    from wagtail.models import TaskState, WorkflowState
    from wagtail.signals import (
        task_submitted,
        workflow_approved,
        workflow_rejected,
        workflow_submitted,
    )

    # wagtail.admin.signal_handlers.register_signal_handlers, as of Wagtail 8.0.
    return [
        (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
        (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
        (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
        (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
    ]


class LdldWagtailConfig(AppConfig):
    name = "ldld_wagtail"
    label = "ldld"
    verbose_name = _("Trade union portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

        from . import compat, notify, raw_indexes, signals, syndication  # noqa: F401

        compat.history_button_for_those_who_may_open_it()

        post_migrate.connect(
            raw_indexes.recreate_after_migrate, sender=self, dispatch_uid="ldld_raw_indexes"
        )

        # The portal sends its own workflow emails: in Vietnamese, through the background
        # worker, to exactly the people of the next step. Wagtail's (synchronous, sent to its
        # group-approval groups) would duplicate them. This app is listed before wagtail.admin,
        # so its ready() runs first: it takes Wagtail's receivers' `dispatch_uid`s with no-op
        # receivers, and Django ignores a second connection under a `dispatch_uid` it holds.
        for signal, sender, uid in _wagtail_mail_receivers():
            signal.connect(_no_wagtail_mail, sender=sender, dispatch_uid=uid)

        task_submitted.connect(notify.on_task_submitted, dispatch_uid="ldld_task_submitted")
        workflow_rejected.connect(notify.on_workflow_rejected, dispatch_uid="ldld_rejected")
        workflow_approved.connect(notify.on_workflow_approved, dispatch_uid="ldld_approved")
