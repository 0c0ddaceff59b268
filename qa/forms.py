"""The public forms of the question desk: asking, and looking up a question's status."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ldld_wagtail.guard import HONEYPOT_FIELD, TOKEN_FIELD, plain_text

QUESTION_MIN = 20
QUESTION_MAX = 3000
MAX_LINKS = 2
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def normalise_phone(value: str) -> str:
    """A Vietnamese phone number as digits from 0: "+84 912.345.678" is "0912345678"."""
    digits = re.sub(r"[\s.\-()]", "", value or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def valid_phone(digits: str) -> bool:
    """Mobile numbers have 10 digits (03x, 05x, 07x, 08x, 09x), fixed lines 11 (02x)."""
    return bool(re.fullmatch(r"0[35789]\d{8}|02\d{9}", digits))


class PlainCharField(forms.CharField):
    """Text typed by a reader, kept as plain text (see `ldld_wagtail.guard.plain_text`)."""

    def to_python(self, value):
        return plain_text(super().to_python(value))


class QuestionForm(forms.Form):
    full_name = PlainCharField(
        label=_("Full name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please enter your name.")},
    )
    unit = PlainCharField(
        label=_("Union, unit or workplace"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    unit_private = forms.BooleanField(
        label=_("Do not publish my unit or workplace"), required=False
    )
    email = forms.EmailField(
        label=_("Email"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={"invalid": _("This email address is not valid.")},
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )
    topic = forms.ChoiceField(
        label=_("Topic"), error_messages={"required": _("Please choose a topic.")}
    )
    question = PlainCharField(
        label=_("Your question"),
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 7}),
        error_messages={
            "required": _("Please write your question."),
            "max_length": _("Please keep your question under %(limit_value)d characters."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my question and its answer may be published, without my email or "
            "phone number"
        ),
        required=False,
    )
    # Hidden from people: a robot fills it (ldld_wagtail.guard).
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    form_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Choose a topic"))] + [(t, t) for t in topics]
        assert HONEYPOT_FIELD in self.fields and TOKEN_FIELD in self.fields
        self.fields[HONEYPOT_FIELD].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["question"].widget.attrs["aria-describedby"] = "id_question-help"

    def clean_phone(self):
        raw = self.cleaned_data.get("phone", "")
        if not raw.strip():
            return ""
        digits = normalise_phone(raw)
        if not valid_phone(digits):
            raise forms.ValidationError(
                _("This phone number is not valid (for example 0912 345 678).")
            )
        return digits

    def clean_email(self):
        return (self.cleaned_data.get("email") or "").strip().lower()

    def clean_question(self):
        text = self.cleaned_data.get("question", "")
        if len(text) < QUESTION_MIN:
            raise forms.ValidationError(
                _("Your question is too short: please write at least %(n)d characters.")
                % {"n": QUESTION_MIN}
            )
        if len(_LINK.findall(text)) > MAX_LINKS:
            raise forms.ValidationError(
                _("Please do not put more than %(n)d links in a question.") % {"n": MAX_LINKS}
            )
        return text

    def clean(self):
        data = super().clean()
        contact_errors = "email" in self.errors or "phone" in self.errors
        if not data.get("email") and not data.get("phone") and not contact_errors:
            self.add_error(
                "phone",
                _("Please give an email address or a phone number so that we can answer you."),
            )
        elif not data.get("consent") and not data.get("email") and not contact_errors:
            self.add_error(
                "email",
                _(
                    "A question that is not to be published is answered by email: please give "
                    "your email address, or agree to publication."
                ),
            )
        return data


class LookupForm(forms.Form):
    not_found_message = _(
        "No question matches this reference and this email or phone. Please check both."
    )

    reference = forms.CharField(
        label=_("Reference"),
        max_length=20,
        error_messages={"required": _("Please enter the reference you were given.")},
        widget=forms.TextInput(attrs={"autocapitalize": "characters", "spellcheck": "false"}),
    )
    contact = forms.CharField(
        label=_("The email or phone you gave"),
        max_length=254,
        error_messages={"required": _("Please enter the email or phone you gave.")},
    )

    def clean_reference(self):
        return re.sub(r"\s", "", self.cleaned_data["reference"]).upper()
