"""Admin forms of the plugin."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

from .models import EditorialField, Withdrawal


class RouteForm(TaskStateCommentForm):
    """The secretary's routing: the field decides which deputy head approves next."""

    field = forms.ModelChoiceField(
        label=_("Field"),
        queryset=EditorialField.objects.all(),
        help_text=_("The deputy head in charge of this field approves next."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["field", "comment"])

    def clean_field(self):
        # The edit view sends the collected data back as JSON before acting: keep it plain.
        return self.cleaned_data["field"].pk


class ReturnForm(TaskStateCommentForm):
    """Returning an item to its author: the author needs to know what to change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comment"].required = True
        self.fields["comment"].error_messages["required"] = _("Say what the author should change.")
        self.fields["comment"].help_text = _("Tell the author what to change.")

    def clean_comment(self):
        comment = (self.cleaned_data.get("comment") or "").strip()
        if not comment:
            raise forms.ValidationError(_("Say what the author should change."))
        return comment


class TakeDownForm(forms.Form):
    category = forms.ChoiceField(label=_("Reason"), choices=Withdrawal.REASONS)
    reason = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Recorded in the page history and sent to the author."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the item is taken down."))
        return reason
