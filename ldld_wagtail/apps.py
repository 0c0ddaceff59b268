from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LdldWagtailConfig(AppConfig):
    name = "ldld_wagtail"
    label = "ldld"
    verbose_name = _("Trade union portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.admin import signal_handlers as wagtail_mail
        from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

        from . import notify, raw_indexes, signals, syndication  # noqa: F401

        post_migrate.connect(
            raw_indexes.recreate_after_migrate, sender=self, dispatch_uid="ldld_raw_indexes"
        )

        # The portal sends its own workflow emails: in Vietnamese, through the background
        # worker, to exactly the people of the next step. Wagtail's (synchronous, sent to its
        # group-approval groups) would duplicate them. This app is listed before wagtail.admin,
        # so its ready() runs first and Wagtail's registration finds nothing to connect.
        wagtail_mail.register_signal_handlers = lambda: None

        task_submitted.connect(notify.on_task_submitted, dispatch_uid="ldld_task_submitted")
        workflow_rejected.connect(notify.on_workflow_rejected, dispatch_uid="ldld_rejected")
        workflow_approved.connect(notify.on_workflow_approved, dispatch_uid="ldld_approved")
