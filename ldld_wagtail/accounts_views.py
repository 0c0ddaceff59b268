"""The head's accounts screen (Quy chế 7.6): accounts waiting for approval, approved or refused
here; the latest decisions below."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import accounts
from .models import AccountApproval, PortalRole
from .reports.views import _screen
from .text import person_name


def _groups(ids):
    names = dict(PortalRole.objects.filter(group__in=ids).values_list("group_id", "group__name"))
    return ", ".join(names.get(pk, str(pk)) for pk in ids) or "—"


def _describe(approval):
    return {
        "approval": approval,
        "account": person_name(approval.user),
        "username": approval.user.get_username(),
        "by": person_name(approval.requested_by),
        "decided_by": person_name(approval.decided_by),
        "roles_before": _groups(approval.before.get("groups", [])),
        "roles_after": _groups(approval.after.get("groups", [])),
    }


def accounts_view(request):
    if not accounts.may_approve(request.user):
        raise PermissionDenied
    decided = AccountApproval.objects.filter(decided_at__isnull=False).select_related(
        "user", "requested_by", "decided_by"
    )[:20]
    return _screen(
        request,
        "ldld_wagtail/accounts.html",
        _("Accounts waiting for approval"),
        "user",
        {
            "waiting": [_describe(a) for a in accounts.waiting()],
            "decided": [_describe(a) for a in decided],
        },
    )


@require_POST
def account_decision(request, pk):
    if not accounts.may_approve(request.user):
        raise PermissionDenied
    approval = get_object_or_404(AccountApproval, pk=pk)
    approve = request.POST.get("action") == "approve"
    accounts.decide(approval, request.user, approve)
    name = approval.user.get_username()
    if approve:
        messages.success(request, _("The account %s is approved.") % name)
    else:
        messages.success(request, _("The change to the account %s is refused.") % name)
    return redirect(reverse("ldld_accounts"))
