from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Banner


class BannerViewSet(SnippetViewSet):
    model = Banner
    icon = "image"
    menu_label = _("Banners")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "language", "starts_at", "ends_at"]


register_snippet(BannerViewSet)
