"""Uploaded documents checked by what they contain, not by what they are called.

A file named `.pdf` must start as a PDF does; a `.docx` must be a ZIP holding a Word document's
`[Content_Types].xml`; a `.doc` an OLE2 compound file holding a `WordDocument` stream; and so
on for the accepted kinds (`KINDS`, narrowed by `WAGTAILDOCS_EXTENSIONS`). Refused whatever
their name: programs and scripts (MZ, ELF, Mach-O, `#!`, HTML/PHP), Office files with macros
(`vbaProject.bin`, a `.docm`/`.xlsm` content type, an OLE `Macros`/`_VBA_PROJECT_CUR`
storage, OpenDocument `Basic/` or `Scripts/`), ZIP files that unpack to an unusual size, and
anything else. The size limit is Wagtail's `WAGTAILDOCS_MAX_UPLOAD_SIZE`, which the admin's
form and the API already apply.

Polyglots are refused too: a file that a browser would also read as a web page (markup
before a PDF's header), a picture or PDF with an archive (a JAR, a ZIP) appended, an Office or
OpenDocument archive carrying programs. So are pictures that would unpack to more pixels than
Wagtail's `WAGTAILIMAGES_MAX_IMAGE_PIXELS` (a "decompression bomb": a PNG of a few kilobytes
declaring 50000 × 50000 pixels), and file names that are not plain names (`check_name`: a
folder, a leading dot, control or invisible characters, more than `MAX_NAME` characters).

`DocumentForm` (settings: `WAGTAILDOCS_DOCUMENT_FORM_BASE`) applies the check to every form
Wagtail builds for documents: the admin's upload views, the chooser's upload tab and the
API's uploads (`api.serializers.deserialize`), which go through Wagtail's own form.
`ImageForm` (settings: `WAGTAILIMAGES_IMAGE_FORM_BASE`) does the same for Wagtail's image form:
the name check, no SVG (which can carry scripts) whatever the extensions allowed, and a file
that the image library cannot read refused with a message rather than an error page.
"""

import os
import re
import struct
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


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
# What makes a browser read a file as a web page when it sniffs it (the WHATWG MIME Sniffing
# standard's HTML patterns), and other markup that can carry a script: refused at the start of
# a file, or anywhere before a PDF's header.
MARKUP = re.compile(
    rb"<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p"
    rb"|svg|img|object|embed|form|meta|link|\?php|\?xml|!--)(?=[\s>/]|$)",
    re.IGNORECASE,
)
ZIP_END = b"PK\x05\x06"  # the end of a ZIP's central directory: an archive ends here
TAIL = 64 * 1024 + 22  # a ZIP's end record with the longest comment it can have
HIDES_NO_ARCHIVE = {"pdf", "jpeg", "png"}
# Inside an Office or OpenDocument archive: a program, or what makes it a Java archive too.
PROGRAM_ENTRY = re.compile(
    r"(?:\.(?:class|jar|exe|dll|scr|msi|com|pif|cpl|bat|cmd|ps1|vbs|vbe|js|jse|wsf|hta|lnk|sh)"
    r"|^meta-inf/manifest\.mf)$"
)
MAX_NAME = 200  # characters of a file name; longer ones are refused, not cut
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
    check_name(name)
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
        # (Old Office files may hold an embedded .docx or .xlsx as it is: not checked.)
        if kind.family in HIDES_NO_ARCHIVE and ZIP_END in _read_at(file, size - TAIL, TAIL):
            raise _hidden_archive()
    finally:
        file.seek(0)


def check_name(name: str) -> None:
    """Raise a ValidationError unless `name` is a plain file name: no folder ("/", "\\", a
    drive's ":"), no leading dot (".htaccess", ".."), no control or invisible characters (NUL,
    a right-to-left override that shows "exe.pdf" for "fdp.exe"), at most `MAX_NAME`
    characters."""
    name = str(name or "")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") for c in name):
        raise ValidationError(
            _(
                "The file name contains control or invisible characters. Rename the file and "
                "upload it again."
            ),
            code="file_name_characters",
        )
    if any(c in name for c in "/\\:") or name.strip().startswith("."):
        raise ValidationError(
            _(
                "The file name must be a plain name, without folders (“/”, “\\”, “:”) and not "
                "starting with a dot. Rename the file and upload it again."
            ),
            code="file_name_path",
        )
    if len(name) > MAX_NAME:
        raise ValidationError(
            _(
                "The file name is too long (%(length)d characters, at most %(limit)d). Rename "
                "the file and upload it again."
            ),
            code="file_name_length",
            params={"length": len(name), "limit": MAX_NAME},
        )


def _check_pdf(file, head, kind):
    # The header may follow a few bytes of junk (readers accept it within the first 1024), but
    # not markup: a file that is a web page as well as a PDF.
    start = head[:1024].find(b"%PDF-")
    if start < 0:
        raise _mismatch(kind)
    if MARKUP.search(head[:start]):
        raise _program()


def _check_jpeg(file, head, kind):
    if not head.startswith(b"\xff\xd8\xff"):
        raise _mismatch(kind)
    _check_pixels(file, kind)


def _check_png(file, head, kind):
    if not head.startswith(b"\x89PNG\r\n\x1a\n"):
        raise _mismatch(kind)
    _check_pixels(file, kind)


def _check_pixels(file, kind):
    """A picture whose size, read from its header, is within Wagtail's pixel limit: a few
    kilobytes can declare billions of pixels, which unpack to gigabytes when the picture is
    opened (a thumbnail, a text extraction)."""
    from PIL import Image

    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(file) as picture:
                width, height = picture.size
    except Image.DecompressionBombError:
        raise _too_many_pixels(_("unknown number"), limit) from None
    except Exception:  # Pillow raises many kinds for a damaged picture
        raise _damaged(kind) from None
    if limit is not None and width * height > limit:
        raise _too_many_pixels(width * height, limit)


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
    if any(PROGRAM_ENTRY.search(n) for n in lowered):
        raise _program()
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
    file.seek(max(0, offset))
    return file.read(size)


def _size(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
        file.seek(0)
    return size


def _looks_like_script(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n\x0c").lower()
    return text.startswith(SCRIPT_STARTS) or MARKUP.match(text) is not None


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


def _hidden_archive():
    return ValidationError(
        _(
            "This file has another file (an archive) hidden after its content, as malware "
            "does: it cannot be uploaded."
        ),
        code="file_hidden_archive",
    )


def _too_many_pixels(pixels, limit):
    # Wagtail's own message for the same limit (translated in its catalogue).
    return ValidationError(
        _("This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."),
        code="file_too_many_pixels",
        params={"num_pixels": pixels, "max_pixels_count": limit},
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


class _CheckedImageField(WagtailImageField):
    """Wagtail's image field, but a file the image library cannot read (a GIF header on a
    script, a truncated picture) is refused as not an image: Wagtail's own check lets the
    library's error through as a server error."""

    def to_python(self, data):
        try:
            return super().to_python(data)
        except ValidationError:
            raise
        except Exception:  # Pillow and Willow raise many kinds for what is not a picture
            message = self.error_messages["invalid_image"]
            raise ValidationError(message, code="invalid_image") from None


def check_image(content: bytes, name: str) -> None:
    """Raise a ValidationError unless `content` passes what the admin's image form checks
    (`ImageForm`): for pictures that arrive another way, such as the importer's."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    check_name(name)
    checked = _CheckedImageField().clean(SimpleUploadedFile(name, content))
    _refuse_svg(checked)


def _refuse_svg(uploaded):
    image = getattr(uploaded, "image", None)
    if image is not None and getattr(image, "format_name", "") == "svg":
        raise ValidationError(
            _(
                "SVG pictures can carry scripts and are not accepted. Upload the picture as "
                "PNG or JPEG."
            ),
            code="file_svg",
        )


class ImageForm(BaseImageForm):
    """Wagtail's image form, with the name check, no SVG and unreadable files refused."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            field.__class__ = _CheckedImageField

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            check_name(uploaded.name)
            _refuse_svg(uploaded)
        return uploaded
