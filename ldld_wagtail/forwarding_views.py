"""The admin's forwarding screen (*Chuyển tin, bài*, Quy chế 7.5, 7.6).

The month's published items, one column per outside outlet: whether the item was proposed,
chosen (by whom, when) and pulled by the outlet's feed (first and last time). Those who choose
items for an outlet (the profile's `markers`) choose or withdraw them; whoever may edit an item
proposes it. Every action is checked here, on the server, whatever the screen showed.
"""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import GroupPagePermission, Page

from . import forwarding
from .models import Outlet
from .registry import syndicated_type
from .reports import royalties
from .reports.output import local_bounds, published
from .reports.views import _period, _screen
from .text import person_name


def may_use(user, markable=None) -> bool:
    """Whether the screen is for the user: those who choose items (`markable`, when already
    known), and the editors of items."""
    if not user.is_active:
        return False
    if markable is None:
        markable = forwarding.markable_outlets(user)
    if markable:
        return True
    if not Outlet.objects.exists():
        return False
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename__in=["add_page", "change_page"]
    ).exists()


def forwarding_view(request):
    chooses_for = forwarding.markable_outlets(request.user)
    if not may_use(request.user, chooses_for):
        raise PermissionDenied
    model, spec = syndicated_type()
    if model is None:
        raise Http404
    month, error = _period(
        request, "thang", royalties.Month.parse, royalties.Month.of(timezone.localdate())
    )
    outlets = list(Outlet.objects.all())
    markable = {o.pk for o in chooses_for}
    start, end = local_bounds(month.first_day, month.last_day + datetime.timedelta(days=1))
    items = list(
        published(model, start, end)
        .select_related(spec.unit)
        .order_by("-first_published_at", "-pk")
    )
    if not markable:  # an editor sees the items he may propose
        items = [p for p in items if p.permissions_for_user(request.user).can_edit()]
    states = forwarding.statuses(items, outlets)
    rows = []
    for page in items:
        cells = []
        for outlet in outlets:
            row = states[(page.pk, outlet.pk)]
            chosen = bool(row and row.chosen)
            cells.append(
                {
                    "outlet": outlet,
                    "row": row,
                    "chosen": chosen,
                    "proposed_by": person_name(row.proposed_by) if row and row.proposed_by else "",
                    "marked_by": person_name(row.marked_by) if row and row.marked_by else "",
                    "may_mark": outlet.pk in markable,
                    "may_propose": not chosen
                    and not (row and row.proposed_at)
                    and outlet.pk not in markable,
                }
            )
        rows.append({"page": page, "unit": getattr(page, spec.unit), "cells": cells})
    return _screen(
        request,
        "ldld_wagtail/forwarding.html",
        _("Forwarding to outlets"),
        "upload",
        {
            "outlets": outlets,
            "rows": rows,
            "month_input": month.short,
            "month": month,
            "error": error,
            "next": request.get_full_path(),
        },
    )


@require_POST
def forwarding_action(request):
    page = get_object_or_404(Page, pk=request.POST.get("page"))
    outlet = get_object_or_404(Outlet, pk=request.POST.get("outlet"))
    action = request.POST.get("action")
    title = page.get_admin_display_title()
    try:
        _act(request, page, outlet, action, title)
    except PermissionDenied as refused:
        messages.error(request, str(refused) or _("Sorry, you do not have permission to do this."))
    back = request.POST.get("next") or ""
    if not back.startswith(reverse("ldld_forwarding")):
        back = reverse("ldld_forwarding")
    return redirect(back)


def _act(request, page, outlet, action, title):
    if action == "mark":
        forwarding.mark(page, outlet, request.user)
        messages.success(
            request, _("“%(title)s” chosen for %(outlet)s.") % {"title": title, "outlet": outlet}
        )
    elif action == "unmark":
        forwarding.mark(page, outlet, request.user, chosen=False)
        messages.success(
            request,
            _("“%(title)s” withdrawn from %(outlet)s.") % {"title": title, "outlet": outlet},
        )
    elif action == "propose":
        forwarding.propose(page, outlet, request.user)
        messages.success(
            request, _("“%(title)s” proposed for %(outlet)s.") % {"title": title, "outlet": outlet}
        )
    else:
        raise Http404
