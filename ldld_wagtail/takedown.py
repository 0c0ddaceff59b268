"""Take-down (*gỡ bỏ*) and restore: the board removes an item with a recorded reason.

The page is unpublished (not deleted), a `Withdrawal` keeps who, when and why, the audit log
gets an `ldld.takedown` entry shown in the page's history, the author is told, and the
syndication feed reports the item as withdrawn. Restoring republishes the revision that was
live when it was taken down.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

from . import notify
from .models import Withdrawal


class TakeDownForm(forms.Form):
    category = forms.ChoiceField(label=gettext_lazy("Reason"), choices=Withdrawal.REASONS)
    reason = forms.CharField(
        label=gettext_lazy("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Recorded in the page history and sent to the author."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the item is taken down."))
        return reason


def can_take_down(user, page) -> bool:
    """The head, deputy heads and web admin anywhere; a unit's editors on their own sub-site."""
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    # Asked for every row of an explorer listing, by several menu items: answers are kept on
    # the user object, which lives for one request.
    known = user.__dict__.setdefault("_ldld_can_take_down", {})
    if known.get("board"):
        return True
    if page.path not in known:
        # One query for both: a board role (anywhere), or a section on the path that lets
        # one of the user's groups take down.
        paths = [page.path[:i] for i in range(Page.steplen, len(page.path) + 1, Page.steplen)]
        flags = list(
            user.groups.filter(
                Q(portal_role__can_take_down=True) | Q(takedown_sections__page__path__in=paths)
            ).values_list("portal_role__can_take_down", flat=True)
        )
        known["board"] = any(flag is True for flag in flags)
        known[page.path] = bool(flags)
    return known[page.path]


def open_withdrawal(page):
    return Withdrawal.objects.filter(page=page, restored_at__isnull=True).order_by("-at").first()


@transaction.atomic
def take_down(page, user, category: str, reason: str) -> Withdrawal:
    page = page.specific
    withdrawal = Withdrawal.objects.create(
        page=page,
        revision=page.live_revision,
        category=category,
        reason=reason,
        by=user,
    )
    # The board's right to take down is checked by `can_take_down`, not by Wagtail's publish
    # permission, which the board deliberately does not hold (it would bypass the workflow).
    UnpublishPageAction(page, user=user, log_action=False).execute(skip_permission_checks=True)
    log(
        instance=page,
        action="ldld.takedown",
        user=user,
        data={
            "category": category,
            "category_label": str(dict(Withdrawal.REASONS)[category]),
            "reason": reason,
        },
    )
    if page.owner_id:
        notify.queue(
            [page.owner_id],
            _("Taken down: %s") % page.get_admin_display_title(),
            "ldld_wagtail/mail/takedown.txt",
            {
                **notify.page_context(page),
                "reason": reason,
                "category": str(dict(Withdrawal.REASONS)[category]),
                "by": user.get_full_name() or user.get_username(),
            },
            key=f"takedown:{withdrawal.pk}",
        )
    return withdrawal


@transaction.atomic
def restore(page, user) -> Withdrawal:
    page = page.specific
    withdrawal = open_withdrawal(page)
    if withdrawal is None:
        raise PermissionDenied
    revision = withdrawal.revision or page.get_latest_revision()
    revision.publish(user=user, log_action=False, skip_permission_checks=True)
    withdrawal.restored_at = timezone.now()
    withdrawal.restored_by = user
    withdrawal.save(update_fields=["restored_at", "restored_by"])
    log(instance=page, action="ldld.restore", user=user, data={"withdrawal": withdrawal.pk})
    return withdrawal


def take_down_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_take_down(request.user, page):
        raise PermissionDenied
    if not page.live:
        withdrawal = open_withdrawal(page)
        if withdrawal is None:
            messages.error(
                request, _("'%s' is not published: there is nothing to take down.") % page.title
            )
            return redirect("wagtailadmin_explore", page.get_parent().pk)
        return TemplateResponse(
            request, "ldld_wagtail/restore.html", {"page": page, "withdrawal": withdrawal}
        )
    form = TakeDownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        take_down(page, request.user, form.cleaned_data["category"], form.cleaned_data["reason"])
        messages.success(request, _("'%s' was taken down.") % page.title)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "ldld_wagtail/take_down.html", {"page": page, "form": form})


@require_POST
def restore_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_take_down(request.user, page) or open_withdrawal(page) is None:
        raise PermissionDenied
    restore(page, request.user)
    messages.success(request, _("'%s' was restored and is published again.") % page.title)
    return redirect("wagtailadmin_explore", page.get_parent().pk)


def page_log_view(request, page_id):
    """The page's editorial history (Wagtail's audit log for it), for those who answer for the
    page: its editors and the board, who may take it down without being allowed to edit it
    (Wagtail's own history view asks for edit permission)."""
    page = get_object_or_404(Page, pk=page_id).specific
    user = request.user
    if not (can_take_down(user, page) or page.permissions_for_user(user).can_edit()):
        raise PermissionDenied
    entries = (
        PageLogEntry.objects.filter(page=page).select_related("user").order_by("-timestamp", "-pk")
    )
    return TemplateResponse(
        request, "ldld_wagtail/page_log.html", {"page": page, "entries": entries[:500]}
    )
