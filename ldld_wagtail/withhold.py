"""A withdrawn item's own photos and files stop being public with it.

When a page stops being public (unpublished, taken down, or put under a view restriction),
the images and documents it uses (what Wagtail's reference index finds in it: photos, body
blocks, rich text links, attachments) are moved out of the public media storage into the
withheld storage, renditions included, unless another public page (or any other object, such
as a banner) still uses them. The URLs a reader saw then answer 404, whether the files are
served by the web server, object storage or Django. When a page using them is public again
they move back under the same names, so the same URLs answer again.

Documents stay readable by editors through Wagtail's document view (`before_serve_document`
in `wagtail_hooks.py`); images under a withdrawn item are not shown in the admin meanwhile.

File moves happen after the transaction commits, so a rolled-back take-down moves nothing.
"""

import os

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage, storages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.utils.functional import SimpleLazyObject
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.views.serve import ServeView as WagtailServeView
from wagtail.models import Page, ReferenceIndex

from .backends.storage import FileSystemStorage
from .models import WithheldMedia

STORAGE_ALIAS = "ldld_withheld"


def _withheld_storage():
    if STORAGE_ALIAS in settings.STORAGES:
        return storages[STORAGE_ALIAS]
    return FileSystemStorage(
        location=os.path.join(os.path.dirname(str(settings.MEDIA_ROOT)), "withheld-media")
    )


withheld_storage = SimpleLazyObject(_withheld_storage)


def _media_models():
    return [get_image_model(), get_document_model()]


def media_of(page) -> list:
    """The images and documents a page uses, as Wagtail's reference index finds them."""
    ReferenceIndex.create_or_update_for_object(page)  # the index may lag behind (a task)
    refs = ReferenceIndex.get_references_for_object(page)
    found = []
    for model in _media_models():
        ct = ContentType.objects.get_for_model(model)
        ids = {
            int(pk)
            for pk in refs.filter(to_content_type=ct).values_list("to_object_id", flat=True)
            if str(pk).isdigit()
        }
        found.extend(model.objects.filter(pk__in=ids))
    return found


def is_public(page) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def _is_public_page(page_ids) -> bool:
    return any(is_public(page) for page in Page.objects.filter(pk__in=page_ids, live=True))


def used_publicly_elsewhere(obj, page) -> bool:
    """Whether anything but `page` that readers can see uses `obj`."""
    page_ct = ContentType.objects.get_for_model(Page)
    other_pages = set()
    for base_ct, object_id in ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type_id", "object_id"
    ):
        if base_ct != page_ct.pk:
            return True  # a banner, a setting, a snippet: shown wherever it is shown
        if str(object_id) != str(page.pk):
            other_pages.add(int(object_id))
    return bool(other_pages) and _is_public_page(other_pages)


def is_withheld(obj) -> bool:
    return WithheldMedia.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
    ).exists()


def _file_names(obj) -> list[str]:
    names = [obj.file.name] if obj.file else []
    renditions = getattr(obj, "renditions", None)
    if renditions is not None:
        names += [r.file.name for r in renditions.all() if r.file]
    return names


def _local_path(storage, name):
    try:
        return storage.path(name)
    except NotImplementedError:
        return None


def _move(name: str, source, target) -> bool:
    if not source.exists(name):
        return False
    src, dst = _local_path(source, name), _local_path(target, name)
    if src and dst:
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        os.replace(src, dst)
        return True
    if target.exists(name):
        target.delete(name)
    with source.open(name, "rb") as handle:
        target.save(name, handle)
    source.delete(name)
    return True


def withhold(obj) -> None:
    ct = ContentType.objects.get_for_model(type(obj))
    if WithheldMedia.objects.filter(content_type=ct, object_id=obj.pk).exists():
        return
    names = [n for n in _file_names(obj) if _move(n, default_storage, withheld_storage)]
    WithheldMedia.objects.create(content_type=ct, object_id=obj.pk, files=names)


def release(record: WithheldMedia) -> None:
    for name in record.files:
        _move(name, withheld_storage, default_storage)
    record.delete()


def page_withdrawn(page) -> None:
    """After `page` stopped being public: withhold what only it used."""
    for obj in media_of(page):
        if not used_publicly_elsewhere(obj, page):
            withhold(obj)


def page_public(page) -> None:
    """After `page` became public: everything it uses is public again. Nothing is withheld
    most of the time: then a publish costs one query here."""
    if not WithheldMedia.objects.exists() or not is_public(page):
        return
    media = {(ContentType.objects.get_for_model(type(o)).pk, o.pk) for o in media_of(page)}
    for record in WithheldMedia.objects.filter(object_id__in={pk for _, pk in media}):
        if (record.content_type_id, record.object_id) in media:
            release(record)


def after_commit(function, page, descendants=False) -> None:
    """Run `function` on the page (and its live descendants) once the change is committed."""
    page_id = page.pk

    def run():
        target = Page.objects.filter(pk=page_id).first()
        if target is None:
            return
        pages = [target]
        if descendants:
            pages = Page.objects.descendant_of(target, inclusive=True).live()
        for each in pages:
            function(each.specific)

    transaction.on_commit(run)


class ServeView(WagtailServeView):
    """Wagtail's signed image URLs (the API's scales), refused for a withheld image."""

    def get(self, request, signature, image_id, filter_spec, filename=None):
        ct = ContentType.objects.get_for_model(get_image_model())
        if WithheldMedia.objects.filter(content_type=ct, object_id=image_id).exists():
            raise Http404
        return super().get(request, signature, image_id, filter_spec, filename)


def serve_withheld_document(document, request):
    """Wagtail's document view for a withheld document: editors read it from the withheld
    storage; anyone else gets 404."""
    if not is_withheld(document):
        return None
    user = request.user
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        # Wagtail takes only an HttpResponse from this hook, not a streaming one; documents
        # are capped by WAGTAILDOCS_MAX_UPLOAD_SIZE.
        with withheld_storage.open(document.file.name, "rb") as handle:
            response = HttpResponse(handle.read(), content_type=document.content_type)
        response["Content-Disposition"] = document.content_disposition
        return response
    raise Http404
