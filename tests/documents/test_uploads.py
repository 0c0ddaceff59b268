"""Uploaded documents are checked by content, not by name: in the admin's upload views and
through /++api++/ alike, each refusal told in Vietnamese."""

import base64
import io
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.documents.models import Document

from ldld_wagtail.uploads import check_document

from ..utils import call, login, make_docx, make_image, make_pdf, person

pytestmark = pytest.mark.django_db

PROGRAM = "Tệp này là chương trình hoặc mã lệnh, không phải văn bản: không được tải lên."
MACROS = "Tệp có chứa macro (mã VBA), có thể mang mã độc."
NOT_ACCEPTED = (
    "Không nhận tệp loại .%s. Chỉ nhận các loại: PDF, DOC, DOCX, XLS, XLSX, ODT, ODS, JPG, PNG."
)


# --- files of every kind, built here ----------------------------------------------------------


def make_ole(*names: str) -> bytes:
    """A minimal OLE2 compound file (what .doc and .xls are) whose directory holds `names`."""
    end, free, fat_sector = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sector, end, *([free] * 126))
    entries = [("Root Entry", 5), *((n, 2) for n in names)]
    assert len(entries) <= 4
    directory = bytearray(512)
    for i, (name, kind) in enumerate(entries):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        directory[i * 128 : i * 128 + len(encoded)] = encoded
        struct.pack_into("<HB", directory, i * 128 + 64, len(encoded), kind)
    return bytes(header) + fat + bytes(directory)


def rezip(content: bytes, add: dict | None = None, replace: dict | None = None) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = (replace or {}).get(info.filename, source.read(info.filename))
            target.writestr(info.filename, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def make_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "Danh sách đoàn viên"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def make_odf(kind: str, extra: dict | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{kind}")
        archive.writestr("content.xml", "<office:document-content/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def make_docm() -> bytes:
    docx = make_docx(["Văn bản có macro"])
    types = zipfile.ZipFile(io.BytesIO(docx)).read("[Content_Types].xml").decode()
    types = types.replace(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    return rezip(
        docx,
        add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 vba"},
        replace={"[Content_Types].xml": types},
    )


def jpeg() -> bytes:
    return make_image().file.read()


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 0, 0)).save(out, "PNG")
    return out.getvalue()


ACCEPTED = {
    "cong-van.pdf": lambda: make_pdf(["Công văn"]),
    "ke-hoach.docx": lambda: make_docx(["Kế hoạch"]),
    "danh-sach.xlsx": make_xlsx,
    "cong-van-cu.doc": lambda: make_ole("WordDocument", "1Table"),
    "bang-cu.xls": lambda: make_ole("Workbook"),
    "bao-cao.odt": lambda: make_odf("text"),
    "so-lieu.ods": lambda: make_odf("spreadsheet"),
    "anh.jpg": jpeg,
    "anh.jpeg": jpeg,
    "so-do.png": png,
}
REFUSED = {
    # a program renamed: refused whatever its name says
    "renamed exe": ("cong-van.pdf", lambda: b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, PROGRAM),
    "linux program": ("bao-cao.docx", lambda: b"\x7fELF\x02\x01\x01" + b"\x00" * 100, PROGRAM),
    "shell script": ("ke-hoach.pdf", lambda: b"#!/bin/sh\nrm -rf /\n", PROGRAM),
    "web page": ("thong-bao.doc", lambda: b"\xef\xbb\xbf<html><script>x()</script>", PROGRAM),
    "exe by name": ("setup.exe", lambda: b"MZ", PROGRAM),
    # macros
    "docm renamed docx": ("ke-hoach.docx", make_docm, MACROS),
    "docm by name": ("ke-hoach.docm", make_docm, MACROS),
    "xlsm": ("bang.xlsx", lambda: rezip(make_xlsx(), add={"xl/vbaProject.bin": b"vba"}), MACROS),
    "doc with macros": ("cu.doc", lambda: make_ole("WordDocument", "Macros"), MACROS),
    "xls with macros": ("cu.xls", lambda: make_ole("Workbook", "_VBA_PROJECT_CUR"), MACROS),
    "odt with basic": ("a.odt", lambda: make_odf("text", {"Basic/Standard/M.xml": "x"}), MACROS),
    # unknown or not what the name says
    "rtf": ("bang-ke.rtf", lambda: b"{\\rtf1 x}", NOT_ACCEPTED % "rtf"),
    "zip": ("ho-so.zip", lambda: make_odf("text"), NOT_ACCEPTED % "zip"),
    "no extension": ("van-ban", lambda: make_pdf(["x"]), NOT_ACCEPTED % "?"),
    "junk named pdf": ("a.pdf", lambda: b"hello, not a pdf" * 10, "không phải là văn bản PDF"),
    "xlsx named docx": ("a.docx", make_xlsx, "không phải là văn bản Word"),
    "png named jpg": ("a.jpg", png, "không phải là ảnh JPEG"),
    "xls named doc": ("a.doc", lambda: make_ole("Workbook"), "không phải là văn bản Word"),
    "odt named ods": ("a.ods", lambda: make_odf("text"), "không phải là bảng tính OpenDocument"),
    "broken docx": ("a.docx", lambda: b"PK\x03\x04 broken", "Tệp bị hỏng"),
    "empty": ("a.pdf", lambda: b"", "Tệp rỗng"),
}


def test_the_check_refuses_by_content(settings):
    for name, make in ACCEPTED.items():
        check_document(SimpleUploadedFile(name, make()), name)
    for label, (name, make, message) in REFUSED.items():
        with pytest.raises(ValidationError) as refused:
            check_document(SimpleUploadedFile(name, make()), name)
        assert message in refused.value.messages[0], label


def test_an_unusually_packed_zip_is_refused():
    packed = rezip(make_docx(["x"]), add={"word/media/big.bin": b"\x00" * 5_000_000})
    with pytest.raises(ValidationError) as refused:
        check_document(SimpleUploadedFile("a.docx", packed), "a.docx")
    assert "giải nén ra dung lượng bất thường" in refused.value.messages[0]


# --- the admin's upload views -------------------------------------------------------------------


def upload(admin_client, name, content):
    return admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content), "title": name},
    ).json()


def test_the_admin_upload_refuses_each_kind_with_its_message(admin_client):
    for label, (name, make, message) in REFUSED.items():
        if label == "empty":
            continue  # the browser's uploader never sends an empty file (Django drops it)
        answer = upload(admin_client, name, make())
        assert answer["success"] is False, label
        assert message in answer["error_message"], (label, answer["error_message"])
        assert "“”" not in answer["error_message"]  # the reason alone, not Wagtail's echo
    assert not Document.objects.exists()


def test_the_admin_upload_accepts_the_allowed_kinds(admin_client):
    for name, make in ACCEPTED.items():
        answer = upload(admin_client, name, make())
        assert answer["success"] is True, (name, answer)
    assert Document.objects.count() == len(ACCEPTED)


def test_the_admin_upload_size_limit_comes_from_settings(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    answer = upload(admin_client, "dai.pdf", make_pdf(["Trang dài " * 200] * 3))
    assert answer["success"] is False
    assert "Tệp quá lớn" in answer["error_message"] and "1000" in answer["error_message"]


def test_the_single_upload_form_shows_the_message_by_the_field(admin_client):
    from wagtail.models import Collection

    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Công văn",
            "file": SimpleUploadedFile("cong-van.pdf", b"MZ\x90\x00" + b"\x00" * 64),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert PROGRAM in response.content.decode()
    assert not Document.objects.exists()


def test_replacing_the_file_of_a_document_is_checked_too(admin_client):
    from wagtail.models import Collection

    assert upload(admin_client, "a.pdf", make_pdf(["Công văn"]))["success"]
    document = Document.objects.get()
    response = admin_client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": "Công văn",
            "file": SimpleUploadedFile("a.docx", make_docm()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert MACROS in response.content.decode()


# --- through /++api++/ ------------------------------------------------------------------------


@pytest.fixture
def clerk(db):
    call_command("setup_portal", "--profile", "lao-cai", stdout=open("/dev/null", "w"))  # noqa: SIM115
    return person("vanthu", "van-thu")


def document_body(name, content):
    return {
        "@type": "DirectiveDocumentPage",
        "title": "Hướng dẫn tổ chức Đại hội công đoàn cơ sở",
        "number": "125/HD-LĐLĐ",
        "doc_type": "huong-dan",
        "issuer": "LĐLĐ tỉnh Lào Cai",
        "issued_on": "2026-03-05",
        "signer": "Nguyễn Văn B",
        "summary": "Hướng dẫn tổ chức Đại hội công đoàn cơ sở nhiệm kỳ 2028 - 2033.",
        "attachments": [
            {
                "document": {
                    "data": base64.b64encode(content).decode(),
                    "encoding": "base64",
                    "filename": name,
                },
                "label": "Toàn văn",
            }
        ],
    }


@pytest.mark.parametrize("label", ["renamed exe", "docm renamed docx", "rtf", "junk named pdf"])
def test_the_api_refuses_in_plone_restapi_error_format(client, clerk, label):
    name, make, message = REFUSED[label]
    response = call(
        client,
        "post",
        "/++api++/van-ban-chi-dao",
        login(client, "vanthu"),
        document_body(name, make()),
    )
    assert response.status_code == 400, response.json()
    error = response.json()
    assert error["type"] == "BadRequest"
    assert message in error["message"]
    assert error["errors"] == [
        {"field": "attachments[0].document", "message": error["errors"][0]["message"]}
    ]
    assert message in error["errors"][0]["message"]
    assert "“”" not in error["message"]
    assert not Document.objects.exists()


def test_the_api_size_limit_is_the_settings(client, clerk, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    body = document_body("dai.pdf", make_pdf(["Trang dài " * 200] * 3))
    response = call(client, "post", "/++api++/van-ban-chi-dao", login(client, "vanthu"), body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "attachments[0].document"


def test_the_api_accepts_a_real_pdf(client, clerk):
    body = document_body("huong-dan.pdf", make_pdf(["Hướng dẫn tổ chức Đại hội"]))
    response = call(client, "post", "/++api++/van-ban-chi-dao", login(client, "vanthu"), body)
    assert response.status_code == 201, response.json()
    assert Document.objects.get().file.name.endswith(".pdf")
