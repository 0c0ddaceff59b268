"""The page editor's create and edit views: one consistent story about what was saved.

Wagtail 8 autosaves the page editor, the create form included. A news item cannot be stored
without a title, a unit and the photo of its first (pre-rendered) photo form, so on a new form
every autosave failed from the first keystroke, and Wagtail's footer said "There are validation
errors, click save to highlight them" before the editor had saved anything. Worse, a pending
autosave could create the page while the editor's own click on "Save draft" or "Submit" failed:
the banner said the page "could not be created" although it existed, and the form still on
screen could then only collide with it (its slug already taken).

So a new page is not autosaved: it is stored by the editor's first save, and autosave takes
over on the edit view from then on. A failed save, by hand or by autosave, says what is
missing ("Chưa lưu được: thiếu Sapo, Tác giả."), then lists any other problem.

Wired in `admin_views.PortalPageViewSet` as `add_view_class` and `edit_view_class`.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.blocks import StreamBlockValidationError

from . import compat


def _labels(panel, fields, inlines):
    """Field headings and inline-panel labels as the editor shows them."""
    if isinstance(panel, InlinePanel):
        inlines[panel.relation_name] = panel.label
        return
    if isinstance(panel, FieldPanel) and panel.heading:
        fields[panel.field_name] = panel.heading
    for child in getattr(panel, "children", ()):
        _labels(child, fields, inlines)


def _is_missing(error) -> bool:
    if error.code in ("required", "too_few_forms"):
        return True
    if isinstance(error, StreamBlockValidationError):
        # An empty required stream field says "This field is required." without a code.
        required = _("This field is required.")
        return not error.block_errors and all(
            str(e.message) == required for e in error.non_block_errors.as_data()
        )
    return False


def _message(error) -> str:
    if isinstance(error, StreamBlockValidationError):
        if error.non_block_errors and not error.block_errors:
            return " ".join(error.non_block_errors)
        # Wagtail's own text for it is the untranslated "Validation error in StreamBlock".
        return _("some blocks need correcting")
    return " ".join(error.messages)


def form_problems(form, edit_handler=None):
    """(missing, other) problems of an invalid form and its inline formsets, in the editor's
    words: labels of the fields left empty, "Label: message" for anything else. A child form
    of an inline panel is named as its panel names it ("Ảnh hoạt động 1")."""
    fields, inlines = {}, {}
    if edit_handler is not None:
        _labels(edit_handler, fields, inlines)
    missing, other = [], []

    def label(name):
        try:
            return str(fields.get(name) or form[name].label or name)
        except KeyError:
            return name

    for name, errors in form.errors.as_data().items():
        for error in errors:
            if name == NON_FIELD_ERRORS:
                other.append(_message(error))
            elif _is_missing(error):
                if label(name) not in missing:
                    missing.append(label(name))
            else:
                other.append(f"{label(name)}: {_message(error)}")

    for name, formset in getattr(form, "formsets", {}).items():
        item = str(inlines.get(name) or capfirst(formset.model._meta.verbose_name_plural))
        for error in formset.non_form_errors().as_data():
            if _is_missing(error):
                missing.append(item)
            else:
                other.append(f"{item}: {_message(error)}")
        number = 0
        for child in formset.forms:
            if formset.can_delete and compat.should_delete_form(formset, child):
                continue
            number += 1
            if child.errors:
                child_missing, child_other = form_problems(child)
                if child_missing:
                    missing.append(f"{item} {number} ({', '.join(child_missing)})")
                other += [f"{item} {number}, {text}" for text in child_other]
    return missing, other


def problem_headline(action, missing) -> str:
    fields = ", ".join(missing)
    if action == "publish":
        if missing:
            return _("Not published: %(fields)s missing.") % {"fields": fields}
        return _("Not published: please correct the marked fields.")
    if action in ("submit", "restart_workflow"):
        if missing:
            return _("Not submitted for review: %(fields)s missing.") % {"fields": fields}
        return _("Not submitted for review: please correct the marked fields.")
    if missing:
        return _("Not saved: %(fields)s missing.") % {"fields": fields}
    return _("Not saved: please correct the marked fields.")


class ProblemMessagesMixin:
    """Say what stops the save instead of Wagtail's bare "validation errors"."""

    def problems(self):
        return form_problems(self.form, self.edit_handler)

    def problem_headline(self, missing) -> str:
        return problem_headline(self.action_name, missing)

    def problem_text(self) -> str:
        """One line for autosave's footer and indicator."""
        missing, other = self.problems()
        return " ".join([self.problem_headline(missing), "; ".join(other)]).strip()

    def add_problem_message(self):
        missing, other = self.problems()
        headline = self.problem_headline(missing)
        detail = ""
        if other:
            detail = format_html(
                '<ul class="errorlist">{}</ul>',
                format_html_join("\n", "<li>{}</li>", ((text,) for text in other)),
            )
        messages.error(self.request, format_html("{}{}", headline, detail))

    def problem_response(self):
        """The answer to a failed save: autosave's JSON, or the form again with the message."""
        if self.expects_json_response:
            return self.json_error_response("validation_error", self.problem_text())
        self.add_problem_message()
        self.has_unsaved_changes = True
        return self.render_to_response(self.get_context_data())


class EditorCreateView(ProblemMessagesMixin, CreateView):
    """A new page is saved by the editor's first save, never by autosave."""

    @property
    def autosave_enabled(self):
        return False

    @autosave_enabled.setter
    def autosave_enabled(self, value):
        # Wagtail sets it from WAGTAIL_AUTOSAVE_INTERVAL; the edit view keeps autosaving.
        pass

    def problem_headline(self, missing) -> str:
        headline = super().problem_headline(missing)
        if self.action_name != "save":
            headline = " ".join([headline, _("The page has not been saved either.")])
        return headline

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_indicator"] = None
        return context

    def form_invalid(self, form):
        return self.problem_response()


class EditorEditView(ProblemMessagesMixin, EditView):
    def form_invalid(self, form):
        if self.is_cancelling_workflow or self.locked_for_user:
            return super().form_invalid(form)
        return self.problem_response()
