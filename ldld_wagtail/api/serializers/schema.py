"""A page type as plone.restapi's JSON Schema: `title`, `description` and the type's `api_fields`.

Only `api_fields` are described, so a field kept out of the API (the Q&A asker's contact) never
shows up here either.
"""

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from taggit.managers import TaggableManager
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from .. import vocabularies


def type_title(cls) -> str:
    return str(cls._meta.verbose_name).capitalize()


def schema(cls, vocabulary_url) -> dict:
    """`vocabulary_url(name)` gives the `@vocabularies/<name>` URL to point choices at."""
    properties = {
        "title": {
            "type": "string",
            "title": _("Title"),
            "description": "",
            "maxLength": Page._meta.get_field("title").max_length,
            "factory": "Text line (String)",
        },
        "description": {
            "type": "string",
            "title": _("Summary"),
            "description": _("Used in item listings and search results."),
            "widget": "textarea",
            "factory": "Text",
        },
    }
    required = ["title"]
    source = getattr(cls, "api_description_field", None)
    if source:
        # The summary is that field's value, so it is edited there.
        properties["description"]["readonly"] = True
    own, own_required = fields_of(cls, vocabulary_url)
    properties.update(own)
    required += own_required
    shown = list(properties)
    properties.update(aliases(cls, properties, vocabulary_url))
    return {
        "type": "object",
        "title": type_title(cls),
        "properties": properties,
        "required": required,
        # Only the type's own fields are in a fieldset: a form shows each field once, and a
        # Plone name (below) is there for clients that write with it.
        "fieldsets": [{"id": "default", "title": _("Default"), "fields": shown}],
        "layouts": [layout(cls)],
    }


def layout(cls) -> str:
    """The view a Plone frontend should draw the page with: a folder's listing, or the type's
    own fields."""
    return "listing_view" if cls.creatable_subpage_models() else "view"


# Plone's standard field names, accepted on write (`deserialize.plone_names`): the type's own
# field each stands for. `image` and `preview_image` (with their captions) are the first photo.
PLONE_ALIASES = {
    "text": "body",
    "subjects": "tags",
    "creators": "authors",
}
PHOTO_ALIASES = ("image", "image_caption", "preview_image", "preview_caption")


def aliases(cls, properties, vocabulary_url) -> dict:
    """The Plone names this type accepts, each marked with `aliasOf` the field it writes."""
    found = {}
    for plone, ours in PLONE_ALIASES.items():
        if ours in properties and plone not in properties:
            found[plone] = {**properties[ours], "aliasOf": ours}
    if "subjects" in found:
        keywords = {"@id": vocabulary_url("plone.app.vocabularies.Keywords")}
        found["subjects"]["widgetOptions"] = {"vocabulary": keywords}
    if "creators" in found:
        found["creators"] = {
            "type": "array",
            "title": found["creators"]["title"],
            "description": _("Plone's name for the authors: a list of names."),
            "items": {"type": "string"},
            "factory": "Tuple",
            "aliasOf": "authors",
        }
    for plone, ours, title in (
        ("effective", "go_live_at", _("Go-live date/time")),
        ("expires", "expire_at", _("Expiry date/time")),
    ):
        found[plone] = {
            "type": "string",
            "format": "date-time",
            "title": title,
            "description": "",
            "widget": "datetime",
            "factory": "Datetime",
            "aliasOf": ours,
        }
    photos = photo_field(cls)
    if photos:
        item = properties[photos]["items"]["properties"]
        first = _("The first photo")
        for plone in PHOTO_ALIASES:
            part = "image" if plone.endswith("image") else "caption"
            if part in item:
                found[plone] = {**item[part], "aliasOf": f"{photos}[0].{part}"}
                found[plone]["description"] = f"{first}: {item[part]['title'].lower()}"
    return found


def photo_field(cls) -> str | None:
    """The inline list of photos (rows with an image and a caption), if the type has one."""
    for name in getattr(cls, "api_fields", ()):
        field = cls._meta.get_field(name)
        if field.one_to_many:
            row_fields = getattr(field.related_model, "api_fields", ())
            if "image" in row_fields and "caption" in row_fields:
                return name
    return None


def fields_of(model, vocabulary_url) -> tuple[dict, list]:
    properties, required = {}, []
    for name in getattr(model, "api_fields", ()):
        field = model._meta.get_field(name)
        properties[name] = prop(model, field, vocabulary_url)
        if _required(field):
            required.append(name)
    return properties, required


def _required(field) -> bool:
    if field.one_to_many or field.many_to_many or isinstance(field, TaggableManager):
        return False
    if isinstance(field, models.BooleanField) or field.has_default():
        return False
    return not field.blank


def prop(model, field, vocabulary_url) -> dict:
    label = getattr(field, "verbose_name", None)
    if field.one_to_many:
        label = field.related_model._meta.verbose_name_plural
    data = {
        "title": capfirst(str(label or field.name)),
        "description": str(getattr(field, "help_text", "") or ""),
    }
    data.update(_kind(model, field, vocabulary_url))
    if getattr(field, "has_default", lambda: False)() and not callable(field.default):
        data["default"] = field.default
    return data


def _kind(model, field, vocabulary_url) -> dict:
    named = vocabularies.name_for(model, field.name)
    if field.one_to_many:
        items, required = fields_of(field.related_model, vocabulary_url)
        row = field.related_model
        return {
            "type": "array",
            "factory": "List",
            "widget": "object_list",
            "items": {"type": "object", "properties": items, "required": required},
            # What Volto's object_list widget reads: the item's form.
            "schema": {
                "title": capfirst(str(row._meta.verbose_name)),
                "fieldsets": [{"id": "default", "title": _("Default"), "fields": list(items)}],
                "properties": items,
                "required": required,
            },
        }
    if isinstance(field, TaggableManager):
        item = {"type": "string", "title": "", "description": ""}
        options = {"vocabulary": {"@id": vocabulary_url(named)}} if named else {}
        return {
            "type": "array",
            "factory": "Tuple",
            "uniqueItems": True,
            "additionalItems": True,
            "items": item,
            **({"widgetOptions": options} if options else {}),
        }
    if isinstance(field, RichTextField | StreamField):
        return {"type": "string", "widget": "richtext", "factory": "Rich Text"}
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        if issubclass(related, AbstractImage):
            # As plone.restapi describes an image field: no widget (Volto's `image` widget
            # edits a URL, and fails on the image object; by the factory it uses its file one).
            return {"type": "object", "factory": "Image"}
        if related._meta.label == "wagtaildocs.Document":
            return {"type": "object", "factory": "File", "widget": "file"}
        data = {"type": "string", "factory": "Choice"}
        name = named or vocabularies.name_for_model(related)
        if name:
            data["vocabulary"] = {"@id": vocabulary_url(name)}
        return data
    if field.choices:
        data = {
            "type": "string",
            "factory": "Choice",
            "enum": [value for value, _label in field.flatchoices],
            "enumNames": [str(label) for _value, label in field.flatchoices],
        }
        if named:
            data["vocabulary"] = {"@id": vocabulary_url(named)}
        return data
    if isinstance(field, models.BooleanField):
        return {"type": "boolean", "factory": "Yes/No"}
    if isinstance(field, models.DateTimeField):
        return {
            "type": "string",
            "format": "date-time",
            "widget": "datetime",
            "factory": "Datetime",
        }
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date", "widget": "date", "factory": "Date"}
    if isinstance(field, models.IntegerField):
        return {"type": "integer", "factory": "Integer"}
    if isinstance(field, models.DecimalField | models.FloatField):
        return {"type": "number", "factory": "Floating-point number"}
    if isinstance(field, models.URLField):
        return {"type": "string", "format": "uri", "factory": "URL", "maxLength": field.max_length}
    if isinstance(field, models.EmailField):
        return {"type": "string", "format": "email", "factory": "Email"}
    if isinstance(field, models.TextField):
        return {"type": "string", "widget": "textarea", "factory": "Text"}
    if isinstance(field, models.CharField):
        return {"type": "string", "maxLength": field.max_length, "factory": "Text line (String)"}
    return {"type": "string"}
