"""Template tags for the portal layout: site home, menu, breadcrumbs, translations, paging,
images.

The layout's data (the home page with its footer details, the menu) is cached under the
page-cache generation, so it costs no query on a warm cache and is fresh after any publish.
"""

from django import template
from django.http import QueryDict
from django.template.base import Token
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.images.templatetags.wagtailimages_tags import ImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as wagtail_image_tag
from wagtail.models import Page

from .. import compat
from ..cache import generation_cached, generation_fragments
from ..fragments import fragment_scope
from ..images import img_tag, rendition
from ..page_urls import full_page_url as _full_page_url
from ..page_urls import page_url as _page_url
from ..routing import site_root
from ..visibility import live_public

register = template.Library()

# Under the generation token, so a publish shows at once; the timeout only lets entries for
# pages nobody visits any more leave the cache.
TRANSLATION_SECONDS = 24 * 3600


def _chrome(request):
    if not hasattr(request, "_ldld_chrome"):
        root = site_root(request)
        chrome = {"home": None, "menu": []}
        if root is not None:

            def compute():
                menu = (
                    live_public(root.get_children())
                    .in_menu()
                    .only("title", "url_path", "path", "depth", "locale")
                )
                return {"home": root.specific, "menu": list(menu)}

            chrome = generation_cached(f"chrome:{root.pk}", compute)
        request._ldld_chrome = chrome
    return request._ldld_chrome


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the current site in the active language."""
    return _chrome(context["request"])["home"]


@register.simple_tag(takes_context=True)
def main_menu(context):
    return _chrome(context["request"])["menu"]


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """Wagtail's `{% pageurl page %}`, cheaper for many links: see `..page_urls`."""
    return _page_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def full_page_url(context, page):
    """Wagtail's `{% fullpageurl page %}`, sharing `page_url`'s work."""
    return _full_page_url(page, context.get("request"))


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page, home):
    """The pages between the home page and `page` (both excluded)."""
    if page is None or home is None or page.depth <= home.depth + 1:
        return []
    chain = getattr(context["request"], "_ldld_chain", None)
    if chain and chain[-1].pk == page.pk:
        return chain[1:-1]
    return list(
        Page.objects.ancestor_of(page).filter(depth__gt=home.depth).only("title", "url_path")
    )


@register.simple_tag(takes_context=True)
def other_language(context, page=None, home=None):
    """(code, label, url) of the other locale: the page's translation when it is live."""
    current = (get_language() or "vi")[:2]
    code, label = ("en", "English") if current == "vi" else ("vi", "Tiếng Việt")
    fallback = "/en/" if code == "en" else "/"
    if page is None or not getattr(page, "pk", None) or (home and page.pk == home.pk):
        return code, label, fallback

    def compute():  # [url], or [] when there is no live translation
        translation = page.get_translations().live().filter(locale__language_code=code).first()
        return [translation.url] if translation else []

    found = generation_cached(f"translation:{page.pk}:{code}", compute, TRANSLATION_SECONDS)
    return code, label, (found[0] if found else fallback)


@register.simple_tag(takes_context=True)
def feed_column(context, page):
    """The page whose feeds the layout announces: the page or its parent, if it has feeds."""
    if page is None or not getattr(page, "pk", None):
        return None
    if getattr(page, "has_feeds", False):
        return page
    chain = getattr(context["request"], "_ldld_chain", None)
    if chain and len(chain) > 1 and chain[-1].pk == page.pk:
        parent = chain[-2]
    else:  # served by Wagtail's own router (`LDLD_FAST_PATHS` off)
        parent = page.get_parent()
    if parent is not None and getattr(parent.specific_class, "has_feeds", False):
        return parent
    return None


@register.filter
def is_within(page, section):
    """True when `page` is `section` or below it (for marking the current menu entry)."""
    return bool(page and getattr(page, "path", "").startswith(section.path))


@register.filter
def page_range_around(page_obj, width=2):
    """Page numbers to link to: first, last and a window around the current page."""
    current, last = page_obj.number, page_obj.paginator.num_pages
    numbers = sorted({1, last, *range(max(1, current - width), min(last, current + width) + 1)})
    out, previous = [], 0
    for n in numbers:
        if n - previous > 1:
            out.append(None)
        out.append(n)
        previous = n
    return out


@register.filter
def with_related(rows, fields):
    """`rows.select_related(...)` for inline children shown with their image or file: one query
    for all rows instead of one per row. `fields` is comma-separated; other values pass through."""
    select_related = getattr(rows, "select_related", None)
    return select_related(*fields.split(",")) if select_related else rows


@register.simple_tag
def live_children(page):
    """The live, public children of `page` (titles and URLs only), in tree order: one query."""
    if page is None or not getattr(page, "pk", None) or not page.numchild:
        return []
    return list(
        live_public(page.get_children()).only("title", "url_path", "path", "depth", "locale")
    )


@register.simple_tag(takes_context=True)
def query_param(context, name):
    """A query-string parameter of the current request (names such as `chu-de` included)."""
    request = context.get("request")
    return request.GET.get(name, "") if request is not None else ""


class _ImageNode(ImageNode):
    def render(self, context):
        if not compat.fast_paths():
            return super().render(context)
        image = self.validate_image(context)
        if not image:
            return ""
        found = rendition(image, "|".join(self.filter_specs))
        if self.output_var_name:
            context[self.output_var_name] = found
            return ""
        return img_tag(found, {name: value.resolve(context) for name, value in self.attrs.items()})


@register.tag
def img(parser, token):
    """`{% image %}` with the same arguments and output, cheaper in listings: see `..images`."""
    contents = "image" + token.contents[len("img") :]
    node = wagtail_image_tag(
        parser, Token(token.token_type, contents, token.position, token.lineno)
    )
    return compat.image_node(_ImageNode, node)


PAGINATION_TEMPLATE = "ldld_wagtail/includes/pagination.html"


@register.simple_tag(takes_context=True)
def pagination(context, items):
    """The links between the pages of a listing (`items`, a paginator page): previous, the
    first, the last and the pages around this one, next; each keeps the request's query
    string with its own page number (`ldld_wagtail/includes/pagination.html`).

    Where the query string holds no more than the page number, the links depend only on the
    page, the number of pages and the language: kept under the generation token for readers,
    so that a deep page's dozen links cost no more than the first page's."""
    request = context.get("request")
    query = request.GET if request is not None else QueryDict()

    def render(positions=None):
        return [get_template(PAGINATION_TEMPLATE).render({"items": items, "query": query})]

    scope = fragment_scope(request)
    if scope is None or not set(query) <= {"page"}:
        return render()[0]
    key = f"pagination:{items.number}:{items.paginator.num_pages}:{scope}"
    return mark_safe(generation_fragments([key], render)[0])  # noqa: S308 - the template's
