"""The look-up form of the document index (tra cứu văn bản): every filter a GET parameter, so a
look-up is a link that can be shared; a value that does not fit is told next to its field and
left out, never a server error.

Numbers are compared by `number_key`: their letters and digits, folded (`125/LĐLĐ`,
`125/ldld`, `125 / LDLD` and `125LDLD` are one number).
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from ldld_wagtail.text import fold

_PARTS = re.compile(r"\d+|[^\W\d_]+")
DATE_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
SORTS = [("moi", _("Newest first")), ("cu", _("Oldest first"))]
# The GET parameters of the look-up, in the order of the form.
PARAMETERS = (
    "q",
    "so",
    "loai",
    "cap",
    "coquan",
    "linhvuc",
    "nguoiky",
    "nam",
    "tu",
    "den",
    "sapxep",
)
# Those folded away on a phone (the form shows them when one is set).
MORE = ("cap", "coquan", "linhvuc", "nguoiky", "tu", "den")


def number_parts(text: str) -> list[str]:
    return _PARTS.findall(fold(text))


def number_key(number: str) -> str:
    """What a document number is looked up by: its runs of digits and of letters, folded,
    between slashes (`128/QĐ-LĐLĐ` is `/128/qd/ldld/`)."""
    parts = number_parts(number)
    return f"/{'/'.join(parts)}/" if parts else ""


def number_needle(typed: str) -> str:
    """What a typed number is looked for as, inside `number_key`s: from the start of a part;
    a number ends where it ends (`12` is not `128`), letters may be cut short (`LĐ` finds
    `LĐLĐ`)."""
    parts = number_parts(typed)
    if not parts:
        return ""
    return f"/{'/'.join(parts)}{'/' if parts[-1].isdigit() else ''}"


class LookupForm(forms.Form):
    """The filters. Choices are given by the page (its types, levels and the values its
    documents hold); a bad date or year is an error on its field, and that filter only is
    left out."""

    q = forms.CharField(label=_("Words in the document"), required=False, max_length=200)
    so = forms.CharField(label=_("Number / code"), required=False, max_length=80)
    loai = forms.ChoiceField(label=_("Document type"), required=False)
    cap = forms.ChoiceField(label=_("Issued by"), required=False)
    coquan = forms.ChoiceField(label=_("Issuing body"), required=False)
    linhvuc = forms.ChoiceField(label=_("Field"), required=False)
    nguoiky = forms.ChoiceField(label=_("Signed by"), required=False)
    nam = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1945,
        max_value=2100,
        error_messages={
            "invalid": _("Type the year in four digits, for example 2024."),
            "min_value": _("Type the year in four digits, for example 2024."),
            "max_value": _("Type the year in four digits, for example 2024."),
        },
    )
    tu = forms.DateField(
        label=_("Issued from"),
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": _("Not a date: type day/month/year, for example 05/03/2024.")},
    )
    den = forms.DateField(
        label=_("Issued until"),
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": _("Not a date: type day/month/year, for example 05/03/2024.")},
    )
    sapxep = forms.ChoiceField(label=_("Sort documents"), required=False, choices=SORTS)

    def __init__(self, data, *, doc_types, levels, issuers, fields, signers):
        super().__init__(data)
        self.fields["loai"].choices = [("", _("All")), *doc_types]
        self.fields["cap"].choices = [("", _("All")), *levels]
        for name, values in (("coquan", issuers), ("linhvuc", fields), ("nguoiky", signers)):
            self.fields[name].choices = [("", _("All")), *((v, v) for v in values)]
        self.is_valid()  # fills `cleaned_data` with the fields that are fine

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("tu"), cleaned.get("den")
        if start and end and start > end:
            self.add_error("den", _("This date is before the “From” date."))
        return cleaned

    def value(self, name):
        """The cleaned value of a filter, or None when it is empty or wrong."""
        if name in self.errors:
            return None
        return self.cleaned_data.get(name) or None

    @property
    def filtering(self) -> bool:
        return any(self.value(name) for name in PARAMETERS if name != "sapxep")

    @property
    def shows_more(self) -> bool:
        return any(self.data.get(name) for name in MORE)
