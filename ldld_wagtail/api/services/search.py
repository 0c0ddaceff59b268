"""`@search`: plone.restapi's catalog query over the pages the caller may see.

`SearchableText` goes through the portal's accent-insensitive index (`cong doan` finds
*Công đoàn*), ranked; other criteria filter Wagtail's page table. Either way a batch costs
the same handful of queries whatever its size. `@querystring-search` asks the same questions
in another syntax: both turn their request into `Criteria` and share `CatalogService`.
"""

import dataclasses
import datetime
import hashlib
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.response import Response
from taggit.managers import TaggableManager
from wagtail.models import Page, WorkflowState, get_page_models

from ... import search as fulltext
from ...cache import generation_cached
from ...listing import ordered, window_ids
from ...models import Unit, Withdrawal
from ...routing import resolve
from .. import access, batching, errors
from ..base import Service
from ..serializers.content import full, page_url, summaries
from ..serializers.prefetch import prefetch_full
from ..serializers.rows import page_rows

SORTS = {
    "effective": "first_published_at",
    "created": "first_published_at",
    "modified": "latest_revision_created_at",
    "sortable_title": "title",
    "path": "path",
    "getObjPositionInParent": "path",
}
STATES = {"published", "private", "pending", "withdrawn"}


def page_types() -> dict:
    return {m.__name__: m for m in get_page_models() if m is not Page}


def unit_fields() -> list:
    """(page model, field name) of every page type's unit in its `api_fields`."""
    return [
        (model, name)
        for model in page_types().values()
        for name in getattr(model, "api_fields", ())
        if getattr(model._meta.get_field(name), "related_model", None) is Unit
    ]


def tag_fields() -> list:
    """(page model, field name) of every page type's tags (topics) in its `api_fields`."""
    return [
        (model, name)
        for model in page_types().values()
        for name in getattr(model, "api_fields", ())
        if isinstance(model._meta.get_field(name), TaggableManager)
    ]


def by_fields(fields, attribute, values) -> Q:
    """Pages whose `field` (any of `fields`) has one of `values` as its `attribute`."""
    wanted = Q(pk__in=[])
    for model, name in fields:
        rows = model.objects.filter(**{f"{name}__{attribute}__in": values})
        wanted |= Q(pk__in=rows.values("pk"))
    return wanted


@dataclasses.dataclass
class Criteria:
    """What a catalog query asks for, whatever its syntax. `base` None means the context."""

    types: list = dataclasses.field(default_factory=list)
    base: Page | None = None
    depth: int | None = None
    states: set = dataclasses.field(default_factory=set)
    effective_min: datetime.datetime | None = None
    effective_max: datetime.datetime | None = None
    text: str = ""
    units: list = dataclasses.field(default_factory=list)
    subjects: list = dataclasses.field(default_factory=list)
    exclude: Page | None = None
    sort_on: str = "path"
    sort_order: str = "ascending"


class CatalogService(Service):
    def answer(self, criteria, url, start, size, fullobjects=False, metadata=(), limit=None):
        """The batched body for the pages matching `criteria`; `limit` caps the total."""
        request = self.request
        pages = self.filtered(criteria)
        if limit is not None:
            size = max(0, min(size, limit - start))
        if criteria.text:
            if self.public_only(criteria):
                # The index holds live, public pages only: the context's path is the whole
                # filter, and the count changes only with the public site.
                base = criteria.base or self.context
                # Entries keep the page's URL as `Page.get_url()` gives it; so does the prefix.
                prefix = generation_cached(f"entry-url:{base.pk}", lambda: base.get_url() or "")
                total, hits = fulltext.search(
                    criteria.text,
                    self.language,
                    offset=start,
                    limit=size,
                    url_prefix=prefix,
                    keep_count=True,
                )
            else:
                total, hits = fulltext.search(
                    criteria.text, self.language, offset=start, limit=size, pages=pages
                )
            ids = [h.page_id for h in hits]
            found = Page.objects.filter(pk__in=ids)
            if not ids:
                by_id = {}
            elif fullobjects:
                by_id = {p.pk: p for p in found.specific()}
            else:
                by_id = {p.pk: p for p in page_rows(found.values("pk"), "id", False)}
            batch = [by_id[i] for i in ids if i in by_id]
        else:
            key = self.shared_key(criteria)
            total = self.count(pages, key)
            batch = []
            if total and size:
                # The batch's ids first, from an index alone (migration 0007), then its rows;
                # a deep batch starts from the nearest remembered entry, so it costs what the
                # first does. Summaries need the base rows only; full objects the specific ones.
                column, descending = SORTS[criteria.sort_on], criteria.sort_order != "ascending"
                window = window_ids(pages, column, descending, start, size, key, shared=False)
                if fullobjects:
                    rows = ordered(Page.objects.filter(pk__in=window), column, descending)
                    batch = list(rows.specific())
                else:
                    batch = page_rows(window, column, descending, criteria.types)
        if limit is not None:
            total = min(total, limit)
        data = {"@id": url, "items_total": total}
        if fullobjects:
            prefetch_full(batch)
            data["items"] = [
                full(request, p, request.user, None, page_url(request, p), state)
                for p, state in zip(batch, self.states(batch), strict=True)
            ]
        else:
            data["items"] = summaries(request, batch, request.user, metadata)
        links = batching.links(request, url, start, size or 1, total)
        if links:
            data["batching"] = links
        return data

    def public_only(self, criteria) -> bool:
        """Whether the caller sees the public site only and asks for nothing that the search
        index's own columns cannot answer."""
        return (
            not access.is_editor(self.request.user)
            and not criteria.types
            and criteria.depth is None
            and criteria.states <= {"published"}
            and criteria.effective_min is None
            and criteria.effective_max is None
            and criteria.exclude is None
            and not criteria.units
            and not criteria.subjects
        )

    def shared_key(self, criteria) -> str | None:
        """A name for what `criteria` match as every public caller sees it (None for
        editors, who see their own drafts too): their counts and anchors are kept under the
        public site's generation."""
        if access.is_editor(self.request.user):
            return None
        base = criteria.base or self.context
        key = repr(
            (
                self.chain[0].pk,
                base.pk,
                sorted(t.__name__ for t in criteria.types),
                criteria.depth,
                sorted(criteria.states),
                criteria.effective_min,
                criteria.effective_max,
                criteria.exclude.pk if criteria.exclude is not None else None,
                sorted(criteria.units),
                sorted(criteria.subjects),
            )
        )
        return "api:" + hashlib.sha1(key.encode()).hexdigest()

    def count(self, pages, key):
        """How many pages match, kept under the generation for public callers."""
        if key is None:
            return pages.count()
        # The key sums up the caller's query: kept in this process only.
        return generation_cached(f"count:{key}", pages.count, shared=False)

    def states(self, batch):
        states = access.review_states(batch, self.request.user)
        return [states[p.pk] for p in batch]

    def filtered(self, criteria):
        user = self.request.user
        pages = access.visible(Page.objects.all(), user)
        root = self.chain[0]
        pages = pages.filter(path__startswith=root.path)

        if criteria.types:
            cts = ContentType.objects.get_for_models(*criteria.types).values()
            pages = pages.filter(content_type__in=list(cts))

        base = criteria.base or self.context
        if base.pk != root.pk or criteria.depth is not None:
            pages = pages.filter(path__startswith=base.path)
            if criteria.depth is not None:
                pages = pages.filter(depth__lte=base.depth + criteria.depth)
                if criteria.depth >= 1:  # Plone's depth 1 is the children, not the folder
                    pages = pages.filter(depth__gt=base.depth)

        if criteria.units:
            pages = pages.filter(by_fields(unit_fields(), "code", criteria.units))
        if criteria.subjects:
            pages = pages.filter(by_fields(tag_fields(), "name", criteria.subjects))
        if criteria.states:
            pages = self.in_states(pages, criteria.states)
        if criteria.exclude is not None:
            pages = pages.exclude(pk=criteria.exclude.pk)

        field = "first_published_at"
        if criteria.effective_min is not None:
            pages = pages.filter(**{f"{field}__gte": criteria.effective_min})
        if criteria.effective_max is not None:
            pages = pages.filter(**{f"{field}__lte": criteria.effective_max})
        return pages

    @staticmethod
    def types(names, field):
        known = page_types()
        unknown = [t for t in names if t not in known]
        if unknown:
            raise errors.field_error(field, _("unknown type %r") % unknown[0])
        return [known[t] for t in names]

    @staticmethod
    def review_states(states, field):
        bad = [s for s in states if s not in STATES]
        if bad:
            raise errors.field_error(field, _("unknown state %r") % bad[0])
        return set(states)

    def page_at(self, path, field="path.query"):
        path = urlsplit(path).path
        if path.startswith("/++api++"):
            path = path[len("/++api++") :]
        resolved = resolve(self.request._request, path)
        if resolved is None or resolved[2]:
            raise errors.field_error(field, _("no such path %r") % path)
        return resolved[1]

    def in_states(self, pages, states):
        if not access.is_editor(self.request.user):
            return pages if "published" in states else pages.none()
        pending = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=access.page_type()
        )
        pending_ids = pending.values("object_id")
        withdrawn_ids = Withdrawal.objects.filter(restored_at__isnull=True).values("page_id")
        pages = pages.annotate(pk_text=Cast("pk", output_field=CharField(max_length=255)))
        q = Q()
        if "pending" in states:
            q |= Q(pk_text__in=pending_ids)
        if "published" in states:
            q |= Q(live=True) & ~Q(pk_text__in=pending_ids)
        if "withdrawn" in states:
            q |= Q(live=False, pk__in=withdrawn_ids) & ~Q(pk_text__in=pending_ids)
        if "private" in states:
            q |= Q(live=False) & ~Q(pk__in=withdrawn_ids) & ~Q(pk_text__in=pending_ids)
        return pages.filter(q)

    @staticmethod
    def moment(text, field="effective.query"):
        value = parse_datetime(text) or parse_date(text) if isinstance(text, str) else None
        if value is None:
            raise errors.field_error(field, _("not a date: %r") % text)
        if isinstance(value, datetime.datetime):
            # Without an offset, a moment is Vietnam's (the site's time zone), as a date is.
            return value if timezone.is_aware(value) else timezone.make_aware(value)
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))

    @staticmethod
    def sorting(sort_on, order):
        """Checked `sort_on` and `sort_order` values."""
        if sort_on not in SORTS:
            raise errors.field_error("sort_on", _("cannot sort on %r") % sort_on)
        if order not in ("ascending", "descending", "reverse"):
            raise errors.field_error("sort_order", _("must be ascending or descending"))
        return sort_on, order


class SearchService(CatalogService):
    def get(self, request):
        start, size = batching.params(request)
        query = request.query_params
        data = self.answer(
            self.criteria(query),
            self.api_url("@search"),
            start,
            size,
            fullobjects=query.get("fullobjects") not in (None, "", "0", "false"),
            metadata=query.getlist("metadata_fields"),
        )
        return Response(data)

    def criteria(self, query):
        criteria = Criteria(text=query.get("SearchableText", "").strip())
        criteria.types = self.types(query.getlist("portal_type"), "portal_type")
        path = query.get("path.query") or query.get("path")
        if path:
            criteria.base = self.page_at(path)
        depth = query.get("path.depth")
        if depth:
            if not depth.isdigit():
                raise errors.field_error("path.depth", _("must be a whole number"))
            criteria.depth = int(depth)
        criteria.states = self.review_states(query.getlist("review_state"), "review_state")
        criteria.subjects = [v for v in query.getlist("Subject") if v.strip()]
        criteria.units = [v for v in query.getlist("unit") if v.strip()]
        self.by_date(criteria, query)
        criteria.sort_on, criteria.sort_order = self.sorting(
            query.get("sort_on", "path"), query.get("sort_order", "ascending")
        )
        return criteria

    def by_date(self, criteria, query):
        raw = query.getlist("effective.query")
        if not raw:
            return
        moments = [self.moment(v) for v in raw]
        kind = query.get("effective.range", "min")
        if kind == "min":
            criteria.effective_min = moments[0]
        elif kind == "max":
            criteria.effective_max = moments[0]
        elif kind == "minmax" and len(moments) == 2:
            criteria.effective_min, criteria.effective_max = moments
        else:
            raise errors.field_error("effective.range", _("must be min, max or minmax (two dates)"))
