"""The question desk in the admin: the members' questions with their contact details, for the
roles that answer them (the Q&A section's writers and the approvers of its workflow) only.

- the list, waiting questions first (oldest first), with filters by state; spam marked, and
  held questions released, in bulk;
- one question: who sent it and how to reach them, the draft page to answer in, assigning it to
  a person, moving it to another topic or department, answering it privately by email and
  closing it (the reason kept), marking it as spam.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Min
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from ldld_wagtail.guard import plain_text
from ldld_wagtail.models import Unit

from . import desk
from .admin_forms import topic_choices
from .models import Submission
from .templatetags.qa_tags import vietnamese_name

FILTERS = {
    "cho": (gettext_lazy("Waiting"), [Submission.Status.OPEN]),
    "giu-lai": (gettext_lazy("Held"), [Submission.Status.HELD]),
    "da-dang": (gettext_lazy("Published"), [Submission.Status.ANSWERED]),
    "da-dong": (gettext_lazy("Closed"), [Submission.Status.CLOSED]),
    "spam": (gettext_lazy("Spam"), [Submission.Status.SPAM]),
}


def _check(request):
    if not desk.can_answer(request.user):
        raise PermissionDenied


def _breadcrumbs(title: str = "") -> list[dict]:
    """Wagtail's slim header: Dashboard › Members' questions (› the question)."""
    items = [
        {"url": reverse("wagtailadmin_home"), "label": _("Dashboard")},
        {"url": reverse("qa_desk:list") if title else "", "label": _("Members' questions")},
    ]
    if title:
        items.append({"url": "", "label": title})
    return items


def waiting_summary():
    """(how many questions wait for an answer, when the oldest was sent)."""
    row = Submission.objects.filter(status=Submission.Status.OPEN).aggregate(
        n=Count("pk"), oldest=Min("submitted_at")
    )
    return row["n"], row["oldest"]


def desk_list(request):
    _check(request)
    state = request.GET.get("trang-thai", "cho")
    if state not in FILTERS:
        state = "cho"
    records = Submission.objects.filter(status__in=FILTERS[state][1]).select_related(
        "page", "assigned_to"
    )
    records = records.order_by("submitted_at" if state == "cho" else "-submitted_at")
    counts = dict(Submission.objects.values_list("status").annotate(n=Count("pk")))
    tabs = [
        (key, label, sum(counts.get(s, 0) for s in statuses), key == state)
        for key, (label, statuses) in FILTERS.items()
    ]
    page = Paginator(records, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "qa/admin/desk_list.html",
        {
            "header_title": _("Members' questions"),
            "header_icon": "help",
            "breadcrumbs_items": _breadcrumbs(),
            "page_obj": page,
            "tabs": tabs,
            "state": state,
            "now": timezone.now(),
        },
    )


@require_POST
def desk_bulk(request):
    _check(request)
    ids = [int(pk) for pk in request.POST.getlist("ids") if pk.isdigit()]
    action = request.POST.get("action")
    records = Submission.objects.filter(pk__in=ids)
    back = request.POST.get("next") or reverse("qa_desk:list")
    if not ids:
        messages.warning(request, _("Tick at least one question."))
    elif action == "spam":
        count = desk.mark_spam(records.exclude(status=Submission.Status.ANSWERED), request.user)
        messages.success(
            request,
            _(
                "%(n)d questions marked as spam and their drafts removed; later questions "
                "from the same senders will be held."
            )
            % {"n": count},
        )
    elif action == "release":
        released = 0
        for record in records.filter(status=Submission.Status.HELD):
            desk.release(record, request.user)
            released += 1
        messages.success(request, _("%(n)d held questions released.") % {"n": released})
    elif action == "delete":
        count, _rows = records.filter(status=Submission.Status.SPAM).delete()
        messages.success(request, _("%(n)d spam questions deleted.") % {"n": count})
    else:
        messages.error(request, _("Unknown action."))
    if not back.startswith("/"):
        back = reverse("qa_desk:list")
    return redirect(back)


class AssignForm(forms.Form):
    assigned_to = forms.ModelChoiceField(
        label=gettext_lazy("Answered by"), queryset=None, required=False
    )

    def __init__(self, *args, index=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["assigned_to"]
        field.queryset = desk.answerers(index).order_by("last_name", "first_name", "username")
        field.label_from_instance = vietnamese_name
        field.empty_label = _("(not assigned)")


class MoveForm(forms.Form):
    topic = forms.ChoiceField(label=gettext_lazy("Topic"), required=False)
    department = forms.ModelChoiceField(
        label=gettext_lazy("Answering department"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = topic_choices(self.initial.get("topic", ""))
        self.fields["department"].queryset = Unit.objects.active_on().filter(
            kind__in=["department", "office", "committee"]
        )


class CloseForm(forms.Form):
    answer = forms.CharField(
        label=gettext_lazy("Answer sent to the asker by email"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    reason = forms.CharField(
        label=gettext_lazy("Why the question is not published"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        return {key: plain_text(value) for key, value in data.items()}


def desk_detail(request, pk):
    _check(request)
    record = get_object_or_404(Submission.objects.select_related("page", "assigned_to"), pk=pk)
    index = desk.desk_index()
    page = record.page
    draft = page.get_latest_revision_as_object() if page is not None else None
    assign = AssignForm(initial={"assigned_to": record.assigned_to_id}, index=index)
    move = MoveForm(
        initial={
            "topic": draft.topic if draft else record.topic,
            "department": draft.answering_unit_id if draft else None,
        }
    )
    close = CloseForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "assign":
            assign = AssignForm(request.POST, index=index)
            if assign.is_valid():
                record.assigned_to = assign.cleaned_data["assigned_to"]
                record.save(update_fields=["assigned_to"])
                messages.success(request, _("Assignment saved."))
                return redirect("qa_desk:detail", record.pk)
        elif action == "move" and draft is not None:
            move = MoveForm(request.POST, initial=move.initial)
            if move.is_valid():
                draft.topic = move.cleaned_data["topic"]
                record.topic = draft.topic
                if move.cleaned_data["department"] is not None:
                    draft.answering_unit = move.cleaned_data["department"]
                draft.save_revision(user=request.user, clean=False)
                record.save(update_fields=["topic"])
                messages.success(request, _("Topic and department saved in a new draft."))
                return redirect("qa_desk:detail", record.pk)
        elif action == "close" and record.status in (
            Submission.Status.OPEN,
            Submission.Status.HELD,
        ):
            close = CloseForm(request.POST)
            if close.is_valid():
                if page is not None and page.live:
                    messages.error(request, _("A published question cannot be closed."))
                else:
                    answer, reason = close.cleaned_data["answer"], close.cleaned_data["reason"]
                    desk.close_privately(record, request.user, answer, reason)
                    messages.success(
                        request,
                        _("The question is closed; the answer is sent to the asker by email.")
                        if record.email and answer
                        else _("The question is closed."),
                    )
                    return redirect("qa_desk:detail", record.pk)
        elif action == "spam":
            desk.mark_spam(Submission.objects.filter(pk=record.pk), request.user)
            messages.success(request, _("Marked as spam; the draft is removed."))
            return redirect("qa_desk:list")
        elif action == "release" and record.status == Submission.Status.HELD:
            desk.release(record, request.user)
            messages.success(request, _("Released: the question is now a draft to answer."))
            return redirect("qa_desk:detail", record.pk)
    title = _("Question %(ref)s") % {"ref": record.reference}
    return TemplateResponse(
        request,
        "qa/admin/desk_detail.html",
        {
            "header_title": title,
            "header_icon": "help",
            "breadcrumbs_items": _breadcrumbs(title),
            "record": record,
            "draft": draft,
            "assign": assign,
            "move": move,
            "close": close,
            "now": timezone.now(),
            "editable": record.status in (Submission.Status.OPEN, Submission.Status.HELD),
        },
    )
