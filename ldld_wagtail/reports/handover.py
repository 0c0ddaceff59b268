"""The web admin's monthly hand-over to the secretary (Quy chế 7.6: "Hàng tháng có trách nhiệm
chuyển tin, bài, ảnh (bản mềm) sau khi đã được đăng tải cho thư ký để thư ký tổng hợp tính chi
trả nhuận bút, thù lao và lưu giữ"): one ZIP archive of the month's published items, each as an
HTML file with its photos (the original files) beside it, an index page, and a CSV list."""

import csv
import io
import posixpath
import zipfile
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.text import slugify

from ..registry import earning_types, syndicated_type
from . import output
from .royalties import KIND_LABELS, Month


def filename(month: Month) -> str:
    return f"ban-mem-{month}.zip"


def _items(month: Month):
    """(page, spec) of every item published in the month, oldest first."""
    start, end = output.local_bounds(month.first_day, month.next().first_day)
    found = []
    for model, spec in earning_types():
        pages = output.published(model, start, end).select_related(
            *([spec.unit] if spec.unit else [])
        )
        if spec.photos:
            pages = pages.prefetch_related(f"{spec.photos}__image")
        found += [(page, spec) for page in pages]
    return sorted(found, key=lambda entry: (entry[0].first_published_at, entry[0].pk))


def _text(page, spec):
    """(lead, body HTML) of an item: the syndicated type's lead and rendered body; for other
    types, their search summary."""
    model, feed = syndicated_type()
    if model is not None and isinstance(page, model):
        body = getattr(page, feed.body, None)
        return getattr(page, feed.lead, ""), str(body) if body is not None else ""
    summary = page.get_search_summary() if hasattr(page, "get_search_summary") else ""
    return "", format_html("<p>{}</p>", summary) if summary else ""


def build(month: Month, progress=None) -> bytes:
    """The archive; `progress(done, total)` is called after each item."""
    tz = ZoneInfo(output.zone())
    out = io.BytesIO()
    listing = io.StringIO()
    writer = csv.writer(listing, lineterminator="\r\n")
    writer.writerow(["TT", "Ngày đăng", "Tên", "Thể loại", "Đơn vị", "Tác giả", "Địa chỉ", "Tệp"])
    entries = []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        items = _items(month)
        for number, (page, spec) in enumerate(items, 1):
            folder = f"{number:03d}-{slugify(page.title)[:60] or page.pk}"
            kind = spec.kind or (getattr(page, spec.kind_field) if spec.kind_field else "")
            kind_label = KIND_LABELS.get(kind or spec.photo_kind, "")
            unit = getattr(page, spec.unit) if spec.unit else None
            authors = getattr(page, spec.authors, "") if spec.authors else ""
            photos = []
            for n, photo in enumerate(getattr(page, spec.photos).all() if spec.photos else [], 1):
                name = posixpath.basename(photo.image.file.name)
                stored = f"{folder}/anh-{n:02d}-{name}"
                with photo.image.file.open("rb") as handle:
                    archive.writestr(stored, handle.read())
                photos.append(
                    {"file": posixpath.basename(stored), "caption": photo.caption,
                     "credit": photo.credit}
                )  # fmt: skip
            lead, body = _text(page, spec)
            published = page.first_published_at.astimezone(tz)
            url = page.full_url or page.url_path
            archive.writestr(
                f"{folder}/index.html",
                render_to_string(
                    "ldld_wagtail/reports/handover_item.html",
                    {
                        "page": page,
                        "kind": kind_label,
                        "unit": unit,
                        "authors": authors,
                        "published": published,
                        "lead": lead,
                        "body": body,
                        "photos": photos,
                        "url": url,
                    },
                ),
            )
            if progress is not None:
                progress(number, len(items))
            entries.append({"folder": folder, "page": page, "kind": kind_label,
                            "published": published, "unit": unit})  # fmt: skip
            writer.writerow(
                [number, f"{published:%d/%m/%Y %H:%M}", page.title, kind_label,
                 unit.name if unit else "", authors, url,
                 " ".join(p["file"] for p in photos)]
            )  # fmt: skip
        archive.writestr(
            "index.html",
            render_to_string(
                "ldld_wagtail/reports/handover_index.html", {"month": month, "entries": entries}
            ),
        )
        archive.writestr("danh-sach.csv", ("\ufeff" + listing.getvalue()).encode("utf-8"))
    return out.getvalue()
