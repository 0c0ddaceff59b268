"""Page links for templates: what Wagtail's `pageurl` gives, without a URL reversal per link.

`Page.get_url()` reverses the serve view under the page's language for every link, and a
listing has thirty links. Here the reversal is done once a request for each site root (the
URL of the root itself); a page below it whose remaining path is plain ASCII slugs gets that
prefix plus the path, which is what the reversal returns. Every other case (a page in several
sites, unusual characters, a model with its own URL logic) goes to `get_url()`.
"""

import re

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from . import compat
from .cache import generation_cached

PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_\-]+/)*")


def site_for_request(request):
    if not compat.fast_paths():
        return Site.find_for_request(request)
    site = compat.remembered_site(request)
    if site is None:
        key = f"site:{compat.raw_host(request)}:{request.get_port()}"
        site = generation_cached(key, lambda: compat.find_site(request))
        compat.remember_site(request, site)
    return site


def site_root_paths():
    """`Site.get_site_root_paths()`, kept under the generation (a site change or a publish
    renews it)."""
    return generation_cached("site-root-paths", Site.get_site_root_paths)


def _site_root_paths(request):
    # On the attribute Wagtail's own `get_url()` reads, so both share one look-up.
    paths = compat.remembered_site_root_paths(request)
    if paths is None:
        paths = site_root_paths()
        compat.remember_site_root_paths(request, paths)
    return paths


def _root_url(request, language_code):
    """The path of a site root in `language_code`, as `get_url_parts()` reverses it."""
    active = translation.get_language()
    prefixes = request.__dict__.setdefault("_ldld_root_urls", {})
    key = (language_code, active)
    if key not in prefixes:
        try:
            if get_supported_content_language_variant(active) == language_code:
                language_code = active
        except LookupError:
            pass
        try:
            with translation.override(language_code):
                prefixes[key] = reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            prefixes[key] = None
    return prefixes[key]


def _url_parts(page, request):
    """(site_id, root_url, page_path) as `page.get_url_parts(request)` gives them, or None
    where only Wagtail can tell."""
    # A base `Page`, or a listing row of one (`api.serializers.rows.PageRow`): Wagtail's own
    # URL logic either way.
    model = type(page) if isinstance(page, Page) else Page
    if (
        request is None
        or not compat.fast_paths()
        or model.get_url is not Page.get_url
        or model.get_full_url is not Page.get_full_url
        or model.get_url_parts is not Page.get_url_parts
        or not getattr(settings, "WAGTAIL_APPEND_SLASH", True)
    ):
        return None
    matches = [srp for srp in _site_root_paths(request) if page.url_path.startswith(srp.root_path)]
    if not matches or len({srp.site_id for srp in matches}) > 1:
        return None
    site_id, root_path, root_url, language_code = matches[0]
    rest = page.url_path[len(root_path) :]
    prefix = _root_url(request, language_code)
    if prefix is None or not PLAIN_PATH.fullmatch(rest):
        return None
    return site_id, root_url, prefix + rest


def page_url(page, request):
    """`page.get_url(request)`."""
    parts = _url_parts(page, request)
    if parts is None:
        return page.get_url(request)
    site_id, root_url, path = parts
    current = site_for_request(request)  # Wagtail's look-up, kept under the generation
    if (current is not None and site_id == current.id) or len(
        {srp.site_id for srp in _site_root_paths(request)}
    ) == 1:
        return path
    return root_url + path


def full_page_url(page, request):
    """`page.get_full_url(request)`."""
    parts = _url_parts(page, request)
    if parts is None:
        return page.get_full_url(request)
    return parts[1] + parts[2]
