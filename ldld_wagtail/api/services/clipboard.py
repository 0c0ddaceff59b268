"""`@copy` and `@move`: POST on the folder to paste into, `{"source": <URL> | [<URL>, …]}`, as
plone.restapi's; the answer lists `{"source", "target"}` for each item.

Both run Wagtail's own actions with its permissions: a copy needs the right to add pages here
(and the type must be allowed here); a move needs Wagtail's move permission, and `publish` here
for a live item. A copy is a draft, outside any workflow, not chosen for any outlet, with a slug
of its own when the original's is taken; a move keeps the item's state, and refuses a slug taken
here or an item locked by someone else. All sources are pasted, or none."""

from urllib.parse import unquote, urlsplit

from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.move_page import MovePageAction

from ... import compat
from ...registry import syndicated_type
from ...routing import resolve
from .. import access, errors
from ..base import Service
from ..serializers.content import page_url
from .lock import locked_for


class _Paste(Service):
    def post(self, request):
        if not access.is_editor(request.user):
            raise exceptions.NotAuthenticated()
        if self.subpath:
            raise errors.not_found(request.build_absolute_uri())
        target = self.visible_context()
        sources = self.json_body().get("source")
        if isinstance(sources, str):
            sources = [sources]
        if (
            not sources
            or not isinstance(sources, list)
            or not all(isinstance(s, str) for s in sources)
        ):
            raise errors.field_error("source", _("give the URL of an item, or a list of them"))
        pages = [self.page_at(source) for source in sources]
        results = []
        with transaction.atomic():
            for page in pages:
                before = page_url(request, page)
                pasted = self.paste(page, target)
                results.append({"source": before, "target": page_url(request, pasted)})
        return Response(results)

    def page_at(self, url):
        path = unquote(urlsplit(url).path)
        if path.startswith("/++api++"):
            path = path[len("/++api++") :]
        resolved = resolve(self.request._request, path)
        if resolved is None or resolved[2] or len(resolved[0]) < 2:
            raise errors.field_error("source", _("no such item: %s") % url)
        page = resolved[1]
        if not access.can_see(page, self.request.user):
            raise errors.field_error("source", _("no such item: %s") % url)
        return page


def free_slug(slug, parent, suffix):
    """`slug`, or `slug-<suffix>`, `slug-<suffix>-2`… whichever is free among the children."""
    if compat.slug_is_available(slug, parent):
        return slug
    candidate, n = f"{slug}-{suffix}", 2
    while not compat.slug_is_available(candidate, parent):
        candidate, n = f"{slug}-{suffix}-{n}", n + 1
    return candidate


class CopyService(_Paste):
    def paste(self, page, target):
        user = self.request.user
        page = page.specific
        if not page.permissions_for_user(user).can_copy_to(target):
            raise exceptions.PermissionDenied(
                _("You may not copy %(item)s here.") % {"item": page.title}
            )
        attrs = {"slug": free_slug(page.slug, target, "ban-sao")}
        model, spec = syndicated_type()
        if spec is not None and isinstance(page, model):
            attrs[spec.mark] = False  # a copy is not chosen for the national portal
        return CopyPageAction(
            page, to=target, update_attrs=attrs, keep_live=False, user=user
        ).execute()


class MoveService(_Paste):
    def paste(self, page, target):
        user = self.request.user
        if locked_for(page, user):
            raise exceptions.PermissionDenied(_("Resource is locked."))
        if not page.permissions_for_user(user).can_move_to(target):
            raise exceptions.PermissionDenied(
                _("You may not move %(item)s here.") % {"item": page.title}
            )
        if page.get_parent().pk != target.pk and not compat.slug_is_available(
            page.slug, target, page
        ):
            raise errors.field_error("source", _("another item here already uses %r") % page.slug)
        MovePageAction(page, target, pos="last-child", user=user).execute()
        return type(page).objects.get(pk=page.pk)
