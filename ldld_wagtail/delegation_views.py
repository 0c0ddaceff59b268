"""The head's delegation screen (Quy chế article 6): delegate to a stand-in for a period, see
the delegations in force and to come, cancel one."""

import datetime

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import delegation as delegations
from .models import Delegation
from .reports.views import _screen
from .text import person_name


def parse_day(text: str) -> datetime.date:
    """A day as the office writes it (dd/mm/yyyy) or as a date field sends it (yyyy-mm-dd)."""
    text = (text or "").strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def delegation_view(request):
    roles = list(delegations.delegable_roles(request.user).select_related("group"))
    if not roles:
        raise PermissionDenied
    role = roles[0]
    errors, values = {}, {}
    if request.method == "POST":
        values = request.POST
        try:
            to = User.objects.get(pk=request.POST.get("to"))
        except (User.DoesNotExist, ValueError):
            to = None
            errors["to"] = _("Choose who stands in.")
        days = {}
        for name in ("starts_on", "ends_on"):
            try:
                days[name] = parse_day(request.POST.get(name))
            except ValueError:
                errors[name] = _("Write the day as dd/mm/yyyy.")
        if not errors:
            try:
                delegations.delegate(
                    role,
                    to,
                    days["starts_on"],
                    days["ends_on"],
                    request.POST.get("note", ""),
                    request.user,
                )
            except ValidationError as invalid:
                errors = {k: " ".join(v) for k, v in invalid.message_dict.items()}
            else:
                messages.success(
                    request,
                    _("%(person)s acts as %(role)s from %(start)s until %(end)s.")
                    % {
                        "person": person_name(to),
                        "role": role.group.name,
                        "start": days["starts_on"].strftime("%d/%m/%Y"),
                        "end": days["ends_on"].strftime("%d/%m/%Y"),
                    },
                )
                return redirect(reverse("ldld_delegation"))
        messages.error(request, _("The delegation was not saved: see the fields below."))
    today = timezone.localdate()
    rows = [
        {
            "d": d,
            "person": person_name(d.to),
            "in_force": d.in_force(today),
            "over": d.ends_on < today,
        }
        for d in Delegation.objects.filter(role__in=roles).select_related("to", "role__group")[:30]
    ]
    return _screen(
        request,
        "ldld_wagtail/delegation.html",
        _("Delegation"),
        "user",
        {
            "role": role,
            "stand_ins": [(u.pk, person_name(u)) for u in delegations.stand_ins(role)],
            "rows": rows,
            "errors": errors,
            "values": values,
        },
    )


@require_POST
def cancel_delegation(request, pk):
    item = get_object_or_404(Delegation, pk=pk)
    if not delegations.delegable_roles(request.user).filter(pk=item.role_id).exists():
        raise PermissionDenied
    delegations.cancel(item, request.user)
    messages.success(request, _("The delegation is cancelled."))
    return redirect(reverse("ldld_delegation"))
