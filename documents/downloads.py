"""Download counts: one per document served in full to a reader.

Counted in Wagtail's `before_serve_document` hook, registered after every other one
(`wagtail_hooks.py`): a hook that answers first (a withheld document shown to an editor, a
collection's password form) or refuses (404) stops the count. A reader whose copy is current
(`If-None-Match` with the file's hash: Wagtail answers 304), a HEAD request, a file missing from
storage and editors (people with access to the admin) are not counted.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.http import parse_http_date_safe

from .models import DocumentDownloads


def counts(document, request) -> bool:
    if request.method != "GET":
        return False
    if document.file_hash and document.file_hash in request.headers.get("If-None-Match", ""):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return False
    storage, name = document.file.storage, document.file.name
    try:
        if not storage.exists(name):
            return False
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        if since is not None and int(storage.get_modified_time(name).timestamp()) <= since:
            return False
    except (NotImplementedError, OSError):
        pass  # a storage that cannot tell: the serve view decides
    return True


def record(document_id: int) -> None:
    """One more download, added by the database: two readers at once make two."""
    now = timezone.now()
    rows = DocumentDownloads.objects.filter(document_id=document_id)
    if rows.update(count=F("count") + 1, last_at=now):
        return
    try:
        with transaction.atomic():
            DocumentDownloads.objects.create(document_id=document_id, count=1, last_at=now)
    except IntegrityError:  # another reader's first download made the row meanwhile
        rows.update(count=F("count") + 1, last_at=now)
