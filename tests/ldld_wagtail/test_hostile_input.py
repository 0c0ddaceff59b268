"""Hostile input, swept: what a reader or an editor types never runs as script, and what they
upload is refused when it is not the document or picture it claims to be.

Payloads go in through the doors people use (the API, the importer, the public question form,
the admin's upload views) or, for fields those doors fill the same way, straight into the
database; then the public pages, the feeds, the admin's screens and the generated hand-over
files are parsed and searched for anything a browser would run: an `on…` attribute, a script,
a `javascript:` link. Uploads are refused with their reason in Vietnamese, and leave no row and
no file behind.
"""

import base64
import datetime
import html as html_lib
import io
import json
import re
import struct
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from ldld_wagtail.models import Unit
from news.models import NewsPage

from ..utils import (
    add,
    call,
    column_url,
    form_token,
    legacy_item,
    login,
    make_docx,
    make_image,
    make_pdf,
    news_body,
    person,
    question_data,
    section,
    write_jsonl,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

# What an attacker types: leaving an attribute, then an element with a handler, then a script
# closing the one it might land in. Under 120 characters, the shortest of the fields it goes in.
PAYLOAD = "\"'><img src=x onerror=window.__xss=1><svg onload=window.__xss=1></script><script>window.__xss=1</script>"  # noqa: E501
SHORT = "\"'><svg onload=window.__xss=1>"  # for fields of 60 characters or fewer
LINKS = (
    '<p>Xem <a href="javascript:window.__xss=1">đây</a>, <a href=" JaVaScRiPt:window.__xss=1">'
    'đó</a>, <a href="data:text/html,<script>window.__xss=1</script>">kia</a>.</p>'
)
BODY_HTML = f"<p>Nội dung</p>{PAYLOAD}{LINKS}<iframe srcdoc='<script>window.__xss=1</script>'>"
MARK = "__xss"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc"}
SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.script = [], None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            squeezed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
            if name.startswith("on") and MARK in value:
                self.found.append(f"<{tag} {name}={value!r}>")
            elif name in URL_ATTRIBUTES and (
                squeezed.startswith(("javascript:", "vbscript:", "data:text/html"))
                or (name == "srcdoc" and MARK in value)
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            kind = dict(attrs).get("type", "") or ""
            self.script = kind.lower() in SCRIPT_TYPES

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.script = None

    def handle_endtag(self, tag):
        if tag == "script":
            self.script = None

    def handle_data(self, data):
        if self.script and MARK in data:
            self.found.append(f"<script>{data[:120]!r}")


def runnable(markup: str) -> list[str]:
    """What a browser would run from the payloads in this HTML: handlers, scripts, links."""
    finder = _Finder()
    finder.feed(markup)
    finder.close()
    return finder.found


def test_the_finder_finds_what_would_run():
    """The check itself: it sees each way the payloads could run, and passes them escaped."""
    assert runnable(f"<p>{PAYLOAD}</p>")
    assert runnable(f"<p>{SHORT}</p>")
    assert runnable(f'<input value="{PAYLOAD}">')  # unescaped in an attribute
    assert len(runnable(LINKS)) == 3
    assert runnable(f"<script>var t = '{PAYLOAD}';</script>")
    escaped = html_lib.escape(PAYLOAD + LINKS)
    assert runnable(f'<p title="{escaped}">{escaped}</p>') == []
    assert runnable(f'<script type="application/json">{json.dumps(escaped)}</script>') == []


# --- the payloads in every field, through the doors that fill them ----------------------------


def _png_bytes():
    from PIL import Image as PILImage

    out = io.BytesIO()
    PILImage.new("RGB", (40, 30), (10, 120, 30)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def hostile(laocai, client, tmp_path, django_capture_on_commit_callbacks):
    """The Lào Cai portal with the payloads in every field people fill, each item published."""
    from documents.models import DirectiveDocumentPage, DocumentAttachment
    from news.models import GalleryPage, GalleryPhoto, VideoPage
    from qa.models import QuestionPage
    from schedule.models import ScheduleEntry, WeeklySchedulePage

    made = {}
    # A contributor's item through the API: title, lead, authors, topics, body, photo.
    body = news_body(
        title=PAYLOAD,
        description=PAYLOAD,
        authors=PAYLOAD,
        tags=[SHORT],
        body={"data": BODY_HTML},
    )
    body["photos"][0].update(caption=PAYLOAD, credit=PAYLOAD)
    body["photos"][0]["image"]["filename"] = f"{SHORT}.jpg"
    response = call(client, "post", column_url(), login(client, "ctv-tuyengiao"), body)
    assert response.status_code == 201, response.json()
    made["api"] = NewsPage.objects.get(title=PAYLOAD)
    made["api"].get_latest_revision().publish()

    # A legacy item through the importer: the same fields, the body as imported HTML.
    (tmp_path / "anh.png").write_bytes(_png_bytes())
    item = legacy_item(
        "x1",
        "tuyen-giao-nu-cong",
        "2026-10-03T09:00",
        title=PAYLOAD + " (nhập)",
        lead=PAYLOAD,
        body_html=BODY_HTML,
        authors=[PAYLOAD],
        images=[{"path": "anh.png", "caption": PAYLOAD, "credit": PAYLOAD}],
    )
    call_command("import_content", write_jsonl(tmp_path / "m.jsonl", [item]), stdout=io.StringIO())
    made["imported"] = NewsPage.objects.get(title=PAYLOAD + " (nhập)")

    # A reader's question through the public form, then answered and published.
    desk = section("hoi-dap")
    django_settings.LDLD_QUESTION_MIN_SECONDS = 0
    page_html = client.get(desk.url).content.decode()
    data = question_data(full_name=SHORT, unit=PAYLOAD, question=f"Xin hỏi {PAYLOAD} thế nào?")
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(desk.url, {"form_token": form_token(page_html), **data})
    assert asked.status_code == 200
    question = QuestionPage.objects.get()
    question.question = f"Xin hỏi {PAYLOAD} thế nào?"  # as a CS-PL editor may retype it
    question.asker_name, question.asker_unit = SHORT, PAYLOAD
    question.answer = through_the_editor(
        f"<p>Trả lời {html_lib.escape(PAYLOAD)}</p>{LINKS.replace('<script>', '')}"
    )
    question.save_revision().publish()
    made["question"] = QuestionPage.objects.get(pk=question.pk)

    # The week's schedule cells, a directive document, a video and a photo set.
    week = WeeklySchedulePage(
        title=f"Lịch tuần {SHORT}", slug="tuan-xss", week_start=datetime.date(2026, 11, 23)
    )
    week.entries = [
        ScheduleEntry(
            day=week.week_start,
            time=datetime.time(8),
            content=PAYLOAD,
            leader=PAYLOAD,
            participants=PAYLOAD,
            location=PAYLOAD,
        )
    ]
    made["week"] = add(section("lich-cong-tac"), week)
    document = Document.objects.create(
        title=PAYLOAD, file=SimpleUploadedFile("van-ban.pdf", make_pdf(["Công văn"]))
    )
    directive = DirectiveDocumentPage(
        title=PAYLOAD,
        number="12/CV-LĐLĐ",
        doc_type="cong-van",
        issuer=PAYLOAD,
        issuer_level="ldld",
        issued_on=datetime.date(2026, 3, 5),
        signer=PAYLOAD,
        field=PAYLOAD,
        summary=PAYLOAD,
    )
    directive.attachments = [DocumentAttachment(document=document, label=PAYLOAD)]
    made["directive"] = add(section("van-ban-chi-dao"), directive)
    unit = Unit.objects.get(code="tuyen-giao-nu-cong")
    made["video"] = add(
        section("video"),
        VideoPage(
            title=f"Video {SHORT}",
            month=datetime.date(2026, 10, 1),
            description=PAYLOAD,
            video_url="https://example.vn/v.mp4",
            unit=unit,
            authors=PAYLOAD,
        ),
    )
    gallery = GalleryPage(title=f"Ảnh {SHORT}", month=datetime.date(2026, 10, 1), unit=unit)
    gallery.photos = [
        GalleryPhoto(image=make_image(title=PAYLOAD), caption=PAYLOAD, credit=PAYLOAD)
    ]
    made["gallery"] = add(section("hinh-anh"), gallery)
    # Names editors and the profile give: the contributor's own, a unit's.
    laocai["ctv"].first_name, laocai["ctv"].last_name = SHORT[:30], SHORT[:30]
    laocai["ctv"].save()
    Unit.objects.filter(code="tuyen-giao-nu-cong").update(name=PAYLOAD)
    client.logout()
    return {**laocai, **made}


def through_the_editor(markup: str) -> str:
    """Rich text as the admin's editor stores it: loaded into Draftail, saved back."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
    from wagtail.rich_text import features

    converter = ContentstateConverter(features.get_default_features())
    return converter.to_database_format(converter.from_database_format(markup))


def sweep(client, urls) -> dict:
    """url → what would run there (only the urls where something would)."""
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        hits = runnable(response.content.decode())
        if hits:
            found[url] = hits
    return found


def test_nothing_typed_runs_on_the_public_pages(client, hostile):
    urls = ["/", section("tuyen-giao-nu-cong").url, section("hoi-dap").url]
    urls += [hostile[k].url for k in ("api", "imported", "question", "week", "directive")]
    urls += [hostile["video"].url, hostile["gallery"].url, f"{hostile['week'].url}in/"]
    urls += [section(code).url for code in ("lich-cong-tac", "van-ban-chi-dao", "video")]
    urls += [section("hinh-anh").url]
    urls += ["/tim-kiem/?" + "&".join(f"q={PAYLOAD}" for _ in range(1))]
    urls += ["/tim-kiem/?q=" + "%22%3E%3Csvg%20onload%3Dwindow.__xss%3D1%3E", "/tim-kiem/?q=xss"]
    assert sweep(client, urls) == {}
    # What was typed is on the pages, as text.
    assert (
        "&lt;img src=x onerror=window.__xss=1&gt;"
        in client.get(hostile["api"].url).content.decode()
    )


def test_nothing_typed_runs_in_the_admin(client, hostile, admin_user):
    client.force_login(admin_user)
    pages = [hostile[k] for k in ("api", "imported", "question", "week", "directive")]
    pages += [hostile["video"], hostile["gallery"]]
    urls = [reverse("wagtailadmin_home")]
    urls += [reverse("wagtailadmin_pages:edit", args=[p.pk]) for p in pages]
    urls += [reverse("wagtailadmin_explore", args=[p.get_parent().pk]) for p in pages]
    urls += [reverse("wagtailadmin_pages:history", args=[p.pk]) for p in pages]
    urls += [
        reverse("wagtailadmin_pages:search") + f"?q={SHORT}",
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailimages:edit", args=[Image.objects.filter(title=PAYLOAD).get().pk]),
        reverse("wagtaildocs:edit", args=[Document.objects.get(title=PAYLOAD).pk]),
        reverse("qa_desk:list"),
    ]
    from qa.models import Submission

    urls += [reverse("qa_desk:detail", args=[s.pk]) for s in Submission.objects.all()]
    assert sweep(client, urls) == {}


def test_nothing_typed_runs_in_the_feeds(client, hostile):
    """A feed's summary is HTML to a feed reader: a lead written as markup must reach it as
    text (escaped twice in the XML), not as markup the reader would render."""
    for url in ("/rss.xml", "/atom.xml", f"{section('tuyen-giao-nu-cong').url}rss/"):
        response = client.get(url)
        assert response.status_code == 200, url
        xml = response.content.decode()
        for summary in re.findall(r"<(?:description|summary[^>]*)>(.*?)</", xml, re.S):
            assert runnable(html_lib.unescape(summary)) == [], (url, summary[:200])


def test_typed_markup_stays_text_in_the_hand_over_files(client, hostile):
    """The web admin's monthly archive of published items: an HTML file per item."""
    from ldld_wagtail.reports import handover, royalties

    for page in (hostile["api"], hostile["video"], hostile["gallery"], hostile["imported"]):
        Page.objects.filter(pk=page.pk).update(
            first_published_at=datetime.datetime(2026, 10, 20, 3, tzinfo=datetime.UTC)
        )
    archive = zipfile.ZipFile(io.BytesIO(handover.build(royalties.Month(2026, 10))))
    found = {
        name: runnable(archive.read(name).decode())
        for name in archive.namelist()
        if name.endswith(".html")
    }
    assert len(found) >= 4
    assert {name: hits for name, hits in found.items() if hits} == {}


# --- uploads: refused with the reason in Vietnamese, nothing saved ------------------------------


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(width=50000, height=50000) -> bytes:
    """A PNG of a few kilobytes declaring 50000 × 50000 pixels: 2.5 billion pixels once open."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)
    data = b"".join(packer.compress(row) for _ in range(100)) + packer.flush()
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def png_bytes() -> bytes:
    return _png_bytes()


def small_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("Payload.class", b"\xca\xfe\xba\xbe")
        archive.writestr("META-INF/MANIFEST.MF", "Main-Class: Payload\n")
    return out.getvalue()


def docx_with(extra: dict) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(make_docx(["Kế hoạch"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        for name, data in extra.items():
            target.writestr(name, data)
    return out.getvalue()


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1">'
    b"<script>window.__xss=1</script><rect width='9' height='9'/></svg>"
)
INVALID_IMAGE = (
    "Hãy tải lên một hình ảnh hợp lệ. Tập tin mà bạn đã tải không phải là hình ảnh hoặc đã bị "
    "hư hỏng."
)
GIF_SCRIPT = b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=window.__xss=1;//"


def vietnamese(check, *args) -> str:
    """The message a check gives, as a Vietnamese reader gets it."""
    from django.core.exceptions import ValidationError
    from django.utils import translation

    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        check(*args)
    return refused.value.messages[0]


def said(error) -> str:
    """A ValidationError's message as a Vietnamese reader gets it."""
    from django.utils import translation

    with translation.override("vi"):
        return error.messages[0]


def document_refusal(name: str, content: bytes) -> str:
    from ldld_wagtail.uploads import check_document

    return vietnamese(check_document, SimpleUploadedFile("x", content), name)


def multipart(fields: dict, name: str, content: bytes, field="files[]") -> tuple[bytes, str]:
    """A form body with a file whose name is sent as it is (Django's test client would clean
    it first: a browser or a script does not)."""
    boundary = "ldld-hostile-boundary-7MA4YWxk"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="'.encode()
        + name.encode("utf-8", "surrogatepass")
        + b'"\r\nContent-Type: application/octet-stream\r\n\r\n'
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def media_files(root: Path) -> set[str]:
    return (
        {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
        if root.exists()
        else set()
    )


@pytest.fixture
def image_form(settings):
    """The portal's image form (`ldld_wagtail.uploads.ImageForm`), as settings/base.py names
    it once `test_the_portal_uses_its_image_form` passes."""
    settings.WAGTAILIMAGES_IMAGE_FORM_BASE = "ldld_wagtail.uploads.ImageForm"


HOSTILE_DOCUMENTS = {  # label: (file name, content)
    "bomb": ("so-do.png", bomb_png),
    "page before the pdf": (
        "cong-van.pdf",
        lambda: b"<!-- --><img src=x onerror=window.__xss=1>\n" + make_pdf(["Công văn"]),
    ),
    "html page named pdf": ("cong-van.pdf", lambda: b"<body onload=window.__xss=1>%PDF-1.4"),
    "svg named pdf": ("cong-van.pdf", lambda: SVG),
    "svg": ("so-do.svg", lambda: SVG),
    "jar after a pdf": ("cong-van.pdf", lambda: make_pdf(["Công văn"]) + small_zip()),
    "jar after a png": ("so-do.png", lambda: png_bytes() + small_zip()),
    "java inside a docx": ("ke-hoach.docx", lambda: docx_with({"a/Payload.class": b"\xca\xfe"})),
    "jar manifest in a docx": ("ke-hoach.docx", lambda: docx_with({"META-INF/MANIFEST.MF": "x"})),
    "macros": ("ke-hoach.docx", lambda: docx_with({"word/vbaProject.bin": b"\xd0\xcf vba"})),
    "hidden file": (".htaccess.pdf", lambda: make_pdf(["x"])),
    "long name": ("Cong van " * 25 + ".pdf", lambda: make_pdf(["x"])),
}


def test_hostile_documents_are_refused_with_their_reason(admin_client, media_root):
    for label, (name, make) in HOSTILE_DOCUMENTS.items():
        content = make()
        message = document_refusal(name, content)
        body, kind = multipart({"title": "Tệp"}, name, content)
        answer = admin_client.post("/admin/documents/multiple/add/", body, content_type=kind).json()
        assert answer["success"] is False, label
        assert message in answer["error_message"], (label, answer["error_message"], message)
    assert not Document.objects.exists()
    assert media_files(media_root) == set()


def test_the_refusals_name_their_reason():
    """Each kind of hostile document gets the message of its own problem."""
    from ldld_wagtail import uploads

    reasons = {
        label: document_refusal(name, make()) for label, (name, make) in HOSTILE_DOCUMENTS.items()
    }
    program, hidden = said(uploads._program()), said(uploads._hidden_archive())
    macros = said(uploads._macros())
    for label in ("page before the pdf", "html page named pdf", "java inside a docx"):
        assert reasons[label] == program, label
    assert reasons["jar manifest in a docx"] == program
    assert reasons["jar after a pdf"] == reasons["jar after a png"] == hidden
    assert reasons["macros"] == macros
    assert reasons["bomb"].startswith("Ảnh có quá nhiều điểm ảnh")
    assert "128000000" in reasons["bomb"]
    assert reasons["long name"] == (
        "Tên tệp quá dài (229 ký tự, tối đa 200). Hãy đổi tên tệp rồi tải lên lại."
    )
    assert reasons["hidden file"].startswith("Tên tệp phải là một tên đơn giản")
    assert hidden.startswith("Tệp này giấu một tệp khác (một tệp nén)")


def test_path_tricks_in_a_document_name_never_leave_the_documents_folder(admin_client, media_root):
    """Django's form parser keeps only the last part of a name sent with folders: the file is
    saved under that plain name, in documents/, or refused; never elsewhere, never an error."""
    pdf = make_pdf(["Công văn"])
    names = {
        "../../../../etc/cron.d/cong-van.pdf": "cong-van",
        "/etc/passwd.pdf": "passwd",
        "..\\..\\windows\\cong-van.pdf": "cong-van",
        "C:\\Windows\\System32\\cong-van.pdf": "cong-van",
        "cong-van.pdf\x00.exe": None,  # NUL dropped: a program's name, refused
        "bao-cao\u202efdp.exe": None,  # right-to-left override dropped: refused as a program
    }
    for name, stem in names.items():
        body, kind = multipart({"title": "Tệp"}, name, pdf)
        response = admin_client.post("/admin/documents/multiple/add/", body, content_type=kind)
        assert response.status_code == 200, name
        answer = response.json()
        assert answer["success"] is (stem is not None), (name, answer)
    for document in Document.objects.all():
        path = Path(document.file.path).resolve()
        assert path.parent == (media_root / "documents").resolve(), path
        assert ".." not in document.file.name and "\\" not in document.file.name
    assert all(f.startswith("documents/") for f in media_files(media_root))


def test_the_api_refuses_names_that_are_not_plain_names(client, laocai, media_root):
    from ldld_wagtail.uploads import check_name

    from ..documents.test_uploads import document_body

    person("vanthu", "van-thu")
    auth = login(client, "vanthu")
    pdf = make_pdf(["Công văn"])
    for name in ("a\\..\\b.pdf", "bao-cao\u202efdp.pdf", ".htaccess", "Cong van " * 25 + ".pdf"):
        response = call(client, "post", "/++api++/van-ban-chi-dao", auth, document_body(name, pdf))
        assert response.status_code == 400, (name, response.content[:300])
        assert response.json()["errors"][0]["message"] == vietnamese(check_name, name), name
    response = call(
        client, "post", "/++api++/van-ban-chi-dao", auth, document_body("a\x00.pdf", pdf)
    )
    assert response.status_code == 400
    assert "không được chứa ký tự NUL" in response.json()["message"]
    assert not Document.objects.exists() and media_files(media_root) == set()


def test_the_api_refuses_a_name_with_folders(client, laocai, media_root):
    from ..documents.test_uploads import document_body

    person("vanthu", "van-thu")
    auth = login(client, "vanthu")
    pdf = make_pdf(["Công văn"])
    for name in ("../../x.pdf", "/etc/x.pdf", ".."):
        response = call(client, "post", "/++api++/van-ban-chi-dao", auth, document_body(name, pdf))
        assert response.status_code == 400, (name, response.status_code)
    assert not Document.objects.exists()


HOSTILE_IMAGES = {
    "bomb": ("anh.png", bomb_png),
    "svg": ("anh.svg", lambda: SVG),
    "svg named png": ("anh.png", lambda: SVG),
    "script behind a gif header": ("anh.gif", lambda: GIF_SCRIPT),
    "html named jpg": ("anh.jpg", lambda: b"<html><script>window.__xss=1</script>"),
    "hidden file": (".anh.png", png_bytes),
    "long name": ("Anh hoat dong " * 16 + ".png", png_bytes),
}


def test_hostile_images_are_refused_in_the_admin(admin_client, media_root, image_form):
    from ldld_wagtail.uploads import check_image

    for label, (name, make) in HOSTILE_IMAGES.items():
        content = make()
        message = vietnamese(check_image, content, name)
        body, kind = multipart({"title": "Ảnh"}, name, content)
        response = admin_client.post("/admin/images/multiple/add/", body, content_type=kind)
        assert response.status_code == 200, (label, response.status_code)
        answer = response.json()
        assert answer["success"] is False, label
        assert message in answer["error_message"], (label, answer["error_message"])
    assert not Image.objects.exists()
    assert media_files(media_root) == set()


def test_the_image_checks_refuse_what_wagtail_lets_through(settings):
    """Wagtail's own form answers a GIF header on a script with a server error; an SVG is
    refused only while SVG is not in WAGTAILIMAGES_EXTENSIONS."""
    from ldld_wagtail.uploads import check_image

    assert vietnamese(check_image, GIF_SCRIPT, "anh.gif") == INVALID_IMAGE
    settings.WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "svg"]
    assert "SVG" in vietnamese(check_image, SVG, "so-do.svg")
    check_image(png_bytes(), "anh.png")  # a real picture passes


def test_the_api_refuses_a_script_behind_a_gif_header(client, laocai, media_root, image_form):
    body = news_body()
    body["photos"][0]["image"] = {
        "data": base64.b64encode(GIF_SCRIPT).decode(),
        "encoding": "base64",
        "filename": "anh.gif",
    }
    response = call(client, "post", column_url(), login(client, "ctv-tuyengiao"), body)
    assert response.status_code == 400, response.content[:300]
    assert response.json()["errors"][0]["message"] == INVALID_IMAGE
    assert not Image.objects.exists() and not NewsPage.objects.exists()


def test_the_portal_uses_its_image_form():
    assert django_settings.WAGTAILIMAGES_IMAGE_FORM_BASE == "ldld_wagtail.uploads.ImageForm"


def test_the_importer_refuses_hostile_pictures(laocai, tmp_path, media_root):
    (tmp_path / "bomb.png").write_bytes(bomb_png())
    (tmp_path / "so-do.svg").write_bytes(SVG)
    items = [
        legacy_item(key, "tuyen-giao-nu-cong", "2026-10-03T09:00", images=[{"path": path}])
        for key, path in (("a", "so-do.svg"), ("b", "bomb.png"))
    ]
    for item in items:
        item["images"][0].update(caption="Ảnh", credit="LĐLĐ")
    out = io.StringIO()
    call_command(
        "import_content",
        write_jsonl(tmp_path / "m.jsonl", items),
        "--skip-invalid",
        stdout=out,
        stderr=out,
    )
    assert not Image.objects.exists() and not NewsPage.objects.exists()


def test_the_importer_reads_no_file_outside_its_folder(laocai, tmp_path, media_root):
    outside = tmp_path.parent / "ngoai.png"
    outside.write_bytes(png_bytes())
    items = [
        legacy_item(key, "tuyen-giao-nu-cong", "2026-10-03T09:00", images=[{"path": path}])
        for key, path in (("a", "../ngoai.png"), ("b", str(outside)), ("c", "/etc/hostname"))
    ]
    for item in items:
        item["images"][0].update(caption="Ảnh", credit="LĐLĐ")
    folder = tmp_path / "nhap"
    folder.mkdir()
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_content",
        write_jsonl(folder / "m.jsonl", items),
        "--skip-invalid",
        stdout=out,
        stderr=err,
    )
    said = out.getvalue() + err.getvalue()
    assert said.count("không tìm thấy ảnh") == 3, said
    assert not Image.objects.exists() and not NewsPage.objects.exists()
    assert media_files(media_root) == set()


# --- the schedule's uploads --------------------------------------------------------------------


@pytest.fixture
def clerk(laocai, client):
    client.force_login(person("vanthu", "van-thu"))
    return client


def schedule_docx(*cells, extra=None) -> bytes:
    from ..schedule.files import HEADER, docx_bytes

    data = docx_bytes(
        [HEADER, ["Thứ Hai 23/11/2026", "8h00", *cells]],
        title=("LỊCH CÔNG TÁC TUẦN từ ngày 23/11 đến ngày 29/11/2026",),
    )
    if not extra:
        return data
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        for name, content in extra.items():
            target.writestr(name, content)
    return out.getvalue()


def test_schedule_cells_and_the_file_name_stay_text_in_the_preview(clerk, media_root):
    url = reverse("schedule_import", args=[section("lich-cong-tac").pk])
    name = "'><svg onload=window.__xss=1>.docx"
    body, kind = multipart({"week": "23/11/2026"}, name, schedule_docx(*[PAYLOAD] * 4), "file")
    response = clerk.post(url, body, content_type=kind)
    html = response.content.decode()
    assert response.status_code == 200 and "Kiểm tra các dòng lịch" in html
    assert runnable(html) == []
    assert "&lt;svg onload=window.__xss=1&gt;" in html  # the cells, shown as typed


def test_the_schedule_refuses_a_file_with_macros(clerk, media_root):
    url = reverse("schedule_import", args=[section("lich-cong-tac").pk])
    data = schedule_docx("Họp", "", "", "", extra={"word/vbaProject.bin": b"\xd0\xcf vba"})
    response = clerk.post(
        url, {"file": SimpleUploadedFile("lich.docx", data), "week": "23/11/2026"}
    )
    assert "Kiểm tra các dòng lịch" not in response.content.decode()
