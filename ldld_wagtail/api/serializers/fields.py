"""Field values in plone.restapi's shapes: rich text, images with scales, files, terms, dates.

Image scales are Wagtail's signed dynamic image URLs (`/images/<signature>/<id>/<filter>/`):
no rendition is made, and no query is spent, until a client asks for the image itself.
"""

import datetime
import functools
import mimetypes
from types import SimpleNamespace

from django.db import models
from django.utils import timezone
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.images.views.serve import generate_image_url
from wagtail.rich_text import expand_db_html

# plone.app.imaging's default scales: name -> longest side.
SCALES = {
    "large": 800,
    "preview": 400,
    "mini": 200,
    "thumb": 128,
    "tile": 64,
    "icon": 32,
}


def richtext(html: str) -> dict:
    return {"content-type": "text/html", "data": html, "encoding": "utf-8"}


def iso(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


@functools.lru_cache(maxsize=8192)
def _image_url(image_id: int, file_name: str, spec: str) -> str:
    """Wagtail's signed URL for an image and a filter: a signature and a URL reversal, the same
    every time for the same image id, file and filter (so kept, per process)."""
    stub = SimpleNamespace(id=image_id, file=SimpleNamespace(name=file_name))
    return generate_image_url(stub, spec, "wagtailimages_serve")


def image(request, img) -> dict | None:
    if img is None:
        return None
    width, height = img.width or 0, img.height or 0
    scales = {}
    for name, side in SCALES.items():
        ratio = min(1.0, side / max(width, height, 1))
        scales[name] = {
            "download": request.build_absolute_uri(
                _image_url(img.id, img.file.name, f"max-{side}x{side}")
            ),
            "width": round(width * ratio),
            "height": round(height * ratio),
        }
    filename = img.file.name.rsplit("/", 1)[-1]
    return {
        "download": request.build_absolute_uri(_image_url(img.id, img.file.name, "original")),
        "filename": filename,
        "content-type": mimetypes.guess_type(filename)[0] or "application/octet-stream",
        "width": width,
        "height": height,
        "size": img.file_size,
        "scales": scales,
    }


def document(request, doc) -> dict | None:
    if doc is None:
        return None
    return {
        "@id": request.build_absolute_uri(doc.url),
        "download": request.build_absolute_uri(doc.url),
        "filename": doc.filename,
        "content-type": doc.content_type or "application/octet-stream",
        "size": doc.file_size,
        "title": doc.title,
    }


def term(obj) -> dict | None:
    """A related object as a vocabulary term, as plone.restapi writes choice values."""
    if obj is None:
        return None
    token = getattr(obj, "code", None) or str(obj.pk)
    return {"token": token, "title": str(obj)}


def value(request, obj, name):
    """The API value of `obj.name`, by the kind of model field it is."""
    field = _field(obj, name)
    raw = getattr(obj, name)
    if field is None:
        return raw
    if field.one_to_many:
        return child_rows(request, obj, name)
    if isinstance(field, RichTextField):
        return richtext(expand_db_html(raw or ""))
    if isinstance(field, StreamField):
        return richtext(_unwrapped(str(raw)) if raw else "")
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        if issubclass(related, AbstractImage):
            return image(request, raw)
        if related._meta.label == "wagtaildocs.Document":
            return document(request, raw)
        return term(raw)
    if isinstance(field, models.DateTimeField | models.DateField):
        return iso(raw)
    if field.choices:
        return {"token": raw, "title": str(dict(field.flatchoices).get(raw, raw))} if raw else None
    if hasattr(raw, "all") and field.many_to_many:
        return [str(t) for t in raw.all()]
    return raw


STREAM_WRAPPER = '<div class="stream">'


def _unwrapped(html: str) -> str:
    """A body's HTML without the page template's wrapper (`<div class="stream">`): what an
    editor edits, and what Plone's rich text editors open (Volto's has no rule for the div and
    opened an empty body)."""
    html = html.strip()
    if html.startswith(STREAM_WRAPPER) and html.endswith("</div>"):
        return html[len(STREAM_WRAPPER) : -len("</div>")].strip()
    return html


def child_rows(request, obj, name):
    """An inline list (photos, members, entries) with its model's own `api_fields`, each row
    with a `title` too (read-only) so that a generic client can name it: Volto's default view
    shows a list of objects by their titles, and fails on objects without one."""
    rows = []
    for n, row in enumerate(getattr(obj, name).all()):
        data = {f: value(request, row, f) for f in row.api_fields}
        if "title" not in data:
            data["title"] = row_title(row, data)
        # A row's key for a list widget (Volto's object_list shows only rows that have one).
        data["@id"] = f"{row._meta.model_name}-{row.pk or n}"
        rows.append(data)
    return rows


ROW_TITLE_FIELDS = ("caption", "label", "content", "name")


def row_title(row, data) -> str:
    for name in ROW_TITLE_FIELDS:
        text = data.get(name)
        if isinstance(text, str) and text.strip():
            return text.strip()
        if isinstance(text, dict) and text.get("title"):
            return str(text["title"])
    for text in data.values():  # e.g. an attachment without a label: its document's title
        if isinstance(text, dict) and text.get("title"):
            return str(text["title"])
    return str(row)


def _field(obj, name):
    try:
        return obj._meta.get_field(name)
    except Exception:
        return None
