"""When a rendered fragment (a listing card, a page body, pagination links) may be kept, and
under what: `cache.generation_fragments` keeps it under the generation token."""

from django.utils.translation import get_language

from . import compat
from .page_urls import site_for_request


def fragment_scope(request) -> str | None:
    """What a fragment rendered for `request` depends on besides its page: the site (links are
    relative to it) and the language, as `<site id>:<language>`; None when the rendering must
    not be kept: the fast paths off, no request, a preview (unsaved content) or a reader with
    a login (an editor's view)."""
    if request is None or not compat.fast_paths() or getattr(request, "is_preview", False):
        return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    site = site_for_request(request)
    return f"{site.pk if site is not None else '-'}:{get_language() or ''}"
