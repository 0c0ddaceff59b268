import datetime

import pytest
from django.test import TestCase

from documents.models import DirectiveDocumentPage, DocumentAttachment, DocumentIndexPage

from ..utils import add, make_file_document, make_pdf


def run_after_commit():
    """The work queued for after the commit (the text of files, read by the worker: inline in
    tests) runs at the end of the block, as it would after the request's transaction."""
    return TestCase.captureOnCommitCallbacks(execute=True)


@pytest.fixture
def index(home):
    return add(home, DocumentIndexPage(title="Văn bản chỉ đạo", slug="van-ban-chi-dao"))


@pytest.fixture
def publish_document(index):
    """Publish a directive document under the index, its files read as the worker would."""

    def publish(number, *, files=None, **fields):
        values = {
            "title": f"Văn bản {number}",
            "doc_type": "cong-van",
            "issuer": "LĐLĐ tỉnh Lào Cai",
            "issuer_level": "ldld",
            "issued_on": datetime.date(2024, 1, 5),
            "signer": "Nguyễn Văn B",
            "summary": f"Trích yếu {number}",
            **fields,
        }
        page = DirectiveDocumentPage(
            slug=number.replace("/", "-").replace(" ", "-").lower(), number=number, **values
        )
        with run_after_commit():
            if files is None:
                files = [(make_pdf([f"Nội dung văn bản {number}"]), "van-ban.pdf")]
            documents = [
                make_file_document(f"Tệp {number} {i}", content, name)
                for i, (content, name) in enumerate(files)
            ]
            page.attachments = [DocumentAttachment(document=d) for d in documents]
            add(index, page)
        page.refresh_from_db()
        return page

    return publish
