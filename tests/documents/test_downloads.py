"""Downloads are counted once per file served to a reader, in the database (F() + 1), and
shown to the clerk; a withheld document, an editor's look and a 304 count nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents import downloads
from documents.models import DocumentDownloads

from ..utils import make_pdf
from .conftest import run_after_commit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def count(document) -> int:
    row = DocumentDownloads.objects.filter(document=document).first()
    return row.count if row else 0


@pytest.fixture
def page(publish_document):
    return publish_document("125/LĐLĐ", files=[(make_pdf(["Công văn số 125"]), "125.pdf")])


@pytest.fixture
def document(page):
    return page.attachments.get().document


def test_each_download_counts_once(client, document):
    assert count(document) == 0
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert count(document) == 1
    client.get(document.url)
    assert count(document) == 2


def test_what_is_not_a_download_is_not_counted(client, admin_client, document):
    assert client.head(document.url).status_code == 200
    etag = client.get(document.url)["ETag"]  # counted: 1
    assert client.get(document.url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert admin_client.get(document.url).status_code == 200  # an editor checking the file
    assert client.get(document.url.replace(".pdf", "-khac.pdf")).status_code == 404
    assert count(document) == 1


def test_a_withheld_document_is_not_counted(client, admin_client, page, document):
    with run_after_commit():
        page.unpublish()
    assert client.get(document.url).status_code == 404
    assert admin_client.get(document.url).status_code == 200  # editors still read it
    assert count(document) == 0


def test_a_missing_file_is_not_counted(client, document):
    document.file.storage.delete(document.file.name)
    assert client.get(document.url).status_code == 404
    assert count(document) == 0


def test_the_count_is_added_by_the_database(document):
    downloads.record(document.pk)  # the first one makes the row
    with CaptureQueriesContext(connection) as queries:
        downloads.record(document.pk)
    assert len(queries) == 1
    sql = queries[0]["sql"]
    assert sql.startswith("UPDATE") and '"count" + 1' in sql.replace("(", "").replace(")", "")
    assert count(document) == 2


def test_the_clerk_sees_the_count_on_the_edit_form(client, admin_client, page, document):
    for _ in range(3):
        client.get(document.url)
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Tệp văn bản: lớp chữ và lượt tải" in html
    assert '<th scope="col">Lượt tải</th>' in html
    assert "<td>3</td>" in html
