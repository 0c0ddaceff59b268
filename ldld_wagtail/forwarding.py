"""Forwarding good items to the outside outlets (Quy chế 7.5, 7.6; the profile's `[[outlets]]`).

Each outlet reads its own syndication feed (`@syndication` with its consumer's key). Who may
choose items for an outlet is the profile's (`markers`: Lào Cai's secretary for the national
union portal and *Báo Lao động*, its web admin for the provincial portal); whoever may edit an
item may propose it. The national union portal's choice is the item's own "send to the national
union portal" box (kept on the page, as the feed has always read it); the other outlets' are
`Forwarding` rows. Either way, a choice or its withdrawal is logged for that outlet's feed at
once, and the feed records when the outlet pulled each item.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import Forwarding, Outlet
from .registry import syndicated_type


def national_outlet() -> Outlet | None:
    return Outlet.objects.filter(national=True).first()


def may_mark(user, outlet: Outlet) -> bool:
    """Whether the user chooses items for the outlet (a national outlet with no roles named
    keeps the box open to every editor of the item, as before outlets were declared)."""
    return any(o.pk == outlet.pk for o in markable_outlets(user))


def may_mark_national(user) -> bool:
    outlet = national_outlet()
    return outlet is None or may_mark(user, outlet)


def may_propose(user, page) -> bool:
    return page.permissions_for_user(user).can_edit()


def _item(page):
    model, spec = syndicated_type()
    page = page.specific_deferred if type(page) is Page else page
    if model is None or not isinstance(page, model):
        raise PermissionDenied(_("Only news items and articles are sent to outlets."))
    return page, spec


def _set_national_box(page, spec, value: bool):
    """The item's own box, on the live page and on its latest revision (so that the next
    publication keeps the choice)."""
    type(page).objects.filter(pk=page.pk).update(**{spec.mark: value})
    setattr(page, spec.mark, value)
    revision = page.latest_revision
    if revision is not None and revision.content.get(spec.mark) != value:
        revision.content[spec.mark] = value
        revision.save(update_fields=["content"])


@transaction.atomic
def mark(page, outlet: Outlet, user, chosen: bool = True) -> Forwarding:
    """Choose the item for the outlet (or withdraw it: ``chosen=False``)."""
    from . import syndication

    page, spec = _item(page)
    if not may_mark(user, outlet):
        raise PermissionDenied(_("You do not choose items for %s.") % outlet.name)
    row, _created = Forwarding.objects.select_for_update().get_or_create(page=page, outlet=outlet)
    now = timezone.now()
    if chosen:
        row.marked_by, row.marked_at, row.unmarked_by, row.unmarked_at = user, now, None, None
    elif row.marked or (outlet.national and getattr(page, spec.mark)):
        row.unmarked_by, row.unmarked_at = user, now
    row.save()
    if outlet.national:
        _set_national_box(page, spec, chosen)
    syndication.page_changed(page, outlet)
    return row


@transaction.atomic
def propose(page, outlet: Outlet, user) -> Forwarding:
    page, _spec = _item(page)
    if not may_propose(user, page):
        raise PermissionDenied(_("You may not edit this item."))
    row, _created = Forwarding.objects.select_for_update().get_or_create(page=page, outlet=outlet)
    if row.proposed_at is None:
        row.proposed_by, row.proposed_at = user, timezone.now()
        row.save(update_fields=["proposed_by", "proposed_at"])
    return row


def chosen_for(outlet: Outlet, page_ids) -> set[int]:
    """The pages among ``page_ids`` chosen for a non-national outlet."""
    return set(
        Forwarding.objects.filter(
            outlet=outlet, page_id__in=page_ids, marked_at__isnull=False, unmarked_at__isnull=True
        ).values_list("page_id", flat=True)
    )


# How precisely a pull's time is kept: a consumer polling every few seconds writes once a
# minute, not at every batch.
PULL_PRECISION = datetime.timedelta(minutes=1)


# The batches this process noted lately: (outlet, items) → when. A consumer polling the same
# batch again within `PULL_PRECISION` costs no query.
_noted: dict = {}
NOTED_LIMIT = 1000


def record_pulls(outlet: Outlet | None, page_ids) -> None:
    """Note that the outlet's consumer has just pulled these items: the first pull's time, and
    the latest to the minute (`PULL_PRECISION`). Reads first, writes only what is due."""
    page_ids = set(page_ids)
    if outlet is None or not page_ids:
        return
    now = timezone.now()
    batch = (outlet.pk, frozenset(page_ids))
    if (noted := _noted.get(batch)) is not None and now - noted < PULL_PRECISION:
        return
    if len(_noted) >= NOTED_LIMIT:
        _noted.clear()
    _noted[batch] = now
    rows = Forwarding.objects.filter(outlet=outlet, page_id__in=page_ids)
    known = {
        pk: (first, last)
        for pk, first, last in rows.values_list("page_id", "first_pulled_at", "last_pulled_at")
    }
    missing = page_ids - known.keys()
    if outlet.national and missing:  # chosen by the box: the row may not exist yet
        Forwarding.objects.bulk_create(
            [Forwarding(page_id=pk, outlet=outlet) for pk in missing], ignore_conflicts=True
        )
        known.update(dict.fromkeys(missing, (None, None)))
    first = [pk for pk, (at, _last) in known.items() if at is None]
    due = [pk for pk, (_first, at) in known.items() if at is None or now - at >= PULL_PRECISION]
    if first:
        rows.filter(page_id__in=first, first_pulled_at__isnull=True).update(first_pulled_at=now)
    if due:
        rows.filter(page_id__in=due).update(last_pulled_at=now)


def statuses(pages, outlets) -> dict:
    """{(page id, outlet id): Forwarding or None}, the national box read as a choice."""
    _model, spec = syndicated_type()
    ids = [p.pk for p in pages]
    rows = {
        (f.page_id, f.outlet_id): f
        for f in Forwarding.objects.filter(page_id__in=ids).select_related(
            "proposed_by", "marked_by", "unmarked_by"
        )
    }
    found = {}
    for page in pages:
        for outlet in outlets:
            row = rows.get((page.pk, outlet.pk))
            if outlet.national:
                boxed = bool(getattr(page, spec.mark, False))
                if row is None and boxed:
                    row = Forwarding(page_id=page.pk, outlet=outlet)
                if row is not None:
                    row.chosen = boxed
            elif row is not None:
                row.chosen = row.marked
            found[(page.pk, outlet.pk)] = row
    return found


def markable_outlets(user) -> list[Outlet]:
    """The outlets the user chooses items for, in one query."""
    if not user.is_authenticated or not user.is_active:
        return []
    outlets = Outlet.objects.all()
    if not user.is_superuser:
        outlets = outlets.filter(
            Q(markers__group__user=user) | Q(national=True, markers__isnull=True)
        ).distinct()
    return list(outlets)


def pending_proposals(user):
    """Proposals waiting for the outlets the user chooses items for."""
    outlets = [o.pk for o in markable_outlets(user)]
    return Forwarding.objects.filter(
        Q(marked_at__isnull=True) | Q(unmarked_at__isnull=False),
        outlet_id__in=outlets,
        proposed_at__isnull=False,
    )
