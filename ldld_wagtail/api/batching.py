"""`b_start` / `b_size` batching with plone.restapi's `batching` links."""

from urllib.parse import urlencode

from django.utils.translation import gettext as _

from . import errors

DEFAULT_SIZE = 25
MAX_SIZE = 1000


def _int(source, name, default, low, high):
    raw = source.get(name)
    if raw in (None, ""):
        return default
    try:
        number = int(raw)
    except (TypeError, ValueError):
        raise errors.field_error(name, _("must be a whole number")) from None
    if not low <= number <= high:
        raise errors.field_error(name, _("must be between %(low)s and %(high)s") % locals())
    return number


def params(request, source=None, everything=None) -> tuple[int, int]:
    """`b_start` and `b_size` from the query string, or from `source` (a JSON body).

    `everything` is the size of a short list (a vocabulary) for which plone.restapi's
    `b_size=-1` (all at once, as Volto asks) is allowed."""
    source = request.query_params if source is None else source
    start = _int(source, "b_start", 0, 0, 10**9)
    if everything is not None and str(source.get("b_size", "")).strip() == "-1":
        return start, max(everything, 1)
    size = _int(source, "b_size", DEFAULT_SIZE, 1, MAX_SIZE)
    return start, size


def links(request, url, start, size, total) -> dict | None:
    """The `batching` object, present only when there is more than one batch."""
    if total <= size and start == 0:
        return None
    query = [(k, v) for k, v in request.query_params.lists() for v in v if k != "b_start"]
    query = [(k, v) for k, v in query if k != "b_size"]

    def at(offset):
        return f"{url}?" + urlencode([("b_start", offset), ("b_size", size), *query])

    last = max(0, (total - 1) // size * size)
    data = {
        "@id": f"{url}?{request.META.get('QUERY_STRING', '')}".rstrip("?"),
        "first": at(0),
        "last": at(last),
    }
    if start + size < total:
        data["next"] = at(start + size)
    if start > 0:
        data["prev"] = at(max(0, start - size))
    return data
