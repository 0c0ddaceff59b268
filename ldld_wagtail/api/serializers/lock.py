"""The `lock` of a content object, as plone.restapi's `@lock` and content answers carry it:
Wagtail's own page lock (`locked`, `locked_by`, `locked_at`), with its lease's timeout when it
was taken through the API (a lapsed one reads as unlocked)."""

from django.utils import timezone

from ... import locks
from .. import access


def lock_info(request, page) -> dict:
    user = request.user
    stealable = bool(access.is_editor(user) and page.permissions_for_user(user).can_unlock())
    lease = locks.lease_of(page)
    if not page.locked or (lease is not None and lease.expires_at <= timezone.now()):
        return {"locked": False, "stealable": stealable}
    locker = page.locked_by
    when = page.locked_at or timezone.now()
    return {
        "created": timezone.localtime(when).isoformat(timespec="seconds"),
        "creator": locker.get_username() if locker else "",
        "creator_name": (locker.get_full_name() or locker.get_username()) if locker else "",
        "creator_url": "",
        "locked": True,
        "name": "plone.locking.stealable" if stealable else "plone.locking.nonstealable",
        "stealable": stealable,
        "time": when.timestamp(),
        "timeout": lease.timeout if lease else 0,
        "token": f"{page.pk}:{locker.pk if locker else 0}:{int(when.timestamp())}",
    }
