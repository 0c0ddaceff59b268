"""`@search`: plone.restapi's catalog query over the pages the caller may see.

`SearchableText` goes through the portal's accent-insensitive index (`cong doan` finds
*Công đoàn*), ranked; other criteria filter Wagtail's page table. Either way a batch costs
the same handful of queries whatever its size.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.models import Page, WorkflowState, get_page_models

from ... import search as fulltext
from ...models import Withdrawal
from .. import access, batching, errors
from ..base import Service
from ..serializers.content import full, page_url, summaries
from ..serializers.prefetch import prefetch_full

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


class SearchService(Service):
    def get(self, request):
        start, size = batching.params(request)
        query = request.query_params
        pages = self.filtered(query)
        text = query.get("SearchableText", "").strip()
        if text:
            total, hits = fulltext.search(
                text, self.language, offset=start, limit=size, pages=pages
            )
            ids = [h.page_id for h in hits]
            by_id = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
            batch = [by_id[i] for i in ids if i in by_id]
        else:
            pages = pages.order_by(*self.ordering(query))
            total = pages.count()
            batch = list(pages[start : start + size].specific()) if total else []
        url = self.api_url("@search")
        data = {"@id": url, "items_total": total}
        if query.get("fullobjects") not in (None, "", "0", "false"):
            prefetch_full(batch)
            data["items"] = [
                full(request, p, request.user, None, page_url(request, p), state)
                for p, state in zip(batch, self.states(batch), strict=True)
            ]
        else:
            data["items"] = summaries(
                request, batch, request.user, query.getlist("metadata_fields")
            )
        links = batching.links(request, url, start, size, total)
        if links:
            data["batching"] = links
        return Response(data)

    def states(self, batch):
        states = access.review_states(batch, self.request.user)
        return [states[p.pk] for p in batch]

    def filtered(self, query):
        user = self.request.user
        pages = access.visible(Page.objects.all(), user)
        root = self.chain[0]
        pages = pages.filter(path__startswith=root.path)

        types = query.getlist("portal_type")
        if types:
            known = page_types()
            unknown = [t for t in types if t not in known]
            if unknown:
                raise errors.field_error("portal_type", _("unknown type %r") % unknown[0])
            cts = ContentType.objects.get_for_models(*[known[t] for t in types]).values()
            pages = pages.filter(content_type__in=list(cts))

        base = self.context
        path = query.get("path.query") or query.get("path")
        if path:
            base = self.page_at(path)
        depth = query.get("path.depth")
        if base.pk != root.pk or depth:
            pages = pages.filter(path__startswith=base.path)
            if depth:
                if not depth.isdigit():
                    raise errors.field_error("path.depth", _("must be a whole number"))
                pages = pages.filter(depth__lte=base.depth + int(depth))

        states = query.getlist("review_state")
        if states:
            bad = [s for s in states if s not in STATES]
            if bad:
                raise errors.field_error("review_state", _("unknown state %r") % bad[0])
            pages = self.in_states(pages, set(states))

        return self.by_date(pages, query)

    def page_at(self, path):
        from urllib.parse import urlsplit

        from ...routing import resolve

        path = urlsplit(path).path
        if path.startswith("/++api++"):
            path = path[len("/++api++") :]
        resolved = resolve(self.request._request, path)
        if resolved is None or resolved[2]:
            raise errors.field_error("path.query", _("no such path %r") % path)
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

    def by_date(self, pages, query):
        raw = query.getlist("effective.query")
        if not raw:
            return pages
        moments = [self.moment(v) for v in raw]
        kind = query.get("effective.range", "min")
        field = "first_published_at"
        if kind == "min":
            return pages.filter(**{f"{field}__gte": moments[0]})
        if kind == "max":
            return pages.filter(**{f"{field}__lte": moments[0]})
        if kind == "minmax" and len(moments) == 2:
            return pages.filter(**{f"{field}__range": moments})
        raise errors.field_error("effective.range", _("must be min, max or minmax (two dates)"))

    @staticmethod
    def moment(text):
        value = parse_datetime(text) or parse_date(text)
        if value is None:
            raise errors.field_error("effective.query", _("not a date: %r") % text)
        if isinstance(value, datetime.datetime):
            return value
        return timezone.make_aware(datetime.datetime.combine(value, datetime.time.min))

    def ordering(self, query):
        sort_on = query.get("sort_on", "path")
        if sort_on not in SORTS:
            raise errors.field_error("sort_on", _("cannot sort on %r") % sort_on)
        order = query.get("sort_order", "ascending")
        if order not in ("ascending", "descending", "reverse"):
            raise errors.field_error("sort_order", _("must be ascending or descending"))
        column = F(SORTS[sort_on])
        if order == "ascending":
            return [column.asc(nulls_first=True), "pk"]
        return [column.desc(nulls_last=True), "-pk"]
