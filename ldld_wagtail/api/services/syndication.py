"""`@syndication`: what the national union portal pulls (Quy chế 7.5-7.6: good items are
forwarded to outside outlets; a taken-down item must be withdrawn there too).

`GET /++api++/@syndication?since=<cursor>&b_size=N` answers the items chosen for the key's
outlet (`forwarding`; a consumer not tied to an outlet reads the national union portal's) that
changed after the cursor, oldest change first, as full items or, for items taken
down, unpublished, unmarked or deleted, as tombstones. `next` is the cursor to send next time;
a batch with no items means the consumer is up to date (and `next` is the cursor it sent).

Paging is by keyset over the change log (`id > cursor ORDER BY id LIMIT n`), and a page that
changed several times is reported once, at its latest change, in its current state. A batch
costs the same handful of queries whatever its size or position.

Only holders of a consumer's API key (`manage.py syndication_key`) may read it. Each batch notes
when the outlet pulled its items (shown in the admin's forwarding screen).

Several consumers polling the same feed from the same cursor get one answer, built once and
kept in the process's memory (`FEED_ANSWERS`, bounded) until the feed logs a new change or the
public site changes (the generation): the key is checked and the pull noted every time.
"""

import base64
import binascii

from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.models import APIToken

from ... import forwarding
from ...cache import AnswerMemo, current_generation
from ...models import Outlet, SyndicationChange
from ...registry import syndicated_type
from ...syndication import CONSUMERS_GROUP
from ...visibility import is_restricted
from .. import batching, errors
from ..auth import BearerAuthentication
from ..base import RenderedOnce, Service, UnicodeJSONRenderer
from ..serializers import content
from ..serializers.feed import feed_items
from ..serializers.fields import image, iso, richtext, term

CURSOR_PREFIX = "c1:"
# Answers kept per process: (feed, cursor, batch size, address, latest change) → the answer and
# the items it pulls. The cursor is the caller's input: hence the bounds.
FEED_ANSWERS = AnswerMemo(lambda: 200, lambda: 16 * 1024 * 1024)
FEED_KEY_LIMIT = 1000


def encode_cursor(change_id: int) -> str:
    raw = f"{CURSOR_PREFIX}{change_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        if not raw.startswith(CURSOR_PREFIX):
            raise ValueError(raw)
        number = int(raw[len(CURSOR_PREFIX) :])
        if number < 0:
            raise ValueError(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise errors.field_error("since", _("is not a cursor given by this feed")) from None
    return number


class ConsumerKeyAuthentication(BearerAuthentication):
    """API keys, with whether the key's user is a consumer answered by the same query."""

    def key_queryset(self):
        groups = Group.objects.filter(user=OuterRef("user_id"), name=CONSUMERS_GROUP)
        own = Outlet.objects.filter(consumer=OuterRef("user_id")).values("pk")[:1]
        national = Outlet.objects.filter(national=True).values("pk")[:1]
        return (
            super()
            .key_queryset()
            .annotate(is_consumer=Exists(groups), outlet_id=Coalesce(Subquery(own), national))
        )


class SyndicationService(Service):
    authentication_classes = [ConsumerKeyAuthentication]

    def check_permissions(self, request):
        if not isinstance(request.auth, APIToken):
            raise exceptions.NotAuthenticated(_("This feed needs a consumer's API key."))
        if not request.auth.is_consumer:
            raise exceptions.PermissionDenied(_("This API key is not a syndication consumer's."))

    def get(self, request):
        since = decode_cursor(request.query_params.get("since", ""))
        _start, size = batching.params(request)
        self.outlet = None
        if request.auth.outlet_id is not None:
            self.outlet = Outlet.objects.get(pk=request.auth.outlet_id)
        # The national union portal's feed is the changes logged without an outlet.
        feed = None if self.outlet is None or self.outlet.national else self.outlet
        address = request.build_absolute_uri()
        latest = (
            SyndicationChange.objects.filter(outlet=feed)
            .order_by("-id")
            .values_list("id", flat=True)
            .first()
        )
        key = (feed.pk if feed else None, since, size, address, latest)
        generation = current_generation()
        kept = FEED_ANSWERS.get(key, generation) if len(address) <= FEED_KEY_LIMIT else None
        if kept is None:
            kept = self.answer(request, feed, since, size)
            # Rendered here once: the size to bound the memory by, and the bytes sent.
            FEED_ANSWERS.put(key, generation, kept, len(UnicodeJSONRenderer().render(kept[0])))
        answer, pulled = kept
        forwarding.record_pulls(self.outlet, pulled)
        return Response(answer)

    def answer(self, request, feed, since, size) -> tuple[dict, list]:
        """The batch after cursor `since`, and the ids of the items it pulls."""
        later = SyndicationChange.objects.filter(
            uid=OuterRef("uid"), id__gt=OuterRef("id"), outlet=feed
        )
        rows = list(
            SyndicationChange.objects.filter(id__gt=since, outlet=feed)
            .exclude(Exists(later))
            .order_by("id")[: size + 1]
        )
        up_to_date = len(rows) <= size
        rows = rows[:size]
        page_ids = [r.page_id for r in rows if r.page_id]
        pages = self.pages(page_ids)
        self.chosen = None if feed is None else forwarding.chosen_for(feed, page_ids)
        items, seen = [], set()
        for row in rows:
            if row.uid in seen:  # the log is collapsed already; this only guards the batch
                continue
            seen.add(row.uid)
            items.append(self.item(row, pages.get(row.page_id)))
        answer = RenderedOnce(
            {
                "@id": self.absolute(request.get_full_path()),
                "items": items,
                "next": encode_cursor(rows[-1].id if rows else since),
                "up_to_date": up_to_date,
            }
        )
        return answer, [r.page_id for r in rows if r.page_id in pages]

    def pages(self, ids) -> dict:
        model, spec = syndicated_type()
        items = feed_items(ids)
        # Topic names in one query (modelcluster's tag manager ignores prefetched tags).
        subjects = {}
        if model is not None:
            tagged = getattr(model, spec.tags).through.objects.filter(content_object_id__in=ids)
            for page_id, name in tagged.order_by("tag__name").values_list(
                "content_object_id", "tag__name"
            ):
                subjects.setdefault(page_id, []).append(name)
        for item in items.values():
            item.subjects = subjects.get(item.pk, [])
            # A view restriction on the page or an ancestor, from the cached restricted paths.
            # (An SQL `EXISTS` on path prefixes scanned the whole page table once per item.)
            item.restricted = is_restricted(item)
        return items

    def item(self, row, page) -> dict:
        reason = self.withdrawn_reason(page)
        if reason:
            return {
                "UID": row.uid,
                "@id": (
                    content.page_url(self.request, page)
                    if page
                    else self.absolute(row.url).rstrip("/")
                ),
                "withdrawn": True,
                "time": iso(row.at),
                "reason": reason,
            }
        return self.full(page)

    def withdrawn_reason(self, page) -> str:
        if page is None:
            return "deleted"
        if page.withdrawn_as:
            return page.withdrawn_as
        if not page.live:
            return "unpublished"
        if not (page.send_to_national if self.chosen is None else page.pk in self.chosen):
            return "unmarked"
        if page.restricted:
            return "restricted"
        return ""

    def full(self, page) -> dict:
        request = self.request
        return {
            "UID": content.uid(page),
            "@id": content.page_url(request, page),
            "@type": content.type_id(page),
            "title": page.title,
            "description": page.lead,
            "text": richtext(str(page.body) if page.body else ""),
            "images": [
                {**(image(request, p.image) or {}), "caption": p.caption, "credit": p.credit}
                for p in page.photos
            ],
            "authors": [a.strip() for a in page.authors.split(",") if a.strip()],
            "unit": term(page.unit),
            "subjects": page.subjects,
            "effective": iso(page.go_live_at or page.first_published_at),
            "modified": iso(page.last_published_at or page.latest_revision_created_at),
            "language": content.language_of(page),
        }
