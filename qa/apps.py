from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QaConfig(AppConfig):
    name = "qa"
    verbose_name = _("Questions and answers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import boxes, desk  # boxes: what this app adds to a home page

        assert boxes
        desk.connect()
        post_migrate.connect(_schedule, sender=self, dispatch_uid="qa_retention_schedule")


def _schedule(sender, **kwargs):
    from .desk import ensure_retention_schedule

    ensure_retention_schedule()
