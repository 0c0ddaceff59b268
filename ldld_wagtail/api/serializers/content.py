"""Pages as plone.restapi content: the full object (GET) and the summary used in listings."""

from wagtail.models import Page

from ...identity import language_of, uid  # noqa: F401  (part of the serialisers' vocabulary)
from ...page_urls import page_url as fast_url
from ..access import review_states
from .fields import iso, value
from .lock import lock_info
from .rows import PageRow
from .schema import layout, photo_field

COMPONENTS = (
    "actions",
    "breadcrumbs",
    "contextnavigation",
    "navigation",
    "navroot",
    "translations",
    "types",
    "workflow",
)


def page_url(request, page) -> str:
    """A page's `@id`: its public URL in Plone's form, without Wagtail's trailing slash
    (`…/tuyen-giao-nu-cong`; the site root is the bare host), so that a client may append
    `/@workflow` to it. Both forms resolve on the way in."""
    django_request = getattr(request, "_request", request)
    url = fast_url(page, django_request) or page.url_path
    return request.build_absolute_uri(url).rstrip("/")


def type_id(page) -> str:
    return (page.specific_class or Page).__name__


def type_title(page) -> str:
    return str((page.specific_class or Page)._meta.verbose_name).capitalize()


def description(page, known=None) -> str:
    """The type's summary field (a news item's lead) or the SEO description. `known` holds
    summaries fetched for a whole batch of base `Page` rows (`descriptions()`)."""
    if known is not None and page.pk in known:
        return known[page.pk] or ""
    if isinstance(page, PageRow):
        if getattr(page.specific_class, "api_description_field", None):
            return page.summary or ""
        return page.search_description or ""
    name = getattr(page.specific_class, "api_description_field", None)
    if name and isinstance(page, page.specific_class):
        return getattr(page, name) or ""
    return page.search_description or ""


def descriptions(pages) -> dict:
    """{page id: summary} for base `Page` rows: one narrow query per page type that has its
    own summary field, instead of loading every specific row (bodies included)."""
    by_class = {}
    for page in pages:
        if isinstance(page, PageRow):  # its summary came with it
            continue
        cls = page.specific_class
        name = getattr(cls, "api_description_field", None)
        if name and not isinstance(page, cls):
            by_class.setdefault((cls, name), []).append(page.pk)
    known = {}
    for (cls, name), ids in by_class.items():
        # No ordering: the page tree's default order would join the page table.
        known.update(cls.objects.order_by().filter(pk__in=ids).values_list("pk", name))
    return known


def is_folderish(page) -> bool:
    cls = page.specific_class or Page
    return bool(cls.creatable_subpage_models()) if cls is not Page else True


def summary(request, page, state, metadata_fields=(), known=None) -> dict:
    data = {
        "@id": page_url(request, page),
        "@type": type_id(page),
        "UID": uid(page),
        "description": description(page, known),
        "review_state": state,
        "title": page.title,
        "type_title": type_title(page),
    }
    for name in metadata_fields:
        data[name] = _metadata(page, name, known)
    return data


def common(page) -> dict:
    """Dates, language and folderishness: the same in summaries and full objects."""
    return {
        "created": iso(page.first_published_at or page.latest_revision_created_at),
        "modified": iso(page.latest_revision_created_at or page.last_published_at),
        "effective": iso(page.go_live_at or page.first_published_at),
        "expires": iso(page.expire_at),
        "language": language_of(page),
        "is_folderish": is_folderish(page),
    }


def created(page):
    """When the item was made: first published, or for one never published its first
    revision (the latest one's time moved with every save)."""
    if page.first_published_at:
        return page.first_published_at
    first = page.revisions.order_by("created_at", "pk").values_list("created_at", flat=True)
    return first.first() or page.latest_revision_created_at


def _metadata(page, name, known=None):
    """A `metadata_fields` value for a listing entry (None for names it does not know)."""
    if name in ("id", "getId"):
        return page.slug
    if name == "portal_type":
        return type_id(page)
    if name in PLONE_DATES:  # the catalog's text, 'None' when unset (Volto reads it so)
        return common(page).get(PLONE_DATES[name]) or "None"
    if name == "Title":
        return page.title
    if name == "Description":
        return description(page, known)
    return common(page).get(name)


# Plone's catalog names for the dates (Volto's folder contents shows them).
PLONE_DATES = {
    "CreationDate": "created",
    "ModificationDate": "modified",
    "EffectiveDate": "effective",
    "ExpirationDate": "expires",
}
# Every `metadata_fields` name a listing entry knows: what plone.restapi's `_all` gives.
METADATA_NAMES = (
    "id", "getId", "Title", "Description", "portal_type", "created", "modified", "effective",
    "expires", "language", "is_folderish", *PLONE_DATES,
)  # fmt: skip


def summaries(request, pages, user, metadata_fields=()) -> list:
    """Listing entries for base `Page` rows (or specific ones) in a fixed number of queries."""
    if "_all" in metadata_fields:
        metadata_fields = METADATA_NAMES
    states = review_states(pages, user)
    known = descriptions(pages)
    return [summary(request, p, states[p.pk], metadata_fields, known) for p in pages]


def full(request, page, user, parent, api_url, state=None, stored=None) -> dict:
    """The whole object: common metadata, the type's own `api_fields`, component links.

    `stored` is the page's database row when `page` is its working copy (a revision's
    content): the lock is the row's, never a revision's."""
    state = state or review_states([page], user)[page.pk]
    data = {
        "@components": {name: {"@id": f"{api_url}/@{name}"} for name in COMPONENTS},
        "@id": page_url(request, page),
        "@type": type_id(page),
        "UID": uid(page),
        "id": page.slug,
        "title": page.title,
        "description": description(page),
        "review_state": state,
        **common(page),
        "created": iso(created(stored or page)),
        "lock": lock_info(request, stored or page),
        "parent": {},
        "type_title": type_title(page),
    }
    if parent is not None and parent.depth > 1:
        data["parent"] = {
            "@id": page_url(request, parent),
            "@type": type_id(parent),
            "title": parent.title,
            "description": parent.search_description or "",
            "review_state": "published" if parent.live else "private",
            "type_title": type_title(parent),
        }
    api_fields = getattr(page, "api_fields", ())
    for name in api_fields:
        data[name] = value(request, page, name)
    data["layout"] = layout(page.specific_class or Page)
    # Plone's names for the body, the tags and the authors, which Plone's clients read.
    if "body" in api_fields and "text" not in api_fields:
        data["text"] = data["body"]
    if "tags" in api_fields:
        data["subjects"] = data["tags"]
    if "authors" in api_fields and isinstance(data["authors"], str):
        data["creators"] = [name.strip() for name in data["authors"].split(",") if name.strip()]
    photos = photo_field(type(page))
    if photos and photos in data:  # Plone's lead image: the first photo
        first = data[photos][0] if data[photos] else {}
        data["image"] = first.get("image")
        data["image_caption"] = first.get("caption")
    if page.seo_title:
        data["seo_title"] = page.seo_title
    return data
