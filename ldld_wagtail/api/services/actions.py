"""`@actions`: what the caller may do here, by plone.restapi's categories, for the menus and
toolbar a Plone frontend draws on every page (`?expand=actions` inlines it).

- `object`: view, edit, contents (a page that holds items), history;
- `object_buttons`: copy, cut, delete, and the editorial steps the caller may take on this item
  now (submit, route, approve, return, publish, take down, restore…; `@workflow/<id>`);
- `user`: log in, or the account's preferences, the admin and log out;
- `document_actions`: print; `site_actions`: the sitemap and the search; `portal_tabs`: the
  site's menu.

Every action is filtered by Wagtail's permissions and the workflow's rules for the caller, and
titled in the request's language. `?categories=object&categories=user` (or `categories:list`)
limits the answer to those categories.
"""

from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.models import Page

from ... import compat
from ...cache import generation_cached
from ...visibility import is_restricted
from .. import access, errors
from ..base import Service
from ..serializers.content import page_url
from ..transitions import TITLES, available

CATEGORIES = ("document_actions", "object", "object_buttons", "portal_tabs", "site_actions", "user")


def action(id_, title, icon=""):
    return {"icon": icon, "id": id_, "title": str(title)}


class ActionsService(Service):
    def get(self, request):
        if not access.can_see(self.context, request.user):
            raise errors.not_found(request.build_absolute_uri())
        return Response(self.build())

    def build(self) -> dict:
        request = self.request
        wanted = [
            name
            for key in ("categories", "categories:list")
            for name in request.query_params.getlist(key)
        ]
        categories = [c for c in CATEGORIES if not wanted or c in wanted]
        return {name: getattr(self, name)() for name in categories}

    # --- the categories ---------------------------------------------------------------------

    def object(self):
        user, page = self.request.user, self.context
        actions = [action("view", _("View"))]
        if not (user.is_authenticated and access.is_editor(user)):
            return actions
        perms = page.permissions_for_user(user)
        if perms.can_edit():
            actions.append(action("edit", _("Edit")))
        if page.specific_class.creatable_subpage_models() and (
            perms.can_add_subpage() or perms.can_edit()
        ):
            actions.append(action("folderContents", _("Contents")))
        if access.can_read_history(page, user):
            actions.append(action("history", _("History")))
        return actions

    def object_buttons(self):
        user, page = self.request.user, self.context
        if not (user.is_authenticated and access.is_editor(user)):
            return []
        perms = page.permissions_for_user(user)
        actions = []
        if perms.can_copy():
            actions.append(action("copy", _("Copy")))
        # Wagtail's answers, without its query where the page alone tells.
        movable = compat.can_delete_quickly(perms, ignore_bulk=True)
        movable = perms.can_move() if movable is None else movable
        deletable = compat.can_delete_quickly(perms)
        deletable = perms.can_delete() if deletable is None else deletable
        if movable:
            actions.append(action("cut", _("Cut")))
        if deletable:
            actions.append(action("delete", _("Delete")))
        for name in available(page.specific, user):
            actions.append(action(name, TITLES[name]))
        return actions

    def user(self):
        user = self.request.user
        if not user.is_authenticated:
            return [action("login", _("Log in"))]
        actions = [action("preferences", _("Preferences"))]
        if access.is_editor(user):
            actions.append(action("plone_setup", _("Administration")))
        actions.append(action("logout", _("Log out")))
        return actions

    def document_actions(self):
        return [action("print", _("Print"))]

    def site_actions(self):
        return [action("sitemap", _("Site map")), action("search", _("Search"))]

    def portal_tabs(self):
        request = self.request
        root = self.chain[0] if self.chain else self.context
        tabs = [{"@id": page_url(request, root), "description": "", "title": _("Home")}]

        def public_tabs():
            children = Page.objects.child_of(root).live().in_menu().order_by("path")
            fields = ("id", "path", "depth", "title", "url_path", "locale_id")
            return [c for c in children.only(*fields) if not is_restricted(c)]

        # The same for everyone: kept under the public site's generation, one key a root.
        for child in generation_cached(f"api-tabs:{root.pk}", public_tabs):
            tabs.append({"@id": page_url(request, child), "description": "", "title": child.title})
        return tabs
