"""The head delegates his powers to the standing deputy head for a period (Quy chế article 6:
the standing deputy "giải quyết các công việc thuộc thẩm quyền của đồng chí Trưởng ban biên tập
khi đi vắng uỷ quyền").

Roles declare whom they stand in for (the profile's `stands_in_for`). While a delegation is in
force (its days, in the federation's time zone) the stand-in holds the delegated role's group, so
he acts as the head everywhere the head acts: every workflow step, report and screen, through
the same permission checks. `sync()` starts and ends delegations; it runs when one is made or
cancelled and every five minutes (django-q2), so a delegation ends by itself. Every start and
end is in the audit log.
"""

import datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import schedules
from .models import Delegation, PortalRole

SCHEDULE = "ldld: delegations start and end"


def delegable_roles(user):
    """The roles the user holds that have stand-ins."""
    return PortalRole.objects.filter(group__user=user, stand_ins__isnull=False).distinct()


def stand_ins(role):
    return (
        User.objects.filter(groups__portal_role__stands_in_for=role, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@transaction.atomic
def delegate(role, to, starts_on, ends_on, note, by) -> Delegation:
    today = timezone.localdate()
    problems = {}
    if not delegable_roles(by).filter(pk=role.pk).exists():
        problems["role"] = _("You do not hold this role, or it has no stand-in.")
    if not stand_ins(role).filter(pk=to.pk).exists():
        problems["to"] = _("This person does not stand in for %s.") % role.group.name
    if ends_on < starts_on:
        problems["ends_on"] = _("The delegation ends before it starts.")
    elif ends_on < today:
        problems["ends_on"] = _("The delegation would already be over.")
    overlapping = Delegation.objects.filter(
        role=role, cancelled_at__isnull=True, starts_on__lte=ends_on, ends_on__gte=starts_on
    )
    if not problems and overlapping.exists():
        problems["starts_on"] = _("Another delegation of this role covers these days.")
    if problems:
        raise ValidationError(problems)
    delegation = Delegation.objects.create(
        role=role, to=to, starts_on=starts_on, ends_on=ends_on, note=note, created_by=by
    )
    log(
        instance=to,
        action="ldld.delegation",
        user=by,
        data={
            "role": role.group.name,
            "from": starts_on.isoformat(),
            "until": ends_on.isoformat(),
            "note": note,
        },
    )
    sync()
    return delegation


@transaction.atomic
def cancel(delegation, by) -> None:
    if delegation.cancelled_at is None:
        delegation.cancelled_at = timezone.now()
        delegation.save(update_fields=["cancelled_at"])
        log(instance=delegation.to, action="ldld.delegation_cancelled", user=by, data={})
    sync()


def sync(today: datetime.date | None = None) -> int:
    """Put the stand-ins of the delegations in force in their role's group, and take out those
    whose delegation is over. Returns how many changed."""
    today = today or timezone.localdate()
    changed = 0
    for delegation in (
        Delegation.objects.filter(applied=False, cancelled_at__isnull=True)
        .filter(starts_on__lte=today, ends_on__gte=today)
        .select_related("role__group", "to")
    ):
        with transaction.atomic():
            group = delegation.role.group
            delegation.added = not delegation.to.groups.filter(pk=group.pk).exists()
            if delegation.added:
                delegation.to.groups.add(group)
            delegation.applied = True
            delegation.save(update_fields=["applied", "added"])
            log(instance=delegation.to, action="ldld.delegation_started", user=None, data={})
            changed += 1
    for delegation in Delegation.objects.filter(applied=True).select_related("role__group", "to"):
        if delegation.in_force(today):
            continue
        with transaction.atomic():
            still = Delegation.objects.filter(
                role=delegation.role, to=delegation.to, applied=True, cancelled_at__isnull=True
            ).exclude(pk=delegation.pk)
            if delegation.added and not any(d.in_force(today) for d in still):
                delegation.to.groups.remove(delegation.role.group)
            delegation.applied = False
            delegation.save(update_fields=["applied"])
            log(instance=delegation.to, action="ldld.delegation_ended", user=None, data={})
            changed += 1
    return changed


def in_force_for(user, today=None):
    today = today or timezone.localdate()
    return Delegation.objects.filter(
        to=user, cancelled_at__isnull=True, starts_on__lte=today, ends_on__gte=today
    ).select_related("role__group")


def ensure_schedule() -> bool:
    return schedules.ensure(SCHEDULE, "ldld_wagtail.delegation.sync", minutes=5)
