"""Local file storage that leaves nothing half-written when the disk fills.

Django's `FileSystemStorage` writes an upload in chunks straight into its final name; when the
disk (or the account's quota) fills half-way, the exception goes up and the partial file stays,
under a name the row that never got saved would have pointed to. `FileSystemStorage` here
removes that file before letting the error go on, as `StorageFull` (an `OSError` with the same
errno) when the cause is a full disk, so that the site can tell the editor in Vietnamese
(`ldld_wagtail.outage.server_error`, `api.errors.handle`). The row is never written: a file
field saves its file before the row is inserted, and the API writes in one transaction.
"""

import errno
import os

from django.core.files.storage import FileSystemStorage as DjangoFileSystemStorage

# No space left, quota exceeded, file too large for the account's limit.
FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


class StorageFull(OSError):
    """The disk filled while a file was written; nothing of it was kept."""


def is_storage_full(exc) -> bool:
    return isinstance(exc, OSError) and exc.errno in FULL_ERRNOS


class FileSystemStorage(DjangoFileSystemStorage):
    def _save(self, name, content):
        # `Storage.save` has already picked a free name, so a file there afterwards is ours.
        path = self.path(name)
        existed = os.path.lexists(path)
        try:
            return super()._save(name, content)
        except OSError as error:
            if not existed:
                try:
                    os.remove(path)
                except FileNotFoundError:
                    pass
            if is_storage_full(error) and not isinstance(error, StorageFull):
                raise StorageFull(error.errno, error.strerror, path) from error
            raise
