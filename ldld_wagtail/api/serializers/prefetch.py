"""Fetch what full objects show for a whole batch at once: a few queries per page type."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, prefetch_related_objects


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _relations(model, prefix=""):
    """The lookups for `model`'s related `api_fields`: an inline list comes with the objects
    its rows point to in the same query (a news item's photos with their images)."""
    lookups = []
    for name in getattr(model, "api_fields", ()):
        field = _field(model, name)
        if field is None or not field.is_relation:
            continue
        if not field.one_to_many:
            lookups.append(prefix + name)
            continue
        row = field.related_model
        joined = [
            f.name
            for f in (_field(row, n) for n in getattr(row, "api_fields", ()))
            if f is not None and f.many_to_one
        ]
        rows = row._default_manager.select_related(*joined) if joined else None
        lookup = prefix + name
        lookups.append(Prefetch(lookup, queryset=rows) if rows is not None else lookup)
        lookups += [
            lookup
            for lookup in _relations(row, f"{prefix}{name}__")
            if not (isinstance(lookup, str) and lookup.split("__")[-1] in joined)
        ]
    return lookups


def prefetch_full(pages):
    by_class = {}
    for page in pages:
        by_class.setdefault(type(page), []).append(page)
    for cls, group in by_class.items():
        lookups = _relations(cls)
        if lookups:
            prefetch_related_objects(group, *lookups)
