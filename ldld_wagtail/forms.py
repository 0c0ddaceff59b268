"""The forms of the workflow steps (`workflows`): routing to a field, returning to the author.

They read no model at import time, so that the task models can import them."""

from django import forms
from django.apps import apps
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.forms import TaskStateCommentForm

from .guard import LoginGuard, Refused


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


class LimitedLogin:
    """A login form whose failures are limited (`guard.LoginGuard`): per client network and
    login name, and per client network. Past a limit the password is not even tried, and the
    answer is the same for a login name that exists and for one that does not. The admin's and
    Django's admin's login forms share the counts."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if self.request is None or username is None or not self.cleaned_data.get("password"):
            return super().clean()
        guard = LoginGuard("admin")
        try:
            guard.check(self.request, username)
        except Refused as refused:
            raise forms.ValidationError(refused.message, code="too_many_attempts") from None
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            guard.failed(self.request, username)
            raise
        guard.succeeded(self.request, username)
        return cleaned


class LoginForm(LimitedLogin, WagtailLoginForm):
    """Wagtail's login form leaves the password field without a label, so Django names it from
    the field ("Password", in English whatever the language): give it one that translates."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class AdminLoginForm(LimitedLogin, AdminAuthenticationForm):
    """The login of Django's admin (/django-admin/), limited as the admin's is."""
