"""The text inside an attached file: PDF (pypdf) and DOCX (python-docx); other kinds hold none
that is read. A PDF whose pages carry (almost) no text is a scan: it is reported so that the
clerk can attach a PDF with a text layer (or the original DOCX), since nobody can find it by
its words.
"""

import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass

TEXT, SCANNED, NONE, FAILED = "text", "scanned", "none", "failed"
# A page with fewer letters than this has no text layer to speak of (a page number, a stamp).
PAGE_LETTERS = 10
MAX_PAGES = 2000
MAX_CHARS = 2_000_000
# What a DOCX's main part may unpack to before it is not read (the upload check refuses far
# less already; files that came another way are checked here too).
MAX_DOCX_XML = 100 * 1024 * 1024

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class Extracted:
    status: str
    text: str = ""
    pages: int | None = None
    blank_pages: int = 0


def extract(file, extension: str) -> Extracted:
    """Read `file` (an open binary file) by its extension. Never raises on a bad file."""
    extension = extension.lower().lstrip(".")
    try:
        if extension == "pdf":
            return _pdf(file)
        if extension == "docx":
            return _docx(file)
    except Exception:  # noqa: BLE001 - a damaged file is reported, not retried for ever
        logging.getLogger(__name__).info("cannot read a .%s file", extension, exc_info=True)
        return Extracted(FAILED)
    return Extracted(NONE)


def clean(text: str) -> str:
    """One line of NFC text: control characters out (PostgreSQL refuses NUL), spaces single."""
    text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())


def _pdf(file) -> Extracted:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken fonts are common and harmless
    reader = PdfReader(file, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        return Extracted(FAILED)
    pages = len(reader.pages)
    parts, blank, size = [], 0, 0
    for number in range(min(pages, MAX_PAGES)):
        try:
            text = clean(reader.pages[number].extract_text() or "")
        except Exception:  # noqa: BLE001 - one bad page does not lose the others
            text = ""
        if _letters(text) < PAGE_LETTERS:
            blank += 1
        if text and size < MAX_CHARS:
            parts.append(text)
            size += len(text) + 1
    text = " ".join(parts)[:MAX_CHARS]
    if pages and _letters(text) < PAGE_LETTERS * pages:
        return Extracted(SCANNED, text, pages, blank)
    return Extracted(TEXT, text, pages, blank)


def _docx(file) -> Extracted:
    import docx

    archive = zipfile.ZipFile(file)
    main = archive.getinfo("word/document.xml")
    if main.file_size > MAX_DOCX_XML:
        return Extracted(FAILED)
    file.seek(0)
    document = docx.Document(file)
    parts = [p.text for p in document.paragraphs]
    seen = set()
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell._tc not in seen:  # a merged cell comes once per column it spans
                    seen.add(cell._tc)
                    parts.append(cell.text)
    return Extracted(TEXT, clean(" ".join(parts))[:MAX_CHARS])
