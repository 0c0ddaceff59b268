from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LdldWagtailConfig(AppConfig):
    name = "ldld_wagtail"
    label = "ldld"
    verbose_name = _("Trade union portal")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
