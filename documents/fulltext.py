"""The words inside attached files, findable like the rest of a document.

After a document (Wagtail's) is saved, and when a directive document is published, the
background worker (`extract_document_text`, a django-tasks task on the django-q2 backend)
reads the text of its PDF or DOCX file once per content: the file's SHA-1 (Wagtail's
`file_hash`) keys what was read, so saving a document again, or the same file uploaded
twice, reads nothing. The live pages using the file are then indexed again: the site's search,
the API's `@search?SearchableText=` and the document look-up find them by a phrase that is
only in the file, and the site's search shows the passage that holds it.
"""

import time

from django.db import transaction
from django.db.models import Case, F, Value, When
from django.db.models.functions import Greatest, Length, StrIndex, Substr
from django.db.models.lookups import GreaterThan
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.signals import page_published
from wagtail.utils.file import hash_filelike

from ldld_wagtail import search, withhold
from ldld_wagtail.cache import renew_generation

from . import extract
from .models import DirectiveDocumentPage, DocumentAttachment, DocumentText

NEEDLES = 8  # what a passage is looked for as, at most (`search.passage_needles`)


@task()
def extract_document_text(document_id: int) -> str:
    """Read the text of a document's file, unless it was read already; index again the live
    pages that use it. Returns what was done (for the worker's log)."""
    return read_document(document_id)


def read_document(document_id: int, again: bool = False) -> str:
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None or not document.file:
        return "gone"
    storage = withhold.withheld_storage if withhold.is_withheld(document) else None
    checksum = document.file_hash
    if not checksum:
        with _open(document, storage) as handle:
            checksum = hash_filelike(handle)
        # A document made without Wagtail's forms (a loader, a test): its hash, as Wagtail
        # would have set it, without a save (no signal, no new generation).
        type(document).objects.filter(pk=document.pk).update(file_hash=checksum)
        document.file_hash = checksum
    current = DocumentText.objects.filter(document=document).first()
    if current is not None and current.checksum == checksum and not again:
        return "unchanged"
    twin = (
        DocumentText.objects.filter(checksum=checksum).exclude(document=document).first()
        if not again
        else None
    )
    if twin is not None:
        values = {
            f: getattr(twin, f)
            for f in ("status", "text", "text_folded", "pages", "blank_pages", "seconds")
        }
        done = "copied"
    else:
        started = time.perf_counter()
        with _open(document, storage) as handle:
            found = extract.extract(handle, document.file_extension)
        values = {
            "status": found.status,
            "text": found.text,
            "text_folded": search.aligned_fold(found.text),
            "pages": found.pages,
            "blank_pages": found.blank_pages,
            "seconds": time.perf_counter() - started,
        }
        done = found.status
    DocumentText.objects.update_or_create(
        document=document, defaults={"checksum": checksum, **values}
    )
    if reindex_pages_using(document.pk):
        renew_generation()  # counts kept for the old entries are dropped
    return done


def _open(document, storage):
    if storage is not None:
        return storage.open(document.file.name, "rb")
    return document.file.storage.open(document.file.name, "rb")


def reindex_pages_using(document_id: int) -> int:
    pages = DirectiveDocumentPage.objects.live().filter(attachments__document_id=document_id)
    count = 0
    for page in pages.distinct():
        search.index_page(page)
        count += 1
    return count


def queue(document_id: int) -> None:
    """Read the document's text in the worker once this transaction is committed."""
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))


@receiver(post_save, sender=get_document_model(), dispatch_uid="documents_read_text")
def _on_document_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    fresh = (
        instance.file_hash
        and DocumentText.objects.filter(document=instance, checksum=instance.file_hash).exists()
    )
    if not fresh:
        queue(instance.pk)


@receiver(page_published, sender=DirectiveDocumentPage, dispatch_uid="documents_read_files")
def _on_published(sender, instance, **kwargs):
    ids = {a.document_id for a in instance.attachments.all() if a.document_id}
    fresh = set(
        DocumentText.objects.filter(
            document_id__in=ids, checksum=F("document__file_hash")
        ).values_list("document_id", flat=True)
    )
    for document_id in sorted(ids - fresh):
        queue(document_id)


@search.passage_finder(DirectiveDocumentPage.search_section)
def passages(page_ids: list[int], folded: list[str]) -> dict[int, str]:
    """The passage of each page's files that holds the reader's words (the first file that
    does), in one query: the position is found in the folded text, the passage cut from the
    text, both in the database, so a long file never travels whole."""
    folded_text = "document__extracted_text__text_folded"
    text = "document__extracted_text__text"
    needles = search.passage_needles(folded)[:NEEDLES]
    position = Case(
        *[
            When(
                GreaterThan(StrIndex(folded_text, Value(n)), 0),
                then=StrIndex(folded_text, Value(n)),
            )
            for n in needles
        ],
        default=Value(0),
    )
    before, after = search.PASSAGE_BEFORE, search.PASSAGE_AFTER
    rows = (
        DocumentAttachment.objects.filter(
            page_id__in=page_ids,
            document__extracted_text__checksum=F("document__file_hash"),
            document__extracted_text__status__in=[extract.TEXT, extract.SCANNED],
        )
        .annotate(at=position)
        .filter(at__gt=0)
        .annotate(start=Greatest(F("at") - before, Value(1)), length=Length(text))
        .annotate(window=Substr(text, F("start"), before + after))
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "start", "length", "window")
    )
    found = {}
    for page_id, start, length, window in rows:
        if page_id not in found:
            ends = start + len(window) - 1 >= length
            found[page_id] = search.trim_passage(window, start == 1, ends)
    return found
