"""Fetch what full objects show for a whole batch at once: a few queries per page type."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import prefetch_related_objects


def _relations(model, prefix=""):
    lookups = []
    for name in getattr(model, "api_fields", ()):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not field.is_relation:
            continue
        lookups.append(prefix + name)
        if field.one_to_many:
            lookups += _relations(field.related_model, f"{prefix}{name}__")
    return lookups


def prefetch_full(pages):
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for cls, group in by_class.items():
        lookups = _relations(cls)
        if lookups:
            prefetch_related_objects(group, *lookups)
