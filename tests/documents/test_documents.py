import datetime

import pytest

from documents.models import DirectiveDocumentPage, DocumentAttachment, DocumentIndexPage

from ..utils import add, make_document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def make_doc(index, number, doc_type, issued_on, issuer_level="ldld"):
    page = DirectiveDocumentPage(
        title=f"Văn bản {number}",
        slug=number.replace("/", "-").lower(),
        number=number,
        doc_type=doc_type,
        issuer="LĐLĐ tỉnh Lào Cai",
        issuer_level=issuer_level,
        issued_on=issued_on,
        signer="Nguyễn Văn B",
        summary=f"Trích yếu {number}",
    )
    page.attachments = [DocumentAttachment(document=make_document(f"Tệp {number}"))]
    return add(index, page)


@pytest.fixture
def index(home):
    index = add(home, DocumentIndexPage(title="Văn bản chỉ đạo", slug="van-ban-chi-dao"))
    make_doc(index, "128/QĐ-LĐLĐ", "quyet-dinh", datetime.date(2016, 9, 20))
    make_doc(index, "435/LĐLĐ", "cong-van", datetime.date(2017, 4, 24))
    make_doc(index, "12-CT/TU", "chi-thi", datetime.date(2024, 1, 5), issuer_level="tu")
    return index


def test_look_up_by_type_year_issuer_and_number(client, index):
    def titles(query):
        html = client.get(index.url + query).content.decode()
        return {n for n in ("128/QĐ-LĐLĐ", "435/LĐLĐ", "12-CT/TU") if f"Văn bản {n}" in html}

    assert titles("") == {"128/QĐ-LĐLĐ", "435/LĐLĐ", "12-CT/TU"}
    assert titles("?loai=quyet-dinh") == {"128/QĐ-LĐLĐ"}
    assert titles("?nam=2017") == {"435/LĐLĐ"}
    assert titles("?cap=tu") == {"12-CT/TU"}
    assert titles("?so=435") == {"435/LĐLĐ"}


def test_document_page_shows_the_required_metadata_and_file(client, index):
    page = DirectiveDocumentPage.objects.get(number="435/LĐLĐ")
    html = client.get(page.url).content.decode()
    for text in ("435/LĐLĐ", "24/04/2017", "Nguyễn Văn B", "Trích yếu 435/LĐLĐ", "/documents/"):
        assert text in html


def test_documents_are_found_by_unaccented_search(client, index):
    html = client.get("/tim-kiem/?q=trich+yeu+435&muc=documents").content.decode()
    assert "Văn bản 435/LĐLĐ" in html


def test_the_document_type_label_reads_loai_van_ban(client, index):
    """The public label has its own msgid: Wagtail's shared "Type" reads "Loại" in the admin."""
    page = make_doc(index, "12/QĐ-LĐLĐ", "quyet-dinh", datetime.date(2026, 11, 2))
    assert '<label for="f-loai">Loại văn bản</label>' in client.get(index.url).content.decode()
    assert '<th scope="row">Loại văn bản</th>' in client.get(page.url).content.decode()
