"""Accounts need the head's say (Quy chế 7.6: the web admin gives accounts "khi có ý kiến của
Trưởng Ban Biên tập").

A new account, a reactivation or a change of roles made in the admin by someone who manages
accounts but does not approve them (the profile's `approves_accounts`, Lào Cai's head) leaves the
account inactive and waiting (`AccountApproval`); the approvers see it on their dashboard and by
email, and approve or refuse it on the accounts screen. Their own changes take effect at once.
A refused role change puts the former roles back. Every account change is in the audit log.
With no approving role in the profile, nothing waits.
"""

from django.contrib import messages
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import AccountApproval, PortalRole
from .notify import queue
from .site_url import root_url_for
from .text import person_name

BEFORE = "_ldld_account_before"


def approver_roles():
    return PortalRole.objects.filter(approves_accounts=True)


def may_approve(user) -> bool:
    return user.is_active and (
        user.is_superuser or approver_roles().filter(group__user=user).exists()
    )


def needs_approval(user) -> bool:
    return approver_roles().exists() and not may_approve(user)


def approvers():
    return User.objects.filter(
        groups__portal_role__approves_accounts=True, is_active=True
    ).distinct()


def snapshot(user) -> dict:
    return {
        "active": bool(user.is_active),
        "groups": sorted(user.groups.values_list("pk", flat=True)) if user.pk else [],
    }


def remember(request, user) -> None:
    """Before an edit is saved (the admin's POST, the API's PATCH): the account as it was."""
    if request.method in ("POST", "PATCH", "PUT"):
        setattr(request, BEFORE, {**getattr(request, BEFORE, {}), user.pk: snapshot(user)})


def changed(request, user, created: bool = False) -> AccountApproval | None:
    """After the admin saved an account: log the change, and hold it for the head when the
    one who made it needs the head's say."""
    before = None if created else getattr(request, BEFORE, {}).get(user.pk)
    if not created and before is None:
        return None
    after = snapshot(user)
    if created:
        kind = AccountApproval.Kind.CREATE
    elif after["active"] and not before["active"]:
        kind = AccountApproval.Kind.REACTIVATE
    elif after["groups"] != before["groups"]:
        kind = AccountApproval.Kind.ROLES
    else:
        return None
    data = {"kind": kind.value, "before": before, "after": after}
    if not needs_approval(request.user):
        log(instance=user, action="ldld.account_changed", user=request.user, data=data)
        return None
    with transaction.atomic():
        pending = AccountApproval.objects.filter(user=user, decided_at__isnull=True).first()
        if pending is not None:  # a second change while the first waits: one request
            pending.after, pending.requested_by = after, request.user
            pending.requested_at = timezone.now()
            pending.save(update_fields=["after", "requested_by", "requested_at"])
            data["before"] = pending.before
        else:
            pending = AccountApproval.objects.create(
                user=user,
                kind=kind,
                before=before or {"active": False, "groups": []},
                after=after,
                requested_by=request.user,
            )
        User.objects.filter(pk=user.pk).update(is_active=False)
        user.is_active = False
        log(instance=user, action="ldld.account_requested", user=request.user, data=data)
    queue(
        list(approvers().values_list("pk", flat=True)),
        _("Account waiting for your approval: %s") % user.get_username(),
        "ldld_wagtail/mail/account_waiting.txt",
        {
            "account": person_name(user),
            "username": user.get_username(),
            "change": str(pending.get_kind_display()),
            "by": person_name(request.user),
            "url": root_url_for() + reverse("ldld_accounts"),
        },
        key=f"account:{pending.pk}:{pending.requested_at.timestamp()}",
    )
    messages.warning(
        request,
        _("The account %s is inactive until the head of the board approves it.")
        % user.get_username(),
    )
    return pending


@transaction.atomic
def decide(approval: AccountApproval, by, approve: bool) -> None:
    approval = AccountApproval.objects.select_for_update().get(pk=approval.pk)
    if approval.decided_at is not None:
        return
    user = approval.user
    if approve:
        user.is_active = approval.after.get("active", True)
        user.save(update_fields=["is_active"])
    elif approval.kind == AccountApproval.Kind.ROLES:
        user.groups.set(approval.before.get("groups", []))
        user.is_active = approval.before.get("active", False)
        user.save(update_fields=["is_active"])
    approval.decided_by, approval.decided_at, approval.approved = by, timezone.now(), approve
    approval.save(update_fields=["decided_by", "decided_at", "approved"])
    log(
        instance=user,
        action="ldld.account_approved" if approve else "ldld.account_refused",
        user=by,
        data={"kind": approval.kind},
    )


def waiting():
    return AccountApproval.objects.filter(decided_at__isnull=True).select_related(
        "user", "requested_by"
    )
