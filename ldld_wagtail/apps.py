from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LdldWagtailConfig(AppConfig):
    name = "ldld_wagtail"
    label = "ldld"
    verbose_name = _("Cổng thông tin Công đoàn")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
