"""Uploaded documents checked by what they contain, not by what they are called.

A file named `.pdf` must start as a PDF does; a `.docx` must be a ZIP holding a Word document's
`[Content_Types].xml`; a `.doc` an OLE2 compound file holding a `WordDocument` stream; and so
on for the accepted kinds (`KINDS`, narrowed by `WAGTAILDOCS_EXTENSIONS`). Refused whatever
their name: programs and scripts (MZ, ELF, Mach-O, `#!`, HTML/PHP), Office files with macros
(`vbaProject.bin`, a `.docm`/`.xlsm` content type, an OLE `Macros`/`_VBA_PROJECT_CUR`
storage, OpenDocument `Basic/` or `Scripts/`), ZIP files that unpack to an unusual size, and
anything else. The size limit is Wagtail's `WAGTAILDOCS_MAX_UPLOAD_SIZE`, which the admin's
form and the API already apply.

`DocumentForm` (settings: `WAGTAILDOCS_DOCUMENT_FORM_BASE`) applies the check to every form
Wagtail builds for documents: the admin's upload views, the chooser's upload tab and the
API's uploads (`api.serializers.deserialize`), which go through Wagtail's own form.
"""

import os
import struct
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


@dataclass(frozen=True)
class Kind:
    label: str  # what the reader is told the file should be
    family: str  # pdf, ole, ooxml, odf, jpeg, png
    marker: str = ""  # OLE stream, OOXML content type or ODF mimetype that names the kind


KINDS = {
    "pdf": Kind(_("a PDF document"), "pdf"),
    "doc": Kind(_("a Word document"), "ole", "WordDocument"),
    "xls": Kind(_("an Excel workbook"), "ole", "Workbook"),
    "docx": Kind(
        _("a Word document"),
        "ooxml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    "xlsx": Kind(
        _("an Excel workbook"),
        "ooxml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
    "odt": Kind(_("an OpenDocument text"), "odf", "application/vnd.oasis.opendocument.text"),
    "ods": Kind(
        _("an OpenDocument spreadsheet"), "odf", "application/vnd.oasis.opendocument.spreadsheet"
    ),
    "jpg": Kind(_("a JPEG image"), "jpeg"),
    "jpeg": Kind(_("a JPEG image"), "jpeg"),
    "png": Kind(_("a PNG image"), "png"),
}
# Names that say "macros" or "program" whatever the content: told so at once.
MACRO_EXTENSIONS = {"docm", "dotm", "xlsm", "xltm", "xlsb", "xlam", "pptm", "potm", "ppsm"}
PROGRAM_EXTENSIONS = {
    "exe", "dll", "com", "scr", "msi", "bat", "cmd", "ps1", "vbs", "vbe", "js", "jse", "wsf",
    "hta", "jar", "sh", "apk", "lnk", "cpl", "pif", "elf", "bin", "php", "py", "pl",
}  # fmt: skip

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
PROGRAM_MAGICS = (
    b"MZ",  # Windows programs and libraries (PE)
    b"\x7fELF",  # Linux programs
    b"\xfe\xed\xfa\xce",  # Mach-O (macOS), both byte orders, 32 and 64 bits, universal
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",  # scripts
)
SCRIPT_STARTS = (b"<script", b"<?php", b"<html", b"<!doctype html", b"<svg", b"@echo", b"<hta:")
OLE_MACRO_STORAGES = {"macros", "_vba_project_cur", "_vba_project", "vba"}
# What the OOXML and ODF files of the accepted kinds may unpack to (their XML, embedded
# pictures): far above any real document, far below a ZIP bomb.
MAX_UNPACKED = 400 * 1024 * 1024
MAX_RATIO, BOMB_MIN = 200, 1024 * 1024  # a part over 1 MB packed 200 times over: a ZIP bomb
HEAD = 2048


def accepted_extensions() -> list[str]:
    """The extensions accepted: those of `KINDS` that `WAGTAILDOCS_EXTENSIONS` allows (all of
    them when it is unset)."""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if not allowed:
        return list(KINDS)
    return [e for e in (x.lower() for x in allowed) if e in KINDS]


def accepted_labels() -> str:
    names = {"jpeg": "jpg"}
    shown = []
    for extension in accepted_extensions():
        label = names.get(extension, extension).upper()
        if label not in shown:
            shown.append(label)
    return ", ".join(shown)


def check_document(file, name: str = "") -> None:
    """Raise a ValidationError (in the reader's language) unless `file` (an open file object)
    is one of the accepted kinds, by its content, within the size limit."""
    name = name or getattr(file, "name", "") or ""
    extension = os.path.splitext(name)[1].lstrip(".").lower()
    if extension in MACRO_EXTENSIONS:
        raise _macros()
    if extension in PROGRAM_EXTENSIONS:
        raise _program()
    if extension not in accepted_extensions():
        raise ValidationError(
            _("Files of type .%(extension)s are not accepted. Accepted: %(kinds)s."),
            code="file_type",
            params={"extension": extension or "?", "kinds": accepted_labels()},
        )
    size = _size(file)
    limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
    if limit is not None and size > limit:
        raise ValidationError(
            _("This file is too big (%(size)s). The limit is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    if size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    head = _read_at(file, 0, HEAD)
    if head.startswith(PROGRAM_MAGICS) or _looks_like_script(head):
        raise _program()
    kind = KINDS[extension]
    try:
        CHECKS[kind.family](file, head, kind)
    finally:
        file.seek(0)


def _check_pdf(file, head, kind):
    # The header may follow a few bytes of junk (readers accept it within the first 1024).
    if b"%PDF-" not in head[:1024]:
        raise _mismatch(kind)


def _check_jpeg(file, head, kind):
    if not head.startswith(b"\xff\xd8\xff"):
        raise _mismatch(kind)


def _check_png(file, head, kind):
    if not head.startswith(b"\x89PNG\r\n\x1a\n"):
        raise _mismatch(kind)


def _check_ole(file, head, kind):
    if not head.startswith(OLE_MAGIC):
        raise _mismatch(kind)
    names = ole_names(file)
    if names is None:
        raise _damaged(kind)
    lowered = {n.lower() for n in names}
    if lowered & OLE_MACRO_STORAGES:
        raise _macros()
    expected = {"workbook", "book"} if kind.marker == "Workbook" else {kind.marker.lower()}
    if not lowered & expected:
        raise _mismatch(kind)


def _check_zip(file, head, kind):
    if not head.startswith(ZIP_MAGIC):
        raise _mismatch(kind)
    file.seek(0)
    try:
        archive = zipfile.ZipFile(file)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise _damaged(kind) from None
    unpacked = sum(i.file_size for i in infos)
    bomb = any(
        i.file_size > BOMB_MIN and i.file_size / max(1, i.compress_size) > MAX_RATIO for i in infos
    )
    if unpacked > MAX_UNPACKED or bomb:
        raise ValidationError(
            _("This compressed file unpacks to an unusual size and was refused."),
            code="file_unpacked_size",
        )
    names = [i.filename for i in infos]
    lowered = [n.lower() for n in names]
    if any(n.endswith("vbaproject.bin") or n.endswith("vbadata.xml") for n in lowered):
        raise _macros()
    try:
        if kind.family == "ooxml":
            if "[Content_Types].xml" not in names:
                raise _mismatch(kind)
            types = archive.read("[Content_Types].xml")[:1_000_000].decode("utf-8", "replace")
            if "macroenabled" in types.lower() or "vbaproject" in types.lower():
                raise _macros()
            if kind.marker not in types:
                raise _mismatch(kind)
        else:
            if any(n.startswith(("basic/", "scripts/")) for n in lowered):
                raise _macros()
            if "mimetype" not in names:
                raise _mismatch(kind)
            mimetype = archive.read("mimetype")[:200].decode("ascii", "replace").strip()
            if mimetype != kind.marker:
                raise _mismatch(kind)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise _damaged(kind) from None


CHECKS = {
    "pdf": _check_pdf,
    "jpeg": _check_jpeg,
    "png": _check_png,
    "ole": _check_ole,
    "ooxml": _check_zip,
    "odf": _check_zip,
}


# --- OLE2 (compound file) directory: the names of its streams and storages ----------------------

FREE, END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
MAX_SECTORS = 1 << 20


def ole_names(file) -> set[str] | None:
    """The names in an OLE2 compound file's directory (None when it cannot be read): enough of
    the format ([MS-CFB]) to find them, following the FAT chain of the directory sectors."""
    try:
        header = _read_at(file, 0, 512)
        if len(header) < 512 or not header.startswith(OLE_MAGIC):
            return None
        shift = struct.unpack_from("<H", header, 0x1E)[0]
        if shift not in (9, 12):
            return None
        sector_size = 1 << shift
        fat_count, first_dir = struct.unpack_from("<II", header, 0x2C)
        first_difat, difat_count = struct.unpack_from("<II", header, 0x44)
        fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < END_OF_CHAIN]
        per_sector = sector_size // 4
        sector, seen = first_difat, 0
        while sector < END_OF_CHAIN and seen < difat_count and seen < MAX_SECTORS:
            entries = struct.unpack(f"<{per_sector}I", _sector(file, sector, shift))
            fat_sectors += [s for s in entries[:-1] if s < END_OF_CHAIN]
            sector, seen = entries[-1], seen + 1
        fat_sectors = fat_sectors[:fat_count]
        fat = []
        for s in fat_sectors:
            fat.extend(struct.unpack(f"<{per_sector}I", _sector(file, s, shift)))
        names, sector, visited = set(), first_dir, set()
        while sector < END_OF_CHAIN and sector not in visited and len(visited) < MAX_SECTORS:
            visited.add(sector)
            data = _sector(file, sector, shift)
            for offset in range(0, sector_size, 128):
                length, kind = struct.unpack_from("<HB", data, offset + 64)
                if kind in (1, 2, 5) and 2 <= length <= 64:
                    names.add(data[offset : offset + length - 2].decode("utf-16-le", "replace"))
            sector = fat[sector] if sector < len(fat) else END_OF_CHAIN
        return names
    except (struct.error, ValueError, OSError):
        return None


def _sector(file, number, shift) -> bytes:
    size = 1 << shift
    data = _read_at(file, (number + 1) << shift, size)
    if len(data) != size:
        raise ValueError("truncated compound file")
    return data


# --- helpers ------------------------------------------------------------------------------------


def _read_at(file, offset, size) -> bytes:
    file.seek(offset)
    return file.read(size)


def _size(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(0)
    return size


def _looks_like_script(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(SCRIPT_STARTS)


def _program():
    return ValidationError(
        _("This file is a program or a script, not a document: it cannot be uploaded."),
        code="file_program",
    )


def _macros():
    return ValidationError(
        _(
            "This file contains macros (VBA code), which can carry malware. Save it without "
            "macros (as .docx or .xlsx) and upload it again."
        ),
        code="file_macros",
    )


def _mismatch(kind):
    return ValidationError(
        _("The content of this file is not %(kind)s, although its name says so."),
        code="file_content",
        params={"kind": kind.label},
    )


def _damaged(kind):
    return ValidationError(
        _("This file is damaged or is not %(kind)s that can be read."),
        code="file_damaged",
        params={"kind": kind.label},
    )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the content check on a newly uploaded file."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            check_document(uploaded, uploaded.name)
        return uploaded

    def _update_errors(self, errors):
        # A refused file never reaches the document, so Wagtail's own extension check then
        # looks at the document's old (for a new one: no) file and adds "File extension “” is
        # not allowed" under the reason the reader needs: only that reason is shown.
        if "file" in self.errors and hasattr(errors, "error_dict"):
            errors.error_dict.pop("file", None)
            if not errors.error_dict:
                return
        super()._update_errors(errors)
