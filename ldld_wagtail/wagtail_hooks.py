from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "code", "kind", "valid_from", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


register_snippet(UnitViewSet)
