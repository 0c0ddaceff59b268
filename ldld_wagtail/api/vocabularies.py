"""The vocabularies of `@vocabularies/<name>`: lists of (token, title) terms, each for a caller.

The plugin's own models give `units`, `sections` and `fields`. The site names the others in
`LDLD_API_VOCABULARIES` as `"<name>": "<app>.<Model>.<field>"`: a field with choices gives its
choices, a tag field the tags used on live public pages.

Plone's frontends ask for `plone.app.vocabularies.*` by name (Volto's search and its tag widget
read `…Keywords`), so those that mean something here answer too: `Keywords` (every declared tag
field's tags), the page types (`PortalTypes`, `UserFriendlyTypes`, `ReallyUserFriendlyTypes`,
`ReadableTypes`), the review states (`WorkflowStates`, and `ReviewStates`) and, for a logged-in
editor only, `Users`.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from taggit.managers import TaggableManager
from wagtail.models import Page, get_page_models

from ..models import EditorialField, Section, Unit
from ..text import fold, person_name
from ..visibility import live_public
from . import access

BY_MODEL = {Unit: "units", Section: "sections", EditorialField: "fields"}


def _units(user):
    return [(u.code, u.name) for u in Unit.objects.active_on()]


def _sections(user):
    sections = {s.page_id: s.code for s in Section.objects.all()}
    pages = access.visible(Page.objects.filter(pk__in=list(sections)), user).order_by("path")
    return [(sections[pk], title) for pk, title in pages.values_list("pk", "title")]


def _fields(user):
    return [(f.code, f.name) for f in EditorialField.objects.all()]


def _keywords(user):
    tags = set()
    for dotted in declared().values():
        model, field = _field(dotted)
        if isinstance(field, TaggableManager):
            tags.update(token for token, _title in _declared_terms(dotted))
    return [(tag, tag) for tag in sorted(tags, key=fold)]


def _page_types(user):
    types = [
        (model.__name__, str(model._meta.verbose_name).capitalize())
        for model in get_page_models()
        if model is not Page
    ]
    return sorted(types, key=lambda term: fold(term[1]))


def _review_states(user):
    from .transitions import STATE_TITLES

    return [(state, str(title)) for state, title in sorted(STATE_TITLES.items())]


def _users(user):
    """The active accounts, for an editor (Plone's `Users` needs a login too); None otherwise."""
    if not access.is_editor(user):
        return None
    people = get_user_model().objects.filter(is_active=True).order_by("last_name", "first_name")
    return [(person.get_username(), person_name(person)) for person in people]


BUILT_IN = {"units": _units, "sections": _sections, "fields": _fields}
PLONE = "plone.app.vocabularies."
PLONE_NAMED = {
    PLONE + "Keywords": _keywords,
    PLONE + "PortalTypes": _page_types,
    PLONE + "UserFriendlyTypes": _page_types,
    PLONE + "ReallyUserFriendlyTypes": _page_types,
    PLONE + "ReadableTypes": _page_types,
    PLONE + "WorkflowStates": _review_states,
    PLONE + "ReviewStates": _review_states,
    PLONE + "Users": _users,
}


def declared() -> dict:
    return getattr(settings, "LDLD_API_VOCABULARIES", {})


def names() -> list[str]:
    return sorted({*BUILT_IN, *declared(), *PLONE_NAMED})


def _field(dotted):
    label, name = dotted.rsplit(".", 1)
    model = apps.get_model(label)
    return model, model._meta.get_field(name)


def _declared_terms(dotted):
    model, field = _field(dotted)
    if isinstance(field, TaggableManager):
        rows = field.through.objects.filter(content_object__in=live_public(model.objects.all()))
        tags = sorted(set(rows.values_list("tag__name", flat=True)))
        return [(tag, tag) for tag in tags]
    return [(value, str(label)) for value, label in field.flatchoices]


def terms(name, user) -> list | None:
    """The (token, title) terms this user may see, or None for an unknown vocabulary (or one
    this user may not read)."""
    if name in BUILT_IN:
        return BUILT_IN[name](user)
    if name in PLONE_NAMED:
        return PLONE_NAMED[name](user)
    dotted = declared().get(name)
    return None if dotted is None else _declared_terms(dotted)


def name_for(model, field_name) -> str | None:
    """The declared vocabulary of a model's field, if any."""
    wanted = f"{model._meta.label}.{field_name}"
    return next((n for n, dotted in declared().items() if dotted == wanted), None)


def name_for_model(model) -> str | None:
    """The vocabulary listing a related model's objects (a unit, a section, a field)."""
    return BY_MODEL.get(model)
