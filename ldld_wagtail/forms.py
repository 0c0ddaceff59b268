"""The forms of the workflow steps (`workflows`): routing to a field, returning to the author.

They read no model at import time, so that the task models can import them."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.forms import TaskStateCommentForm


class RouteForm(TaskStateCommentForm):
    """The secretary's routing: the field decides which deputy head approves next."""

    field = forms.ModelChoiceField(
        label=_("Field"),
        queryset=None,  # every editorial field, set per form
        help_text=_("The deputy head in charge of this field approves next."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = apps.get_model("ldld", "EditorialField").objects.all()
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


class LoginForm(WagtailLoginForm):
    """Wagtail's login form leaves the password field without a label, so Django names it from
    the field ("Password", in English whatever the language): give it one that translates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
