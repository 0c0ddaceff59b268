from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Official documents")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What this app adds to a home page; the reading of attached files (receivers, passages).
        from . import boxes, fulltext  # noqa: F401
