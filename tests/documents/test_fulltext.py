"""Words inside attached PDF and DOCX files find their document: in the site's search (with the
passage shown), the API's @search and the look-up; read once per file content, in the worker;
a scanned PDF is flagged to the clerk."""

import io
import time

import pytest
from django.utils.html import escape

from documents import extract, fulltext
from documents.models import DirectiveDocumentPage, DocumentText
from ldld_wagtail.models import SearchEntry

from ..utils import get, make_docx, make_file_document, make_pdf, make_scanned_pdf, publish
from .conftest import run_after_commit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

FILLER = (
    "Căn cứ Điều lệ Công đoàn Việt Nam, Ban Thường vụ Liên đoàn Lao động tỉnh hướng dẫn các cấp "
    "công đoàn tổ chức hội nghị người lao động và đối thoại tại nơi làm việc. "
)
PHRASE = "hỗ trợ đoàn viên bị mất việc làm do doanh nghiệp giải thể"


def pdf_with_phrase_on(page_number=3, pages=4):
    texts = [f"Trang {i + 1}. {FILLER * 3}" for i in range(pages)]
    texts[page_number - 1] += f"Điều 5. Quỹ <Mái ấm> {PHRASE} trong năm 2026. " + FILLER
    return make_pdf(texts)


def test_a_phrase_only_inside_the_pdf_finds_the_document_with_its_passage(client, publish_document):
    publish_document("125/LĐLĐ", files=[(pdf_with_phrase_on(3), "125-ldld.pdf")])
    publish_document("126/LĐLĐ")  # another document, without the phrase
    html = client.get("/tim-kiem/?q=ho+tro+doan+vien+bi+mat+viec").content.decode()
    assert "Văn bản 125/LĐLĐ" in html
    assert "Văn bản 126/LĐLĐ" not in html
    # The passage around the words, as written (accents), cut at words, escaped.
    assert PHRASE in html
    assert escape("Quỹ <Mái ấm>") in html and "<Mái ấm>" not in html
    assert "Trích yếu 125/LĐLĐ" not in html  # the passage replaces the summary


def test_the_api_search_finds_it_too(client, publish_document):
    page = publish_document("125/LĐLĐ", files=[(pdf_with_phrase_on(2), "125-ldld.pdf")])
    publish_document("126/LĐLĐ")
    data = get(client, "/++api++/@search?SearchableText=mat+viec+lam+do+doanh+nghiep").json()
    assert [item["title"] for item in data["items"]] == [page.title]


def test_the_look_up_finds_it_by_words_inside_the_file(client, publish_document, index):
    publish_document("125/LĐLĐ", files=[(pdf_with_phrase_on(1), "a.pdf")])
    publish_document("126/LĐLĐ")
    html = client.get(index.url + "?q=giai+the").content.decode()
    assert "Văn bản 125/LĐLĐ" in html and "Văn bản 126/LĐLĐ" not in html


def test_a_docx_is_read_paragraphs_and_tables(client, publish_document):
    docx = make_docx(
        ["Kế hoạch tổ chức Tháng Công nhân năm 2026."],
        table=[["Nội dung", "Đơn vị"], ["Tuyên dương công nhân lao động giỏi", "Ban Nữ công"]],
    )
    publish_document("77/KH-LĐLĐ", files=[(docx, "ke-hoach.docx")])
    html = client.get("/tim-kiem/?q=tuyen+duong+cong+nhan+lao+dong+gioi").content.decode()
    assert "Văn bản 77/KH-LĐLĐ" in html
    assert "Tuyên dương công nhân lao động giỏi" in html


def test_a_scanned_pdf_is_flagged_to_the_clerk(admin_client, publish_document):
    page = publish_document("9/TB-LĐLĐ", files=[(make_scanned_pdf(3), "scan.pdf")])
    text = DocumentText.objects.get()
    assert (text.status, text.pages, text.text) == (extract.SCANNED, 3, "")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Không có lớp chữ (bản quét)" in html


def test_a_readable_file_is_shown_as_read(admin_client, publish_document):
    page = publish_document("10/TB-LĐLĐ", files=[(make_pdf(["Trang một có chữ."] * 2), "a.pdf")])
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Đã đọc chữ (2 trang)" in html
    assert "Không có lớp chữ" not in html


def test_a_file_is_read_once_per_content(publish_document, monkeypatch):
    calls = []
    real = extract.extract

    def counting(handle, extension):
        calls.append(extension)
        return real(handle, extension)

    monkeypatch.setattr(extract, "extract", counting)
    content = pdf_with_phrase_on(1)
    page = publish_document("1/LĐLĐ", files=[(content, "a.pdf")])
    assert calls == ["pdf"]
    # The same file uploaded again for another document: its text is copied, not read.
    publish_document("2/LĐLĐ", files=[(content, "b.pdf")])
    assert calls == ["pdf"]
    assert DocumentText.objects.filter(status=extract.TEXT).count() == 2
    # Saving a document or publishing the page again reads nothing either.
    document = page.attachments.get().document
    with run_after_commit():
        document.title = "Tệp đổi tên"
        document.save()
        publish(DirectiveDocumentPage.objects.get(pk=page.pk))
    assert calls == ["pdf"]


def test_a_new_file_is_read_and_the_page_indexed_again(publish_document):
    page = publish_document("3/LĐLĐ", files=[(make_pdf(["Nội dung cũ về thi đua"]), "a.pdf")])
    document = page.attachments.get().document
    content = make_pdf(["Nội dung mới về an toàn vệ sinh lao động"])
    with run_after_commit():
        document.file.save("b.pdf", io.BytesIO(content), save=False)
        document.file_hash = ""
        document.save()
    body = SearchEntry.objects.get(page=page).search_body_folded
    assert "an toan ve sinh lao dong" in body and "thi dua" not in body


def test_reading_happens_in_the_worker_after_the_commit(settings):
    """A django-tasks task, handed to django-q2 (run inline in tests) once the transaction
    commits; nothing is read before."""
    from django.test import TestCase
    from django_q.models import Task

    assert settings.TASKS["default"]["BACKEND"] == "ldld_wagtail.backends.tasks.DjangoQBackend"
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        document = make_file_document("Tệp", make_pdf(["Công văn của Ban Thường vụ"]), "a.pdf")
    assert not DocumentText.objects.filter(document=document).exists()
    for callback in callbacks:
        callback()
    assert DocumentText.objects.get(document=document).status == extract.TEXT
    task = Task.objects.get(name__startswith="documents.fulltext.extract_document_text")
    assert task.success and task.result == extract.TEXT
    assert fulltext.extract_document_text.call(document.pk) == "unchanged"


def test_a_damaged_file_is_reported_not_retried(publish_document):
    publish_document("4/LĐLĐ", files=[(b"%PDF-1.4\n%%EOF\n", "hong.pdf")])
    assert DocumentText.objects.get().status == extract.FAILED


def test_reading_a_50_page_pdf_takes_well_under_a_second_or_two(capsys):
    """The measure the README quotes: a 50-page PDF of about 137 000 characters."""
    content = make_pdf([f"Trang {i + 1}. " + FILLER * 14 for i in range(50)])
    started = time.perf_counter()
    found = extract.extract(io.BytesIO(content), "pdf")
    seconds = time.perf_counter() - started
    assert (found.status, found.pages) == (extract.TEXT, 50)
    assert len(found.text) > 100_000
    with capsys.disabled():
        print(f"\n50-page PDF ({len(content)} bytes): text read in {seconds:.2f} s")
    assert seconds < 10
