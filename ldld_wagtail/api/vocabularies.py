"""The vocabularies of `@vocabularies/<name>`: lists of (token, title) terms, each for a caller.

The plugin's own models give `units`, `sections` and `fields`. The site names the others in
`LDLD_API_VOCABULARIES` as `"<name>": "<app>.<Model>.<field>"`: a field with choices gives its
choices, a tag field the tags used on live public pages.
"""

from django.apps import apps
from django.conf import settings
from taggit.managers import TaggableManager
from wagtail.models import Page

from ..models import EditorialField, Section, Unit
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


BUILT_IN = {"units": _units, "sections": _sections, "fields": _fields}


def declared() -> dict:
    return getattr(settings, "LDLD_API_VOCABULARIES", {})


def names() -> list[str]:
    return sorted({*BUILT_IN, *declared()})


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
    """The (token, title) terms this user may see, or None for an unknown vocabulary."""
    if name in BUILT_IN:
        return BUILT_IN[name](user)
    dotted = declared().get(name)
    return None if dotted is None else _declared_terms(dotted)


def name_for(model, field_name) -> str | None:
    """The declared vocabulary of a model's field, if any."""
    wanted = f"{model._meta.label}.{field_name}"
    return next((n for n, dotted in declared().items() if dotted == wanted), None)


def name_for_model(model) -> str | None:
    """The vocabulary listing a related model's objects (a unit, a section, a field)."""
    return BY_MODEL.get(model)
