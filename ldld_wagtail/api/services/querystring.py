"""`@querystring-search`: plone.app.querystring's criteria (`{"i", "o", "v"}`), POSTed as JSON
or sent with GET as `?query=<the same JSON>`, answered by the `@search` catalog."""

import json
import posixpath
from urllib.parse import unquote, urlsplit

from django.utils.translation import gettext as _
from rest_framework.response import Response

from .. import batching, errors, vocabularies
from .search import CatalogService, Criteria

OP = "plone.app.querystring.operation."
SELECTION = {OP + "selection.any", OP + "selection.is"}
ABSOLUTE, RELATIVE = OP + "string.absolutePath", OP + "string.relativePath"
CONTAINS = OP + "string.contains"
LARGER, LESS, BETWEEN = OP + "date.largerThan", OP + "date.lessThan", OP + "date.between"

# index -> the operations it takes
OPERATIONS = {
    "portal_type": SELECTION,
    "review_state": SELECTION,
    "Subject": SELECTION,
    "unit": SELECTION,
    "path": {ABSOLUTE, RELATIVE},
    "SearchableText": {CONTAINS},
    "effective": {LARGER, LESS, BETWEEN},
}


def _listed(value):
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


def _boolean(value) -> bool:
    return value in (True, 1) or str(value).lower() in ("1", "true", "yes", "on")


class QuerystringSearchService(CatalogService):
    def get(self, request):
        raw = request.query_params.get("query", "")
        body = None
        for text in (raw, unquote(raw)):
            try:
                body = json.loads(text)
                break
            except ValueError:
                continue
        if isinstance(body, list):
            body = {"query": body}
        if not isinstance(body, dict):
            raise errors.field_error("query", _("must be a JSON object"))
        return self.search(body)

    def post(self, request):
        return self.search(self.json_body())

    def search(self, body):
        rows = body.get("query")
        if not rows or not isinstance(rows, list):
            raise errors.field_error("query", _("No query supplied."))
        criteria = Criteria()
        for row in rows:
            self.apply(criteria, row)
        if self.context.pk != self.chain[0].pk:
            criteria.exclude = self.context  # as plone.restapi: the context is not its own hit
        criteria.sort_on, criteria.sort_order = self.sorting(
            body.get("sort_on") or "path", body.get("sort_order") or "ascending"
        )
        start, size = batching.params(self.request, body)
        limit = body.get("limit")
        if limit not in (None, ""):
            try:
                limit = int(limit)
            except (TypeError, ValueError):
                raise errors.field_error("limit", _("must be a whole number")) from None
        else:
            limit = None
        metadata = body.get("metadata_fields") or []
        data = self.answer(
            criteria,
            self.api_url("@querystring-search"),
            start,
            size,
            fullobjects=_boolean(body.get("fullobjects", False)),
            metadata=_listed(metadata),
            limit=limit,
        )
        return Response(data)

    def apply(self, criteria, row):
        if not isinstance(row, dict):
            raise errors.field_error("query", _("each criterion is {i, o, v}"))
        index, operation, value = row.get("i"), row.get("o"), row.get("v")
        if index not in OPERATIONS:
            raise errors.field_error("query", _("unknown index %r") % index)
        if operation not in OPERATIONS[index]:
            raise errors.field_error(
                index, _("unknown operation %(operation)r") % {"operation": operation}
            )
        if index == "portal_type":
            criteria.types = self.types(_listed(value), index)
        elif index == "review_state":
            criteria.states = self.review_states(_listed(value), index)
        elif index == "Subject":
            criteria.subjects = _listed(value)
        elif index == "unit":
            criteria.units = _listed(value)
        elif index == "SearchableText":
            criteria.text = str(value or "").strip()
        elif index == "path":
            self.path(criteria, operation, str(value or ""))
        elif operation == BETWEEN:
            if not isinstance(value, list) or len(value) != 2:
                raise errors.field_error(index, _("give two dates"))
            criteria.effective_min = self.moment(value[0], index)
            criteria.effective_max = self.moment(value[1], index)
        elif operation == LARGER:
            criteria.effective_min = self.moment(value, index)
        else:
            criteria.effective_max = self.moment(value, index)

    def path(self, criteria, operation, value):
        path, _sep, depth = value.partition("::")
        if depth:
            try:
                criteria.depth = int(depth)
            except ValueError:
                raise errors.field_error("path", _("must be a whole number")) from None
            if criteria.depth < 0:
                criteria.depth = None  # plone's -1: the whole subtree
        if operation == RELATIVE:
            here = urlsplit(self.context_url()).path
            path = posixpath.normpath(posixpath.join(here, path or "."))
        criteria.base = self.page_at(path or "/", "path")


# --- @querystring: what @querystring-search understands, in plone.app.querystring's terms ------

WIDGETS = {
    OP + "selection.any": "MultipleSelectionWidget",
    OP + "selection.is": "MultipleSelectionWidget",
    ABSOLUTE: "ReferenceWidget",
    RELATIVE: "RelativePathWidget",
    CONTAINS: "StringWidget",
    LARGER: "DateWidget",
    LESS: "DateWidget",
    BETWEEN: "DateRangeWidget",
}


def _operators() -> dict:
    return {
        OP + "selection.any": (_("Matches any of"), ""),
        OP + "selection.is": (_("Matches any of"), ""),
        ABSOLUTE: (_("Absolute path"), _("Location in the site structure")),
        RELATIVE: (_("Relative path"), _("Enter a relative path, e.g. ..::1")),
        CONTAINS: (_("Contains"), ""),
        LARGER: (_("After date"), _("Please use YYYY/MM/DD.")),
        LESS: (_("Before date"), _("Please use YYYY/MM/DD.")),
        BETWEEN: (_("Between dates"), _("Please use YYYY/MM/DD.")),
    }


def _indexes() -> dict:
    """(title, description, group, vocabulary, sortable) per index @querystring-search takes."""
    return {
        "portal_type": (
            _("Type"), _("An item's type (e.g. news item)"), _("Metadata"),
            "plone.app.vocabularies.ReallyUserFriendlyTypes", False,
        ),
        "review_state": (
            _("Review state"), _("An item's workflow state (e.g. published)"), _("Metadata"),
            "plone.app.vocabularies.WorkflowStates", False,
        ),
        "Subject": (
            _("Topic"), _("The topics (tags) of an item"), _("Text"),
            "plone.app.vocabularies.Keywords", False,
        ),
        "unit": (
            _("Unit"), _("The unit that wrote an item"), _("Metadata"), "units", False,
        ),
        "path": (_("Location"), _("The location of an item"), _("Metadata"), None, False),
        "SearchableText": (
            _("Searchable text"), _("Text search of an item's contents"), _("Text"), None, False,
        ),
        "effective": (
            _("Effective date"), _("The time and date an item was first published"), _("Dates"),
            None, True,
        ),
    }  # fmt: skip


class QuerystringService(CatalogService):
    """`GET @querystring`: the indexes and operations `@querystring-search` understands, with
    the values a query builder offers for the selection indexes (types and review states)."""

    def get(self, request):
        from ..serializers.schema import type_title
        from ..transitions import STATE_TITLES
        from .search import STATES, page_types

        operators = _operators()
        values = {
            "portal_type": {
                name: {"title": str(type_title(model))} for name, model in page_types().items()
            },
            "review_state": {state: {"title": str(STATE_TITLES[state])} for state in STATES},
            "Subject": {
                token: {"title": title}
                for token, title in vocabularies.terms(
                    vocabularies.PLONE + "Keywords", request.user
                )
            },
            "unit": {
                token: {"title": title}
                for token, title in vocabularies.terms("units", request.user)
            },
        }
        indexes = {}
        for name, (title, description, group, vocabulary, sortable) in _indexes().items():
            ops = sorted(OPERATIONS[name])
            indexes[name] = {
                "description": str(description),
                "enabled": True,
                "group": str(group),
                "operations": ops,
                "operators": {
                    op: {
                        "description": str(operators[op][1]) or None,
                        "operation": "plone.app.querystring.queryparser._" + op.rsplit(".", 1)[1],
                        "title": str(operators[op][0]),
                        "widget": WIDGETS[op],
                    }
                    for op in ops
                },
                "sortable": sortable,
                "title": str(title),
                "values": dict(sorted(values.get(name, {}).items())),
                "vocabulary": vocabulary,
            }
        sortable = {
            name: {**spec, "enabled": True} for name, spec in indexes.items() if spec["sortable"]
        }
        for name, title in (("sortable_title", _("Title")), ("modified", _("Modification date"))):
            sortable[name] = {
                "description": "", "enabled": True, "group": str(_("Metadata")),
                "operations": [], "operators": {}, "sortable": True, "title": str(title),
                "values": {}, "vocabulary": None,
            }  # fmt: skip
        return Response(
            {"@id": self.api_url("@querystring"), "indexes": indexes, "sortable_indexes": sortable}
        )
