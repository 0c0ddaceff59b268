"""The OpenAPI 3 description of `/++api++/`, built from the endpoint table and the page types.

Content schemas come from the same JSON Schemas `@types/<type>` serves, so the document and the
API cannot drift apart: what a client writes is that form, and what it reads is derived from it
in plone.restapi's read shapes (`read_schema`). `tests/ldld_wagtail/api/test_openapi.py` checks
every registered endpoint is described and runs a schema-driven fuzz pass against it, checking
the answers against this document.
"""

import copy

from django.utils.translation import gettext as _

ERROR = {"$ref": "#/components/schemas/Error"}
BATCH_PARAMS = [
    {"name": "b_start", "in": "query", "schema": {"type": "integer", "minimum": 0}},
    {"name": "b_size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
]
PATH = {
    "name": "path",
    "in": "path",
    "required": True,
    "schema": {"type": "string"},
    "description": "Page path below the site root, e.g. tuyen-giao-nu-cong/mot-tin",
}
TRANSITIONS = [
    "submit", "retract", "route", "approve", "return", "publish", "unpublish", "take_down",
    "restore",
]  # fmt: skip


def _json(schema, description="OK", media_type="application/json"):
    return {"description": description, "content": {media_type: {"schema": schema}}}


def _errors(*codes):
    names = {400: "Bad request", 401: "Not logged in", 403: "Forbidden", 404: "Not found",
             409: "Conflict", 412: "Precondition failed", 429: "Too many requests"}  # fmt: skip
    return {str(c): _json(ERROR, names[c]) for c in codes}


def _op(summary, responses, params=(), body=None, secure=False, tag="content"):
    op = {"summary": summary, "tags": [tag], "parameters": list(params), "responses": responses}
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    if secure:
        op["security"] = [{"bearer": []}, {"basic": []}]
    return op


def _obj(**props):
    return {"type": "object", "properties": props}


def _string(fmt=None, nullable=False):
    schema = {"type": "string"}
    if fmt:
        schema["format"] = fmt
    if nullable:
        schema["nullable"] = True
    return schema


# How `serializers.fields.value` writes each kind of field (by the `factory` `@types` gives it).
def _rich_text():
    keys = ("content-type", "data", "encoding")
    return {**_obj(**{k: {"type": "string"} for k in keys}), "required": list(keys)}


def _term():
    """A choice or a related object: a vocabulary term, or null when unset."""
    return {**_obj(token={"type": "string"}, title={"type": "string"}), "nullable": True}


def _image():
    size = {"type": "integer", "nullable": True}
    scale = _obj(download={"type": "string"}, width=size, height=size)
    return {
        **_obj(
            download={"type": "string"},
            filename={"type": "string"},
            width=size,
            height=size,
            size=size,
            scales={"type": "object", "additionalProperties": scale},
            **{"content-type": {"type": "string"}},
        ),
        "nullable": True,
    }


def _file():
    return {
        **_obj(
            download={"type": "string"},
            filename={"type": "string"},
            size={"type": "integer", "nullable": True},
            title={"type": "string"},
            **{"@id": {"type": "string"}, "content-type": {"type": "string"}},
        ),
        "nullable": True,
    }


READ_SHAPES = {"Rich Text": _rich_text, "Choice": _term, "Image": _image, "File": _file}
# Formats an unset text field (`""`) does not meet.
TEXT_FORMATS = {"email", "uri"}
# Keys of a form's field that say nothing about the value a client reads.
FORM_ONLY = {"widget", "factory", "vocabulary", "widgetOptions", "readonly", "default",
             "enumNames", "additionalItems", "schema", "aliasOf"}  # fmt: skip
# Plone names `@types` accepts on write that a read never carries.
WRITE_ONLY_ALIASES = {"preview_image", "preview_caption"}


def read_property(form: dict, required: bool) -> dict:
    """A form field (`@types/<type>`) as the API reads it: rich text as plone.restapi's
    `{content-type, data, encoding}`, a choice as a `{token, title}` term, images and files
    as objects, inline rows field by field; an optional value may be null, and an unset text
    field (`""`) passes for one with a format."""
    annotations = {k: form[k] for k in ("title", "description") if k in form}
    shape = READ_SHAPES.get(form.get("factory"))
    if shape is not None:
        return {**shape(), **annotations}
    data = {k: v for k, v in form.items() if k not in FORM_ONLY}
    if data.get("type") == "array" and data.get("items", {}).get("type") == "object":
        row = data["items"]
        data["items"] = row_schema(row["properties"], row.get("required", ()))
        return data
    if data.get("format") in TEXT_FORMATS:
        data["anyOf"] = [{"format": data.pop("format")}, {"enum": [""]}]
    if not required and data.get("type") != "array":
        data["nullable"] = True
    return data


def row_schema(properties: dict, required) -> dict:
    """An inline row (a photo, a member): its fields, with the `@id` and `title` every row
    carries (`serializers.fields.child_rows`)."""
    fields = {name: read_property(form, name in required) for name, form in properties.items()}
    fields.setdefault("title", {"type": "string"})
    fields["@id"] = {"type": "string"}
    return {"type": "object", "properties": fields, "required": [*fields]}


def read_schema(name: str, form: dict, page: dict) -> dict:
    """What `GET` of a page of type `name` answers (`serializers.content.full`): the common
    metadata `page`, the type's own fields and the Plone names it also writes them under. Its
    `@type` tells the types apart."""
    required = form.get("required", ())
    shown = form["fieldsets"][0]["fields"]  # the type's own fields: always in the answer
    fields = {
        field: read_property(schema, field in required)
        for field, schema in form["properties"].items()
        if field not in WRITE_ONLY_ALIASES
    }
    properties = {**copy.deepcopy(page), **fields, "@type": {"type": "string", "enum": [name]}}
    return {
        "type": "object",
        "title": form.get("title", name),
        "properties": properties,
        "required": sorted({"@id", "@type", "UID", "id", "title", "review_state", *shown}),
    }


def document(request) -> dict:
    from wagtail.models import Page, get_page_models

    from .serializers.schema import schema as type_schema

    def vocabulary_url(name):
        return request.build_absolute_uri(f"/++api++/@vocabularies/{name}")

    forms = {m.__name__: type_schema(m, vocabulary_url) for m in get_page_models() if m is not Page}
    # What a client sends: `@type` plus that type's fields (see `@types/<type>`).
    writable = {
        "type": "object",
        "properties": {"@type": {"type": "string", "enum": sorted(forms)}},
        "additionalProperties": True,
    }
    summary = _obj(**{k: {"type": "string"} for k in ("@id", "@type", "UID", "title",
                   "description", "review_state", "type_title")})  # fmt: skip
    listing = _obj(
        **{"@id": {"type": "string"}, "items_total": {"type": "integer"}},
        items={"type": "array", "items": summary},
        batching=_obj(**{k: {"type": "string"} for k in ("@id", "first", "last", "next", "prev")}),
    )
    # What every page's answer carries besides its type's fields (`serializers.content.full`).
    texts = ("@id", "UID", "id", "title", "description", "review_state", "type_title", "layout",
             "language", "seo_title")  # fmt: skip
    page = _obj(
        **{k: {"type": "string"} for k in texts},
        **{k: _string("date-time", nullable=True) for k in ("created", "modified")},
        **{"@components": {"type": "object"}},
        is_folderish={"type": "boolean"},
        lock={"type": "object"},
        parent={"type": "object"},
        # A folder's children, batched.
        items={"type": "array", "items": summary},
        items_total={"type": "integer"},
        batching=listing["properties"]["batching"],
    )["properties"]
    # A page is one of the types, told apart by its `@type`.
    types = {name: read_schema(name, form, page) for name, form in forms.items()}
    content = {
        "oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in sorted(types)],
        "discriminator": {"propertyName": "@type"},
    }
    entry = _obj(**{k: {"type": ["string", "null"]} for k in
                    ("action", "actor", "comments", "review_state", "time", "title")})  # fmt: skip
    transition_body = _obj(
        comment={"type": "string"},
        field={"type": "string", "description": _("route: the field's code")},
        reason={"type": "string", "description": _("take_down: why")},
        category={"type": "string", "enum": ["quality", "accuracy", "rights", "other"]},
    )
    search_params = BATCH_PARAMS + [
        {"name": n, "in": "query", "schema": {"type": "string"}}
        for n in (
            "SearchableText",
            "portal_type",
            "path.query",
            "path.depth",
            "review_state",
            "effective.query",
            "effective.range",
            "sort_on",
            "sort_order",
            "metadata_fields",
            "fullobjects",
        )  # fmt: skip
    ]
    read_errors = _errors(400, 401, 404)
    anything = {"type": "object"}
    account = _obj(
        username={"type": "string"},
        email={"type": "string", "format": "email"},
        fullname={"type": "string"},
        groups={"type": "array", "items": {"type": "string"}},
    )
    paste = _obj(
        source={
            "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}],
            "description": _("The URL of an item, or a list of them"),
        }
    )
    pasted = {"type": "array", "items": _obj(source={"type": "string"}, target={"type": "string"})}
    workflow_info = _obj(
        history={"type": "array", "items": entry},
        state=_obj(id={"type": "string"}, title={"type": "string"}),
        transitions={
            "type": "array",
            "items": _obj(**{"@id": {"type": "string"}, "title": {"type": "string"}}),
        },
    )
    transition = {
        "name": "transition",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": TRANSITIONS},
    }
    type_param = {
        "name": "type",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "enum": sorted(forms)},
    }
    name_param = {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}
    since = {"name": "since", "in": "query", "schema": {"type": "string"}}
    depth = {"name": "expand.navigation.depth", "in": "query", "schema": {"type": "integer"}}
    expand = {"name": "expand", "in": "query", "schema": {"type": "string"}}
    token = _json(_obj(token={"type": "string"}))
    login_body = {**_obj(login={"type": "string"}, password={"type": "string"})}
    login_body["required"] = ["login", "password"]
    not_modified = {"304": {"description": "Not modified"}}
    paths = {
        "/++api++/{path}": {
            "get": _op(
                _("Read a page (containers list their items in batches)"),
                {"200": _json(content), **not_modified, **read_errors},
                [PATH, *BATCH_PARAMS, expand],
            ),
            "post": _op(
                _("Create a draft page under this one"),
                {"201": _json(content, "Created"), **_errors(400, 401, 403, 404)},
                [PATH],
                body=writable,
                secure=True,
            ),
            "patch": _op(
                _("Save a new revision of this page"),
                {
                    "204": {"description": "Saved"},
                    "200": _json(content),
                    **_errors(400, 401, 403, 404, 412),
                },
                [PATH],
                body=writable,
                secure=True,
            ),
            "delete": _op(
                _("Delete this page"),
                {"204": {"description": "Deleted"}, **_errors(401, 403, 404, 412)},
                [PATH],
                secure=True,
            ),
        },
        "/++api++/{path}/@workflow": {
            "get": _op(
                _("State, history and the transitions the caller may take"),
                {"200": _json(workflow_info), **read_errors},
                [PATH],
                tag="workflow",
            )
        },
        "/++api++/{path}/@workflow/{transition}": {
            "post": _op(
                _("Take a workflow transition"),
                {"200": _json(entry), **_errors(400, 401, 403, 404)},
                [PATH, transition],
                body=transition_body,
                secure=True,
                tag="workflow",
            )
        },
        "/++api++/@search": {
            "get": _op(
                _("Search the pages the caller may see"),
                {"200": _json(listing), **read_errors},
                search_params,
                tag="search",
            )
        },
        "/++api++/{path}/@querystring-search": {
            "post": _op(
                _("Search with plone.app.querystring criteria"),
                {"200": _json(listing), **read_errors},
                [PATH],
                body=_obj(
                    query={
                        "type": "array",
                        "items": _obj(i={"type": "string"}, o={"type": "string"}, v={}),
                    },
                    sort_on={"type": "string"},
                    sort_order={"type": "string"},
                    b_start={"type": "integer"},
                    b_size={"type": "integer"},
                    fullobjects={"type": "boolean"},
                ),
                tag="search",
            )
        },
        "/++api++/{path}/@history": {
            "get": _op(
                _("Revisions and workflow steps of a page"),
                {"200": _json({"type": "array"}), **read_errors, **_errors(403)},
                [PATH],
                secure=True,
                tag="workflow",
            )
        },
        "/++api++/@login": {
            "post": _op(
                _("Log in: a JWT for the Authorization header"),
                {"200": token, **_errors(400, 401, 429)},
                body=login_body,
                tag="auth",
            )
        },
        "/++api++/@login-renew": {
            "post": _op(
                _("A fresh token for the logged-in caller"),
                {"200": token, **_errors(401)},
                secure=True,
                tag="auth",
            )
        },
        "/++api++/@logout": {
            "post": _op(
                _("Revoke the caller's token"),
                {"204": {"description": "Logged out"}, **_errors(400, 401)},
                secure=True,
                tag="auth",
            )
        },
        "/++api++/@site": {"get": _op(_("Site-wide facts"), {"200": _json(anything)}, tag="site")},
        "/++api++/@navigation": {
            "get": _op(_("The menu"), {"200": _json(anything), **read_errors}, [depth], tag="site")
        },
        "/++api++/{path}/@breadcrumbs": {
            "get": _op(
                _("Breadcrumbs of a page"),
                {"200": _json(anything), **read_errors},
                [PATH],
                tag="site",
            )
        },
        "/++api++/{path}/@actions": {
            "get": _op(
                _("What the caller may do here, by plone.restapi's categories"),
                {"200": _json(anything), **read_errors},
                [PATH],
                tag="site",
            )
        },
        "/++api++/@users": {
            "get": _op(
                _("The accounts (for those who manage them)"),
                {"200": _json(anything), **_errors(401, 403)},
                [],
                secure=True,
                tag="site",
            ),
            "post": _op(
                _("Create an account (it waits for the head's approval when the rules say so)"),
                {"201": _json(anything), **_errors(400, 401, 403)},
                [],
                body=account,
                secure=True,
                tag="site",
            ),
        },
        "/++api++/@users/{id}": {
            "get": _op(
                _("An account's record: the caller's own, or any for those who manage accounts"),
                {"200": _json(anything), **_errors(401, 403, 404)},
                [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                secure=True,
                tag="site",
            ),
            "patch": _op(
                _("Change an account's name, email or (for those who manage accounts) roles"),
                {"204": {"description": _("Changed")}, **_errors(400, 401, 403, 404)},
                [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                body=account,
                secure=True,
                tag="site",
            ),
        },
        "/++api++/{path}/@copy": {
            "post": _op(
                _("Copy items here, as drafts"),
                {"200": _json(pasted), **_errors(400, 401, 403, 404)},
                [PATH],
                body=paste,
                secure=True,
            )
        },
        "/++api++/{path}/@move": {
            "post": _op(
                _("Move items here"),
                {"200": _json(pasted), **_errors(400, 401, 403, 404)},
                [PATH],
                body=paste,
                secure=True,
            )
        },
        "/++api++/{path}/@contextnavigation": {
            "get": _op(
                _("The navigation portlet's tree around the page"),
                {"200": _json(anything), **read_errors},
                [PATH],
                tag="site",
            )
        },
        "/++api++/{path}/@querystring": {
            "get": _op(
                _("The indexes and operations @querystring-search understands"),
                {"200": _json(anything), **read_errors},
                [PATH],
                tag="search",
            )
        },
        "/++api++/{path}/@lock": {
            "get": _op(
                _("The page's lock (Wagtail's page lock)"),
                {"200": _json(anything), **read_errors},
                [PATH],
                tag="content",
            ),
            "post": _op(
                _("Lock the page for the caller"),
                {"200": _json(anything), **_errors(401, 403, 404)},
                [PATH],
                secure=True,
                tag="content",
            ),
            "patch": _op(
                _("Refresh the caller's lock"),
                {"200": _json(anything), **_errors(400, 401, 403, 404)},
                [PATH],
                secure=True,
                tag="content",
            ),
            "delete": _op(
                _('Unlock the page (another\'s lock with {"force": true})'),
                {"200": _json(anything), **_errors(401, 403, 404)},
                [PATH],
                secure=True,
                tag="content",
            ),
        },
        "/++api++/{path}/@translations": {
            "get": _op(
                _("The page in other languages"),
                {"200": _json(anything), **read_errors},
                [PATH],
                tag="site",
            )
        },
        "/++api++/@types": {
            "get": _op(
                _("Page types and whether the caller may add them"),
                {"200": _json({"type": "array"})},
                tag="types",
            )
        },
        "/++api++/@types/{type}": {
            "get": _op(
                _("JSON Schema of a page type"),
                {"200": _json(anything, media_type="application/json+schema"), **read_errors},
                [type_param],
                tag="types",
            )
        },
        "/++api++/@vocabularies/{name}": {
            "get": _op(
                _("Terms of a vocabulary"),
                {"200": _json(listing), **read_errors},
                [name_param, *BATCH_PARAMS],
                tag="types",
            )
        },
        "/++api++/@syndication": {
            "get": _op(
                _("Changes for the national union portal"),
                {"200": _json(anything), **_errors(400, 401, 403)},
                [since, *BATCH_PARAMS],
                secure=True,
                tag="syndication",
            )
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": _("Trade union portal API"),
            "version": "1",
            "description": _(
                "plone.restapi's wire format over the portal's pages. Anonymous callers see "
                "published, public pages only."
            ),
        },
        "servers": [{"url": request.build_absolute_uri("/").rstrip("/")}],
        "paths": paths,
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["type", "message"],
                    "properties": {
                        "type": {"type": "string"},
                        "message": {"type": "string"},
                        "errors": {
                            "type": "array",
                            "items": _obj(field={"type": "string"}, message={"type": "string"}),
                        },
                    },
                },  # fmt: skip
                **types,
            },
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "basic": {"type": "http", "scheme": "basic"},
            },
        },
    }
