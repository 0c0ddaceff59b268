"""The question's edit form in the admin: topics offered from the federation's profile."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from ldld_wagtail.models import Federation


def topic_choices(current: str = "") -> list[tuple[str, str]]:
    federation = Federation.current()
    topics = list(federation.question_topics) if federation else []
    if current and current not in topics:
        topics.append(current)  # a topic the profile no longer lists stays choosable
    return [("", _("(no topic)"))] + [(t, t) for t in topics]


class QuestionPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].help_text = _(
                "A short question readers will see in lists and search results; the full "
                "question is below."
            )
        if "topic" in self.fields:
            self.fields["topic"].widget = forms.Select(
                choices=topic_choices(self.initial.get("topic", ""))
            )
