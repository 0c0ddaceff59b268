from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ và giới thiệu")
    default_auto_field = "django.db.models.BigAutoField"
