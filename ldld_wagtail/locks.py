"""Page locks with a lease, for locks taken through the API (`@lock`).

Wagtail's page lock (`locked`, `locked_by`, `locked_at`) is the one lock both doors see. A lock
taken through the API also gets a `LockLease`: it lapses after its timeout (plone.locking's
default is 10 minutes) unless refreshed, as Plone's do. A lapsed lock is let go when the page
is next read through the API or opened in the admin's editor, and by a job every five minutes,
so that an abandoned edit tab never keeps the page locked for good."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from . import schedules
from .models import LockLease

DEFAULT_TIMEOUT = 600
MAX_TIMEOUT = 24 * 3600
SCHEDULE = "ldld: let lapsed page locks go"


def lock(page, user, timeout=DEFAULT_TIMEOUT):
    """Lock `page` for `user` (a no-op if he holds it already, except the lease is renewed)."""
    now = timezone.now()
    with transaction.atomic():
        if not page.locked:
            page.locked, page.locked_by, page.locked_at = True, user, now
            page.save(update_fields=["locked", "locked_by", "locked_at"])
            log(instance=page, action="wagtail.lock", user=user)
        if page.locked_by_id == user.pk:
            LockLease.objects.update_or_create(
                page_id=page.pk,
                defaults={
                    "user": user,
                    "locked_at": page.locked_at or now,
                    "timeout": timeout,
                    "expires_at": now + datetime.timedelta(seconds=timeout),
                },
            )


def unlock(page, user=None):
    with transaction.atomic():
        if page.locked:
            page.locked, page.locked_by, page.locked_at = False, None, None
            page.save(update_fields=["locked", "locked_by", "locked_at"])
            log(instance=page, action="wagtail.unlock", user=user)
        LockLease.objects.filter(page_id=page.pk).delete()


def lease_of(page):
    """The lease of the page's current lock, if it was taken through the API."""
    if not page.locked:
        return None
    lease = LockLease.objects.filter(page_id=page.pk).first()
    if lease is None or lease.user_id != page.locked_by_id or lease.locked_at != page.locked_at:
        return None  # a Wagtail lock, taken after the lease's
    return lease


def let_go_if_lapsed(page) -> bool:
    """Unlock `page` if its lock's lease has lapsed; True when it did."""
    lease = lease_of(page)
    if lease is None or lease.expires_at > timezone.now():
        return False
    unlock(page)
    return True


def let_go_lapsed():
    """The job: every lapsed lease's lock let go. Returns how many."""
    count = 0
    for lease in LockLease.objects.filter(expires_at__lte=timezone.now()):
        page = Page.objects.filter(pk=lease.page_id).first()
        if page is not None and let_go_if_lapsed(page):
            count += 1
        else:
            lease.delete()
    return count


def ensure_schedule() -> bool:
    return schedules.ensure(SCHEDULE, "ldld_wagtail.locks.let_go_lapsed", minutes=5)
