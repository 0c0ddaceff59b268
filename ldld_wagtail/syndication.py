"""The change log behind `@syndication`, the outside outlets' feeds (Quy chế 7.5, 7.6: the
outlets that take the good items; `forwarding` chooses items for them).

Every publish, unpublish, take-down, restore, move and deletion of a news item chosen for an
outlet (or once chosen) writes a `SyndicationChange` for that outlet: for the national union
portal when the item's `send_to_national` box is ticked (``outlet`` left empty), for another
outlet when a `Forwarding` row chooses it. Items never chosen for an outlet leave no trace in
its feed, not even as tombstones.

Rows are written in the transaction that makes the change. On SQLite (IMMEDIATE transactions)
writers are serialised, so ids grow in commit order and a cursor never skips a row.
"""

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_noop
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import identity
from .models import Forwarding, SyndicationChange, Withdrawal
from .registry import syndicated_type
from .visibility import is_restricted

# Stored under its English name (lookups must not depend on the language); shown translated.
CONSUMERS_GROUP = gettext_noop("Syndication consumers")


def _news_model():
    """The syndicated page type (`registry.syndicated`); a model no page is of when none."""
    model, _ = syndicated_type()
    return model


def _syndicated_under(page):
    model = _news_model()
    if model is None:
        return []
    return model.objects.descendant_of(page, inclusive=True).live()


def _marked(page) -> bool:
    _, spec = syndicated_type()
    return bool(getattr(page, spec.mark, False)) if spec else False


def _url(page) -> str:
    try:
        return page.get_url() or page.url_path
    except Exception:  # a page outside every site still has its path
        return page.url_path


def was_syndicated(uid: str, outlet=None) -> bool:
    return SyndicationChange.objects.filter(uid=uid, outlet=outlet).exists()


def record(
    page, kind: str, reason: str = "", uid: str | None = None, url: str | None = None, outlet=None
):
    with transaction.atomic():
        _serialise_writers()
        return _create(page, kind, reason, uid, url, outlet)


def _serialise_writers():
    """Make change ids commit in order, so that a consumer's cursor never passes a change that
    is not committed yet. PostgreSQL hands out sequence values before commit: two overlapping
    publishes could commit ids 6 then 5, and a reader between them would skip 5. Writers take
    the table's EXCLUSIVE lock (readers are not blocked) until their transaction ends. SQLite
    already has one writer at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(SyndicationChange._meta.db_table)
            cursor.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")


def _create(page, kind, reason, uid, url, outlet=None):
    return SyndicationChange.objects.create(
        page=page if page is not None and page.pk else None,
        uid=uid or identity.uid(page),
        url=url if url is not None else _url(page),
        kind=kind,
        reason=reason,
        outlet=outlet,
    )


def page_changed(page, outlet=None):
    """Record the page's current state in every feed it is, or once was, in: the national
    union portal's (its own box), then each other outlet's (its `Forwarding` rows); only in
    ``outlet``'s when one is given (an item chosen for, or withdrawn from, one outlet). Returns
    the national feed's change, if any."""
    page = page.specific_deferred if type(page) is Page else page
    model = _news_model()
    if model is None or not isinstance(page, model):
        return None
    uid = identity.uid(page)
    restricted = is_restricted(page)
    national = None
    if outlet is None or outlet.national:
        national = _record_state(page, uid, _marked(page), restricted, None)
    rows = Forwarding.objects.filter(page=page, outlet__national=False)
    if outlet is not None:
        rows = rows.filter(outlet=outlet)
    for row in rows.select_related("outlet"):
        _record_state(page, uid, row.marked, restricted, row.outlet)
    return national


def _record_state(page, uid, marked, restricted, outlet):
    if page.live and marked and not restricted:
        return record(page, SyndicationChange.UPDATE, uid=uid, outlet=outlet)
    if not was_syndicated(uid, outlet):
        return None
    if page.live:
        reason = "restricted" if restricted and marked else "unmarked"
    else:
        withdrawal = (
            Withdrawal.objects.filter(page=page, restored_at__isnull=True).order_by("-at").first()
        )
        reason = withdrawal.category if withdrawal else "unpublished"
    return record(page, SyndicationChange.WITHDRAWN, reason, uid=uid, outlet=outlet)


@receiver(page_published)
@receiver(page_unpublished)
def _on_state_changed(sender, instance, **kwargs):
    page_changed(instance)


@receiver(post_page_move)
@receiver(page_slug_changed)
def _on_moved(sender, instance, **kwargs):
    # A new URL is news to the consumers (`@id` changes; the UID does not).
    for page in _syndicated_under(instance):
        page_changed(page)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _on_restriction_changed(sender, instance, **kwargs):
    # Runs after `signals._on_restriction_changed`, which renews the restricted-paths cache.
    for page in _syndicated_under(instance.page):
        page_changed(page)


@receiver(post_delete, sender=Page)
def _on_deleted(sender, instance, **kwargs):
    uid = identity.uid(instance)
    outlets = {}
    for change in SyndicationChange.objects.filter(uid=uid).order_by("id"):
        outlets[change.outlet_id] = change  # each feed's last change
    for last in outlets.values():
        record(
            None, SyndicationChange.WITHDRAWN, "deleted", uid=uid, url=last.url, outlet=last.outlet
        )
