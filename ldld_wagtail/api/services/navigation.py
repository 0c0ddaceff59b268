"""`@breadcrumbs`, `@navigation`, `@navroot`, `@site`, `@translations`."""

from django.conf import settings
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


class NavigationService(ComponentService):
    """The menu: pages marked "show in menus" under the site root, `expand.navigation.depth`
    levels deep (1 by default), in one query."""

    def build(self):
        request = self.request
        raw = request.query_params.get("expand.navigation.depth", "1")
        if not raw.isdigit() or not 1 <= int(raw) <= 5:
            raise errors.field_error("expand.navigation.depth", _("must be between 1 and 5"))
        root = self.chain[0]
        pages = access.visible(
            Page.objects.descendant_of(root).filter(
                show_in_menus=True, depth__lte=root.depth + int(raw)
            ),
            request.user,
        ).order_by("path")
        nodes, by_path = [], {}
        for page in pages.only("id", "path", "depth", "title", "url_path", "live", "locale_id"):
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
        others = access.visible(
            self.context.get_translations().only(
                "id", "path", "depth", "url_path", "title", "live", "locale_id", "translation_key"
            ),
            request.user,
        )
        roots = access.visible(
            self.chain[0]
            .get_translations(inclusive=True)
            .only("id", "path", "depth", "url_path", "live", "locale_id"),
            request.user,
        )
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
