"""`@breadcrumbs`, `@navigation`, `@contextnavigation`, `@navroot`, `@site`, `@translations`."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.models import Page

from ...page_urls import site_for_request
from ...visibility import is_restricted
from .. import access, batching, errors
from ..base import Service
from ..serializers.content import full, language_of, page_url


class ComponentService(Service):
    """A component that can also be inlined in the content with `?expand=<name>`."""

    def get(self, request):
        if not access.can_see(self.context, request.user):
            raise errors.not_found(request.build_absolute_uri())
        return Response(self.build())

    def build(self) -> dict:
        raise NotImplementedError


def _seen(page, user) -> bool:
    return (page.live and not is_restricted(page)) or access.can_edit(page, user)


class BreadcrumbsService(ComponentService):
    def build(self):
        request = self.request
        crumbs = [p for p in self.chain[1:] if _seen(p, request.user)]
        return {
            "@id": self.api_url("@breadcrumbs"),
            "items": [{"@id": page_url(request, p), "title": p.title} for p in crumbs],
            "root": page_url(request, self.chain[0]),
        }


def menu_children(request) -> dict:
    """{page id: its visible children that are folders or menu pages, in path order}, read by
    `@contextnavigation` and reused by `@navigation` in the same request."""
    return request._request.__dict__.setdefault("_ldld_menu_children", {})


class NavigationService(ComponentService):
    """The menu: pages marked "show in menus" under the site root, `expand.navigation.depth`
    levels deep (1 by default), in one query (none when `@contextnavigation` read the root's
    children in the same request)."""

    def build(self):
        request = self.request
        raw = request.query_params.get("expand.navigation.depth", "1")
        if not raw.isdigit() or not 1 <= int(raw) <= 5:
            raise errors.field_error("expand.navigation.depth", _("must be between 1 and 5"))
        root = self.chain[0]
        known = menu_children(request).get(root.pk)
        if int(raw) == 1 and known is not None and len(known) < ContextNavigationService.LIMIT:
            pages = [p for p in known if p.show_in_menus]
        else:
            pages = access.visible(
                Page.objects.descendant_of(root).filter(
                    show_in_menus=True, depth__lte=root.depth + int(raw)
                ),
                request.user,
            ).order_by("path")
            pages = pages.only("id", "path", "depth", "title", "url_path", "live", "locale_id")
        nodes, by_path = [], {}
        for page in pages:
            node = {
                "@id": page_url(request, page),
                "description": "",
                "items": [],
                "review_state": "published" if page.live else "private",
                "title": page.title,
            }
            by_path[page.path] = node
            parent = by_path.get(page.path[: -Page.steplen])
            if page.depth == root.depth + 1:
                nodes.append(node)
            elif parent is not None:
                parent["items"].append(node)
        home = {
            "@id": page_url(request, root),
            "description": "",
            "items": [],
            "review_state": "published",
            "title": root.title,
        }
        return {"@id": self.api_url("@navigation"), "items": [home, *nodes]}


class NavrootService(ComponentService):
    def build(self):
        request = self.request
        root = self.chain[0].specific
        return {
            "@id": self.api_url("@navroot"),
            "navroot": full(request, root, request.user, None, page_url(request, root)),
        }


class TranslationsService(ComponentService):
    def build(self):
        request = self.request
        context, root = self.context, self.chain[0]
        # The page's other languages and the site root's, in one query.
        found = access.visible(
            Page.objects.filter(
                Q(translation_key=context.translation_key) | Q(translation_key=root.translation_key)
            ).only(
                "id", "path", "depth", "url_path", "title", "live", "locale_id", "translation_key"
            ),
            request.user,
        )
        found = list(found.order_by("path"))
        others = [
            p for p in found if p.translation_key == context.translation_key and p.pk != context.pk
        ]
        roots = [p for p in found if p.translation_key == root.translation_key]
        return {
            "@id": self.api_url("@translations"),
            "items": [{"@id": page_url(request, p), "language": language_of(p)} for p in others],
            "root": {language_of(p): page_url(request, p) for p in roots},
        }


class SiteService(Service):
    def get(self, request):
        from ...models import Federation

        site = site_for_request(request._request)
        federation = Federation.current()
        title = (site.site_name if site else "") or (federation.name if federation else "")
        return Response(
            {
                "@id": self.absolute("/++api++/@site"),
                "features": {"multilingual": len(settings.LANGUAGES) > 1},
                "plone.allowed_sizes": [
                    f"{name} {side}:{side}" for name, side in _scales().items()
                ],
                "plone.available_languages": [code for code, _name in settings.LANGUAGES],
                "plone.default_language": settings.LANGUAGE_CODE,
                "plone.portal_timezone": settings.TIME_ZONE,
                "plone.site_logo": None,
                "plone.site_title": title,
                "batching": {"default_size": batching.DEFAULT_SIZE, "max_size": batching.MAX_SIZE},
            }
        )


def _scales():
    from ..serializers.fields import SCALES

    return SCALES


def _flag(value) -> bool:
    return str(value).lower() in ("1", "true", "yes", "on")


class ContextNavigationService(ComponentService):
    """`@contextnavigation`: the navigation portlet's tree around the context, as Plone builds
    it. From the navigation root (or `root_path`), `topLevel` levels down the context's path,
    the children of each page on the path to the context are listed and only the path is
    opened, down to `bottomLevel` levels below the root (0: no limit); `includeTop` puts the
    start page first; `currentFolderOnly` starts at the context's folder. Pages listed are
    those the caller may see that are folders, menu pages or on the path (a column's thousands
    of news items are not listed one by one), at most `LIMIT` per level."""

    LIMIT = 100
    PREFIX = "expand.contextnavigation."

    def param(self, name, default=""):
        query = self.request.query_params
        return query.get(self.PREFIX + name, query.get(name, default))

    def level(self, name) -> int:
        raw = str(self.param(name, "0")).strip()
        if not raw.lstrip("-").isdigit():
            raise errors.field_error(self.PREFIX + name, _("must be a whole number"))
        return max(int(raw), 0)

    def build(self):
        request = self.request
        context = self.context
        root = self.chain[0]
        root_path = self.param("root_path")
        if root_path:
            root = self.page_at(root_path)
        if _flag(self.param("currentFolderOnly", "")):
            root = context if context.numchild else (context.get_parent() or root)
        top, bottom = self.level("topLevel"), self.level("bottomLevel")
        path = [p for p in self.chain if p.path.startswith(root.path) and p.depth > root.depth]
        if context.path.startswith(root.path) and context.depth > root.depth:
            if not path or path[-1].pk != context.pk:
                path = [p for p in path if p.pk != context.pk] + [context]
        start = root if top == 0 else (path[top - 1] if len(path) >= top else None)
        data = {
            "@id": self.api_url("@contextnavigation"),
            "available": start is not None,
            "has_custom_name": False,
            "items": [],
            "title": str(_("Navigation")),
            "url": page_url(request, self.chain[0]),
        }
        if start is None:
            return data
        opened = [start] + [p for p in path if p.depth > start.depth]
        if bottom:
            opened = [p for p in opened if p.depth < root.depth + bottom]
        on_path = {p.pk for p in path}
        levels = {node.pk: [] for node in opened}
        if opened:
            # The children of every opened page in one query.
            under = Q()
            for node in opened:
                under |= Q(path__startswith=node.path, depth=node.depth + 1)
            children = access.visible(
                Page.objects.filter(under).filter(
                    Q(numchild__gt=0) | Q(show_in_menus=True) | Q(pk__in=on_path)
                ),
                request.user,
            ).order_by("path")
            parents = {node.path: node.pk for node in opened}
            rows = children.only(
                "id", "path", "depth", "title", "slug", "url_path", "live", "numchild",
                "content_type", "locale_id", "show_in_menus",
            ).select_related("content_type")[: self.LIMIT * len(opened)]  # fmt: skip
            for child in rows:
                level = levels[parents[child.path[: -Page.steplen]]]
                if len(level) < self.LIMIT:
                    level.append(child)
            if opened[0].pk == self.chain[0].pk:
                # The site root's level serves the menu (`@navigation`) of the same request.
                menu_children(request)[opened[0].pk] = levels[opened[0].pk]

        def node(page):
            return {
                "@id": page_url(request, page),
                "description": "",
                "href": page_url(request, page),
                "icon": None,
                "is_current": page.pk == context.pk,
                "is_folderish": bool(page.numchild),
                "is_in_path": page.pk in on_path,
                "items": [node(child) for child in levels.get(page.pk, [])],
                "normalized_id": page.slug,
                "review_state": "published" if page.live else "private",
                "thumb": "",
                "title": page.title,
                "type": page.content_type.model,
            }

        items = [node(child) for child in levels.get(start.pk, [])]
        if _flag(self.param("includeTop", "")):
            top_node = node(start)
            top_node["items"] = []
            items.insert(0, top_node)
        data["items"] = items
        return data

    def page_at(self, path):
        from ...routing import resolve

        path = path if path.startswith("/") else "/" + path
        resolved = resolve(self.request._request, path)
        if resolved is None or resolved[2] or not access.can_see(resolved[1], self.request.user):
            raise errors.field_error(self.PREFIX + "root_path", _("no such path %r") % path)
        return resolved[1]
