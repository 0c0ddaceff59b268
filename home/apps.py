from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and introduction")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import boxes  # noqa: F401  (registers what this app adds to a home page)
