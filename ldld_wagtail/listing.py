"""Paginated listings: a page of items in one query, the count from a cache, and deep pages
that cost what the first one does."""

import bisect
from operator import itemgetter

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, F, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
from django.utils.functional import cached_property
from django.utils.http import urlencode

from . import compat
from .cache import generation_cached, keep_listing_softly

# Every ANCHOR_STEP-th entry of a listing is remembered (its sort value and id), per listing
# and generation, so that a deep page starts from the nearest one instead of skipping every
# entry before it.
ANCHOR_STEP = 100


def children_of(queryset, page):
    """`queryset.child_of(page)` as a prefix on `path` and one equality on `depth`.

    Wagtail's `child_of` adds `depth >= page.depth` and `id != page.pk`; with them SQLite's planner
    walks the listing index as a range on depth and sorts every child (6-10 ms a listing at
    10 000 items) instead of reading the newest entries in index order.
    """
    return queryset.filter(path__startswith=page.path, depth=page.depth + 1)


class CachedCountPaginator(Paginator):
    """Counts once per page-cache generation: the total only changes when something is
    published, unpublished, moved or deleted, and every such change renews the generation."""

    def __init__(self, object_list, per_page, count_key, shared=True, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_key = count_key
        self.shared = shared

    @cached_property
    def count(self):
        return generation_cached(
            f"count:{self.count_key}",
            lambda: compat.uncached(Paginator.count, self),
            shared=self.shared,
        )


class ListingPageMixin:
    """An index page whose template receives `items`, a page of `get_listing_queryset()`."""

    listing_per_page = 12
    # The GET parameters `get_listing_queryset` reads; any other parameter is ignored.
    listing_filters: tuple[str, ...] = ()

    def get_listing_queryset(self, request):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = sorted(
            (name, request.GET[name]) for name in self.listing_filters if request.GET.get(name)
        )
        # A filtered count depends on what the reader typed: kept in this process only.
        paginator = CachedCountPaginator(
            self.get_listing_queryset(request),
            self.listing_per_page,
            count_key=f"{self.pk}:{urlencode(filters)}",
            shared=not filters,
        )
        context["items"] = items = paginator.get_page(request.GET.get("page"))
        if items.number > 1 and not filters:
            keep_listing_softly(request, items.object_list)
        return context


class DeferredJoinList:
    """A listing sliced on a narrow, indexed id query, then fetched in full for one page.

    `OFFSET 4000` over whole rows walks 4 000 rows; over the listing index it walks 4 000 index
    entries only (fewer still from an anchor: `window_ids`), so page 400 costs about what page 1
    does. `fetch(window)` gets the page's `values("pk")` query (ordered by `column`, newest
    first with `descending`) and returns its items in that order, best in one query with the
    window inside it.
    """

    def __init__(self, id_queryset, fetch, column="first_published_at", descending=True, key=None):
        self.id_queryset = id_queryset
        self.fetch = fetch
        self.column, self.descending, self.key = column, descending, key

    def count(self):
        return self.id_queryset.order_by().count()

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        if stop <= start:
            return []
        window = window_ids(
            self.id_queryset, self.column, self.descending, start, stop - start, self.key
        )
        return self.fetch(window)


def ordered(queryset, column: str, descending: bool):
    """`queryset` by `column` then id: newest (largest) first with empty values last, or the
    reverse. The listing indexes (migration 0007) hold this order on PostgreSQL and SQLite."""
    if descending:
        return queryset.order_by(F(column).desc(nulls_last=True), F("pk").desc())
    return queryset.order_by(F(column).asc(nulls_first=True), F("pk").asc())


def window_ids(
    queryset, column: str, descending: bool, start: int, size: int, key=None, shared=True
):
    """A `values("pk")` query of entries `start` to `start + size` of `queryset` in
    `ordered` order.

    `OFFSET 9000` walks 9 000 index entries. With `key` (naming this listing as everyone sees
    it, so only for listings that do not depend on who asks) the query instead starts after
    the nearest remembered entry before `start` and skips fewer than ANCHOR_STEP entries.
    """
    if key is not None and start >= ANCHOR_STEP:
        anchors = generation_cached(
            f"anchors:{key}", lambda: _anchors(queryset, column, descending), shared=shared
        )
        jump = _nearest(anchors, start, size, descending)
        if jump is not None:
            position, value, pk = jump
            skip = start - position - 1
            after = queryset.filter(_after(queryset.model, column, descending, value, pk))
            return ordered(after, column, descending).values("pk")[skip : skip + size]
    return ordered(queryset, column, descending).values("pk")[start : start + size]


def _after(model, column, descending, value, pk):
    """The entries after (`value`, `pk`) in `ordered` order, for entries with a value: one row
    comparison, which PostgreSQL takes to the listing index as where its walk starts (SQLite
    too has row values). Written as SQL: built through `filter()` and `exclude()` it cost the
    request more (about half a millisecond) than the whole query took the database."""
    qn = connection.ops.quote_name
    field = model._meta.get_field(column)
    table = qn(field.model._meta.db_table)  # a page type's order is on the base table
    key = f"{table}.{qn(field.model._meta.pk.column)}"
    sql = f"({table}.{qn(field.column)}, {key}) {'<' if descending else '>'} (%s, %s)"
    value = field.get_db_prep_value(value, connection)  # as the column stores it
    return ExpressionWrapper(RawSQL(sql, (value, pk)), output_field=BooleanField())


def _anchors(queryset, column, descending) -> dict:
    """Every ANCHOR_STEP-th entry as (0-based position, sort value, id), and how many entries
    have a sort value at all."""
    order = ordered(queryset, column, descending).query.order_by
    numbered = (
        queryset.order_by()
        .annotate(_n=Window(RowNumber(), order_by=list(order)))
        .annotate(_m=F("_n") % ANCHOR_STEP)
        .filter(_m=0)
        .values_list("_n", column, "pk")
    )
    points = sorted((n - 1, value, pk) for n, value, pk in numbered)
    valued = queryset.order_by().filter(**{f"{column}__isnull": False}).count()
    return {"points": points, "valued": valued}


def _nearest(anchors, start, size, descending):
    """The last remembered entry before `start` from which the window can be found by its
    sort value: one with a value, and (newest first, empty values last) a window of entries
    that all have one."""
    if descending and start + size > anchors["valued"]:
        return None
    points = anchors["points"]
    index = bisect.bisect_left(points, start, key=itemgetter(0)) - 1
    while index >= 0 and points[index][1] is None:
        index -= 1
    return points[index] if index >= 0 else None
