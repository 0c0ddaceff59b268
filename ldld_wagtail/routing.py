"""Page serving in a fixed, small number of queries, whatever the depth of the page.

Wagtail routes a request one tree level at a time (two queries a level, plus the site, its root,
its locale and the view restrictions: ten queries for an article before any content). Here the
site and its root are cached under the page-cache generation, the whole chain of pages on the
path comes from one query on the indexed `slug` column (and is cached under the generation too),
and the specific page from one more.
The page's own `route()` still runs for what is left of the path (RoutablePageMixin routes such
as a column's `rss/`), and Wagtail's `before_serve_page` and `on_serve_page` hooks still run;
the view-restriction check is skipped only for pages under no restriction.
"""

import copy
import hashlib
from collections import OrderedDict

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page
from wagtail.views import serve as wagtail_serve
from wagtail.wagtail_hooks import check_view_restrictions

from . import compat
from .cache import current_generation, generation_cached
from .page_urls import site_for_request, site_root_paths
from .visibility import is_restricted

STEP = Page.steplen
CHAIN_FIELDS = (
    "id",
    "path",
    "depth",
    "slug",
    "title",
    "search_description",
    "url_path",
    "content_type_id",
    "live",
    "locale_id",
    "translation_key",
)
# Routes are kept under the generation token, so a publish, move or delete is seen at once; the
# timeout only lets the routes of pages nobody visits any more leave the cache.
ROUTE_SECONDS = 24 * 3600


def site_root(request):
    """The site's root page (base `Page`) in the active language, cached."""
    if hasattr(request, "_ldld_root"):
        return request._ldld_root
    site = site_for_request(request)
    root = None
    if site is not None and not compat.fast_paths():
        root = site.root_page.localized
    elif site is not None:
        language = (get_language() or "").split("-")[0]
        root = generation_cached(f"root:{site.pk}:{language}", lambda: site.root_page.localized)
    request._ldld_root = root
    return root


def _chain(root, components: list[str]) -> list:
    """The pages from `root` down along `components`, as far as they match: one query."""
    chain = [root]
    if components:
        candidates = {
            (p.path[:-STEP], p.slug): p
            for p in Page.objects.filter(
                slug__in=components,
                path__startswith=root.path,
                depth__lte=root.depth + len(components),
            ).only(*CHAIN_FIELDS)
        }
        for component in components:
            child = candidates.get((chain[-1].path, component))
            if child is None:
                break
            chain.append(child)
    return chain


def resolve(request, path: str, specific: bool = True, shared: bool = False):
    """(page chain from the root, specific page, remaining path components) or None.

    With `specific` false the page is the chain's own base `Page` (a few columns, shared by
    requests: read it, never change it), which saves a query where only its place in the tree
    matters. With `shared`, a live page is read once per generation and process (a copy of it
    each time, see `_shared_page`): for readers of the public site, who see it as last
    published (every publish, unpublish, move or delete renews the generation), never for
    editors, who act on its current row."""
    root = site_root(request)
    if root is None or "\x00" in path:  # no page has it, and PostgreSQL refuses it in text
        return None
    components = [c for c in path.split("/") if c]
    chain = [root]
    if components and not compat.fast_paths():
        chain = _chain(root, components)
    elif components:
        # Only paths that lead to a page all the way are kept: unknown URLs add no entries.
        route = "/".join(components)
        if not route.isascii() or not route.isprintable() or len(route) > 200:
            route = hashlib.sha1(route.encode("utf-8", "surrogatepass")).hexdigest()
        chain = generation_cached(
            f"route:{root.pk}:{route}",
            lambda: _chain(root, components),
            ROUTE_SECONDS,
            keep=lambda chain: len(chain) == len(components) + 1,
        )
    page = chain[-1]
    if not specific:
        return chain, page, components[len(chain) - 1 :]
    model = page.specific_class or Page
    related = getattr(model, "serve_select_related", ())

    def load():
        return model._default_manager.select_related(*related).get(pk=page.pk)

    if shared and page.live and compat.fast_paths():
        specific = _shared_page(page.pk, load)
    else:
        specific = load()
    # What `page.url` (no request) would read from the cache on first use, already at hand.
    compat.remember_site_root_paths(specific, site_root_paths())
    return chain, specific, components[len(chain) - 1 :]


# Live pages read for readers, per process, for the current generation only: the most
# recently served SHARED_PAGES of them (a page object with its body can weigh tens of KB, and
# pickling it to the shared cache cost more than reading it again).
SHARED_PAGES = 500
_shared = {"token": None, "pages": OrderedDict()}


def _shared_page(pk, load):
    token = current_generation()
    if _shared["token"] != token:
        _shared.update(token=token, pages=OrderedDict())
    pages = _shared["pages"]
    page = pages.get(pk)
    if page is None:
        page = pages[pk] = load()
        if len(pages) > SHARED_PAGES:
            pages.popitem(last=False)
    else:
        try:
            pages.move_to_end(pk)
        except KeyError:  # another thread (runserver, gthread) dropped it meanwhile
            pass
    return copy.copy(page)  # what a request sets on its page stays with it


def serve(request, path):
    if not compat.fast_paths():
        return wagtail_serve(request, path)
    # Readers without a login share the live page objects (see `resolve`).
    resolved = resolve(request, path, shared=not request.user.is_authenticated)
    if resolved is None:
        raise Http404
    chain, page, remaining = resolved
    request._ldld_chain = chain
    if len(chain) > 1:
        compat.remember_parent(page, chain[-2])
    page, args, kwargs = page.route(request, remaining)
    compat.remember_route(request, page, args, kwargs)

    restricted = is_restricted(page)

    def serve_chain(page, request, args, kwargs):
        return page.serve(request, *args, **kwargs)

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        if fn is check_view_restrictions and not restricted:
            continue
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)
