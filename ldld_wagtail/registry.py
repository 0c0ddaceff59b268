"""Extension points through which a site's page types take part in the plugin's features.

The plugin imports no site app. A page type says what it is through class attributes (see
README, "Adding a page type") or registers itself here:

- `@syndicated()` on the page type the syndication feed (`@syndication`) serves, naming the
  fields the feed reads when they differ from the defaults; the reports count its items (news
  items and articles, by its `kind` field) for their units;
- `@earns(Earns(...))` on each page type whose published items earn royalties (news items and
  articles, videos, featured photos), naming the fields the monthly royalties read;
- `activity_count(fn)`: what a site app adds to the quarterly activity report (documents
  published, questions received and answered), as `fn(start, end) -> [(label, number)]`;
- `ldld_wagtail.cache.renews_generation` on a model the public pages show;
- `ldld_cached_alone = True` on a page type whose page shows only itself (the page cache then
  keeps it apart from the listings: `ldld_wagtail.cache.cached_alone`);
- `ldld_wagtail.home_boxes.home_box` on what a section adds to a home page;
- `item_listing(fn)`: how the items under a page are listed (a sub-site's home lists its
  unit's news through it);
- the sub-site and unit-introduction page types that `setup_portal` creates come from the
  profile (`[subsites] type`, `intro_type`) or the `LDLD_PAGE_TYPES` setting.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Syndication:
    """The fields of a syndicated page type that the feed reads (model field names)."""

    lead: str = "lead"
    body: str = "body"  # a StreamField
    authors: str = "authors"
    mark: str = "send_to_national"  # a boolean: marked for the outlets
    unit: str = "unit"  # a foreign key to `ldld.Unit`
    photos: str = "photos"  # a child relation whose rows have `image`, `caption`, `credit`
    tags: str = "tags"  # a ClusterTaggableManager
    kind: str = "kind"  # "tin" (news item) or "bai" (article): what the quota reports count


_syndicated: dict = {}


def syndicated(spec: Syndication | None = None):
    """Class decorator: the feed serves this page type, reading the fields `spec` names."""

    def register(model):
        _syndicated.clear()  # one page type is syndicated
        _syndicated[model] = spec or Syndication()
        return model

    return register


def syndicated_type():
    """(page model, its `Syndication`), or (None, None) when no page type is syndicated."""
    for model, spec in _syndicated.items():
        return model, spec
    return None, None


_listing: list = []


def item_listing(fn):
    """Register `fn(parent)`: the live, public items directly under `parent`, newest first, as
    a sequence a paginator can slice (one function: the portal's news items)."""
    _listing[:] = [fn]
    return fn


def items_under(parent):
    """The registered listing of the items under `parent`; empty when none is registered."""
    return _listing[0](parent) if _listing else []


@dataclass(frozen=True)
class Earns:
    """What a published page of a type earns in the monthly royalties (model field names).

    The page itself earns the rate of `kind` (or of the kind its `kind_field` holds) for the
    names in `authors` (a text field, names separated by commas); when `photos` names a child
    relation, each photo earns the `photo_kind` rate for its `credit`. `item_photos=True` makes
    that depend on the federation's choice (photos inside items), `False` makes them always
    count (photos sent for themselves: the featured photos)."""

    kind: str = ""
    kind_field: str = ""
    authors: str = ""
    unit: str = "unit"
    photos: str = ""
    photo_kind: str = "anh"
    item_photos: bool = False


_earning: dict = {}


def earns(spec: Earns):
    """Class decorator: published pages of this type count in the monthly royalties."""

    def register(model):
        _earning[model] = spec
        return model

    return register


def earning_types() -> list:
    """[(page model, its `Earns`)] in the order they were registered."""
    return list(_earning.items())


_activity: list = []


def activity_count(fn):
    """Register `fn(start, end)`: [(label, number)] for [start, end), lines the quarterly
    activity report adds after the items (a site's documents, its questions)."""
    if fn not in _activity:
        _activity.append(fn)
    return fn


def activity_counts(start, end) -> list[tuple[str, int]]:
    return [line for fn in _activity for line in fn(start, end)]
