"""Request bodies onto pages: each field checked by its kind, errors named by field.

Accepted values follow plone.restapi: rich text as HTML or `{"data": html}`, terms as a token
or `{"token": …}`, images and files as `{"data": <base64>, "encoding": "base64", "filename"}`
(or an existing one's numeric `token`), dates as ISO strings, inline lists as arrays of
objects with the row type's own fields. Rich text is sanitised (nh3) before it is stored.
"""

import base64
import binascii
import datetime
import re
import threading
from contextlib import contextmanager

import nh3
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents.forms import get_document_form
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.images.models import AbstractImage
from wagtail.permissions import policy_registry
from wagtail.rich_text import RichText

from ... import uploads
from ...text import fold, person_name
from .. import errors
from .schema import PHOTO_ALIASES, PLONE_ALIASES, layout, photo_field

METADATA = {"@type", "title", "description", "id", "effective", "expires"}
# What a client sends back as it read it, or Volto's add form always sends: not written.
ECHOED = {
    "parent", "UID", "review_state", "created", "modified", "lock", "is_folderish",
    "type_title", "items", "items_total", "batching", "language",
}  # fmt: skip
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a",
    "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


class Problems:
    def __init__(self):
        self.items = []

    def add(self, field, message):
        self.items.append({"field": field, "message": str(message)})

    def raise_if_any(self):
        if self.items:
            raise errors.validation_error(self.items)


def clean_html(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes={"a": {"href", "title"}})


def slug_for(title: str) -> str:
    return slugify(fold(title))[:255] or "trang"


# Plone's standard field names, accepted on write for the page type's own fields, so that a
# generic Plone client can create and edit items: `text` is the body, `subjects` the tags,
# `creators` the authors (a list, joined with commas into a text field), and Plone's lead image
# (`image` or `preview_image`, with `image_caption` or `preview_caption`) the first photo.
# `@types` lists each with the field it writes (`aliasOf`).


def plone_names(page, data: dict, api_fields, user=None, creating=False) -> dict:
    """`data` with Plone's standard names moved to the page type's own fields, and the
    defaults a Plone client cannot know: a new item's authors are its writer."""
    data = dict(data)
    for plone, ours in PLONE_ALIASES.items():
        if plone not in data or plone in api_fields or ours not in api_fields:
            continue
        value = data.pop(plone)
        if ours in data:
            continue  # the type's own name wins
        field = page._meta.get_field(ours)
        if isinstance(value, list) and isinstance(field, models.CharField | models.TextField):
            value = ", ".join(str(v).strip() for v in value if str(v).strip())
        data[ours] = value
    writer = person_name(user) if user is not None and user.is_authenticated else ""
    if creating and "authors" in api_fields and not data.get("authors") and writer:
        data["authors"] = writer
    _lead_image(page, data, api_fields, default_credit=data.get("authors") or writer)
    return data


def _lead_image(page, data, api_fields, default_credit):
    """Plone's lead image as the first photo: the other photos stay as they are."""
    given = {name: data.pop(name) for name in PHOTO_ALIASES if name in data}
    photos = photo_field(type(page))
    if not given or photos is None or photos not in api_fields:
        data.update(given)  # reported as unknown fields
        return
    if photos in data:
        return  # the type's own name wins
    row_fields = page._meta.get_field(photos).related_model.api_fields
    existing = list(getattr(page, photos).all()) if page.pk else []

    def kept(row):
        return {name: getattr(row, f"{name}_id", None) or getattr(row, name) for name in row_fields}

    first = kept(existing[0]) if existing else {}
    image = given.get("image", given.get("preview_image"))
    caption = given.get("image_caption", given.get("preview_caption"))
    if image is not None:
        first["image"] = image
    if caption is not None:
        first["caption"] = caption
    if "credit" in row_fields and not first.get("credit"):
        first["credit"] = default_credit or ""
    if first.get("image") is None:  # a caption for a photo that is not there
        raise errors.field_error("image", _("send the image with its caption"))
    data[photos] = [first, *(kept(row) for row in existing[1:])]


def default_unit(page, user):
    """A new item without a unit is its author's: the unit of the author's unit role."""
    from ...models import PortalRole, Unit

    for field in page._meta.concrete_fields:
        if (
            isinstance(field, models.ForeignKey)
            and field.related_model is Unit
            and field.name in getattr(page, "api_fields", ())
            and getattr(page, field.attname) is None
        ):
            role = (
                PortalRole.objects.filter(group__user=user, unit__isnull=False)
                .order_by("pk")
                .first()
            )
            if role is not None:
                setattr(page, field.attname, role.unit_id)


def apply(page, data: dict, creating: bool, user=None) -> list:
    """Set the body's values on `page`; return the inline rows to attach (name, rows)."""
    problems = Problems()
    api_fields = list(getattr(page, "api_fields", ()))
    data = plone_names(page, data, api_fields, user, creating)
    inline = []
    for key in data:
        if key in ECHOED:
            continue
        if key == "layout":  # the one view each type has (`@types`' `layouts`)
            if data[key] != layout(type(page)):
                problems.add(key, _("must be %r") % layout(type(page)))
        elif key not in METADATA and key not in api_fields and not key.startswith("@"):
            problems.add(key, _("unknown field"))
    title = data.get("title", None if not creating else "")
    if title is not None:
        if not isinstance(title, str) or not title.strip():
            problems.add("title", _("is required"))
        else:
            page.title = title.strip()[:255]
    if "id" in data or creating:
        slug = data.get("id") or (slug_for(page.title) if page.title else "")
        if not isinstance(slug, str) or slug != slugify(slug) or not slug:
            problems.add("id", _("use lower-case letters, digits and hyphens"))
        else:
            page.slug = slug
    if "description" in data:
        _set_description(page, data["description"], problems)
    _set_dates(page, data, problems)
    for name in api_fields:
        if name not in data:
            continue
        field = page._meta.get_field(name)
        if field.one_to_many:
            rows = _rows(field, data[name], problems, name)
            if rows is not None:
                inline.append((name, rows))
            continue
        _set(page, field, name, data[name], problems)
    problems.raise_if_any()
    return inline


# Plone's publication dates: `effective` is when the item goes live (Wagtail's go-live date,
# which the workflow's publishing step honours), `expires` when it comes down.
DATES = {"effective": "go_live_at", "expires": "expire_at"}


def _set_dates(page, data, problems):
    from .fields import iso

    for plone, attr in DATES.items():
        if plone not in data:
            continue
        value = data[plone]
        shown = page.go_live_at or page.first_published_at if plone == "effective" else None
        if value in (None, ""):
            setattr(page, attr, None)
            continue
        if not isinstance(value, str) or parse_datetime(value) is None:
            problems.add(plone, _("not a date and time (ISO 8601)"))
            continue
        moment = parse_datetime(value)
        if timezone.is_naive(moment):  # without an offset: Vietnam time
            moment = timezone.make_aware(moment)
        if shown is not None and iso(shown) == iso(moment) and page.go_live_at is None:
            continue  # the publication date sent back as it was read: not a go-live date
        setattr(page, attr, moment)
    if page.go_live_at and page.expire_at and page.expire_at <= page.go_live_at:
        problems.add("expires", _("must be after the effective date"))


def _set_description(page, value, problems):
    if not isinstance(value, str):
        problems.add("description", _("must be text"))
        return
    name = getattr(type(page), "api_description_field", None)
    setattr(page, name or "search_description", value)


def _set(obj, field, name, value, problems):
    try:
        converted = _convert(field, value)
    except ValueError as exc:
        problems.add(name, exc)
        return
    if field.many_to_many:
        getattr(obj, name).set(converted)
    else:
        setattr(obj, name, converted)


def _convert(field, value):
    if value is None:
        if not field.null and not isinstance(field, models.CharField | models.TextField):
            raise ValueError(_("may not be empty"))
        return "" if isinstance(field, models.CharField | models.TextField) else None
    if isinstance(field, RichTextField):
        return clean_html(_html(value))
    if isinstance(field, StreamField):
        return [("paragraph", RichText(clean_html(_html(value))))]
    if isinstance(field, models.ForeignKey):
        return _related(field.related_model, value)
    if field.many_to_many:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(_("must be a list of text"))
        return value
    if isinstance(field, models.BooleanField):
        if not isinstance(value, bool):
            raise ValueError(_("must be true or false"))
        return value
    if isinstance(field, models.DateTimeField):
        parsed = parse_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            raise ValueError(_("not a date and time (ISO 8601)"))
        return parsed
    if isinstance(field, models.DateField):
        parsed = _date(value)
        if parsed is None:
            raise ValueError(_("not a date (YYYY-MM-DD)"))
        return parsed
    if isinstance(field, models.TimeField):
        try:
            return datetime.time.fromisoformat(value)
        except (TypeError, ValueError):
            raise ValueError(_("not a time (HH:MM)")) from None
    if field.choices:
        token = value.get("token") if isinstance(value, dict) else value
        if token not in dict(field.flatchoices):
            raise ValueError(_("must be one of %s") % ", ".join(dict(field.flatchoices)))
        return token
    if isinstance(field, models.CharField | models.TextField):
        if not isinstance(value, str):
            raise ValueError(_("must be text"))
        if field.max_length and len(value) > field.max_length:
            raise ValueError(_("at most %d characters") % field.max_length)
        return value
    if isinstance(field, models.IntegerField):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(_("must be a whole number"))
        return value
    raise ValueError(_("cannot be set through the API"))


def _date(value):
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _html(value) -> str:
    if isinstance(value, dict):
        value = value.get("data")
    if not isinstance(value, str):
        raise ValueError(_('must be HTML text or {"data": "<p>…</p>"}'))
    return value


def _related(model, value):
    if issubclass(model, AbstractImage) or model._meta.label == "wagtaildocs.Document":
        return _upload(model, value)
    token = value.get("token") if isinstance(value, dict) else value
    if not isinstance(token, str | int) or isinstance(token, bool):
        raise ValueError(_("give the token of one of the choices"))
    lookup = {"code": token} if _has_field(model, "code") else {"pk": token}
    found = model._default_manager.filter(**lookup).first()
    if found is None:
        raise ValueError(_("unknown choice %r") % token)
    return found


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _max_upload() -> int:
    return max(
        getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024) or 0,
        getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", 10 * 1024 * 1024) or 0,
    )


# The files' URLs as the API hands them out: `/images/<signature>/<id>/<filter>/` and
# `/documents/<id>/<file name>`.
FILE_URL = re.compile(r"/(?:images/[^/]+|documents)/(\d+)/")


def _existing_id(value):
    """An existing file's id from what a client sends back unchanged: the number, its text, or
    the object the API gave (its `download` URL), as a generic form returns it."""
    if isinstance(value, str) and value.isdigit():
        return int(value)
    if isinstance(value, dict) and "data" not in value:
        found = FILE_URL.search(str(value.get("download") or value.get("@id") or ""))
        if found:
            return int(found.group(1))
    return value


def _upload(model, value):
    """An existing image or document (its numeric token), or a new one from base64 data, made
    through Wagtail's own upload form: its extension, format, size and pixel checks, and the
    caller's collection permissions (`add` in the collection it lands in)."""
    is_image = issubclass(model, AbstractImage)
    value = _existing_id(value)
    if isinstance(value, int) and not isinstance(value, bool):
        found = model._default_manager.filter(pk=value).first()
        if found is None:
            raise ValueError(_("unknown file %r") % value)
        return found
    if not isinstance(value, dict) or "data" not in value:
        raise ValueError(_('send {"data": <base64>, "encoding": "base64", "filename": …}'))
    if value.get("encoding", "base64") != "base64":
        raise ValueError(_("only base64 encoding is accepted"))
    filename = value.get("filename") or "tep"
    if not isinstance(filename, str) or not isinstance(value["data"], str):
        raise ValueError(_("the data is not valid base64"))
    try:
        uploads.check_name(filename)  # "../../x.pdf" is refused, not quietly renamed
    except DjangoValidationError as e:
        raise ValueError(" ".join(e.messages)) from None
    if len(value["data"]) > _max_upload() * 4 // 3 + 4:
        raise ValueError(_("the file is too large"))
    try:
        content = base64.b64decode(value["data"], validate=True)
    except (binascii.Error, TypeError, ValueError):
        raise ValueError(_("the data is not valid base64")) from None
    if not content:
        raise ValueError(_("the file is empty"))
    user = _uploads.user
    if is_image:
        model = get_image_model()
        policy, form_class = policy_registry.get_by_type(model), get_image_form(model)
    else:
        policy, form_class = policy_registry.get_by_type(model), get_document_form(model)
    if user is None or not policy.user_has_permission(user, "add"):
        raise ValueError(_("you may not upload files here"))
    collections = policy.collections_user_has_permission_for(user, "add").order_by("-depth", "path")
    form = form_class(
        {"title": str(value.get("title") or filename)[:255], "collection": collections[0].pk},
        {"file": SimpleUploadedFile(filename, content)},
        user=user,
    )
    if not form.is_valid():
        raise ValueError(" ".join(str(m) for errors in form.errors.values() for m in errors))
    obj = form.save(commit=False)
    obj.uploaded_by_user = user
    obj.save()
    _uploads.saved.append(obj)
    return obj


class _Uploads(threading.local):
    user = None
    saved: list

    def __init__(self):
        self.saved = []


_uploads = _Uploads()


@contextmanager
def uploads_by(user):
    """Uploads made inside are the user's; if anything inside fails (and its transaction rolls
    back), the files they wrote are deleted, so that no file is left without its row."""
    _uploads.user, _uploads.saved = user, []
    try:
        yield
    except BaseException:
        for obj in _uploads.saved:
            _delete_files(obj)
        raise
    finally:
        _uploads.user, _uploads.saved = None, []


def _delete_files(obj):
    try:
        obj.file.storage.delete(obj.file.name)
    except Exception:  # noqa: BLE001 - best effort: the request is failing already
        pass


def _rows(field, value, problems, name):
    model = field.related_model
    if not isinstance(value, list):
        problems.add(name, _("must be a list"))
        return None
    rows = []
    for i, item in enumerate(value):
        where = f"{name}[{i}]"
        if not isinstance(item, dict):
            problems.add(where, _("must be an object"))
            continue
        row = model()
        for key in item:
            # A row's `title` is read-only (what it is listed by); `@id` is what a client's
            # list widget keys its rows by.
            if key in ("title", "@id") and key not in model.api_fields:
                continue
            if key not in model.api_fields:
                problems.add(f"{where}.{key}", _("unknown field"))
        for key in model.api_fields:
            if key in item:
                _set(row, model._meta.get_field(key), key, item[key], _Prefixed(problems, where))
        rows.append(row)
    return rows


class _Prefixed:
    def __init__(self, problems, prefix):
        self.problems, self.prefix = problems, prefix

    def add(self, field, message):
        self.problems.add(f"{self.prefix}.{field}", message)
