"""The document look-up: each filter alone and together, numbers typed any way, dates typed
wrong, an empty result, the order, and a bounded number of queries."""

import datetime
import re

import pytest

from documents.lookup import number_key, number_needle

from ..utils import make_pdf, shared_cache_keys

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

D = datetime.date


@pytest.fixture
def documents(publish_document):
    publish_document(
        "125/LĐLĐ",
        issued_on=D(2024, 3, 5),
        field="Tài chính công đoàn",
        signer="Nguyễn Văn B",
        files=[(make_pdf(["Quyết toán kinh phí công đoàn năm 2023"]), "a.pdf")],
    )
    publish_document("1125/LĐLĐ", issued_on=D(2024, 7, 1), field="Tổ chức", signer="Trần Thị C")
    publish_document(
        "12/QĐ-LĐLĐ",
        doc_type="quyet-dinh",
        issued_on=D(2023, 12, 20),
        field="Tổ chức",
        signer="Nguyễn Văn B",
    )
    publish_document(
        "05-CT/TU",
        doc_type="chi-thi",
        issuer="Tỉnh ủy Lào Cai",
        issuer_level="tu",
        issued_on=D(2022, 1, 10),
        field="Tuyên giáo",
        signer="Lê Văn D",
    )


def found(client, index, query=""):
    html = client.get(index.url + query).content.decode()
    return [n for n in re.findall(r"Văn bản ([^<]+?)</a>", html)]


def test_each_filter_alone(client, index, documents):
    assert found(client, index) == ["1125/LĐLĐ", "125/LĐLĐ", "12/QĐ-LĐLĐ", "05-CT/TU"]
    assert found(client, index, "?loai=quyet-dinh") == ["12/QĐ-LĐLĐ"]
    assert found(client, index, "?cap=tu") == ["05-CT/TU"]
    assert found(client, index, "?coquan=T%E1%BB%89nh+%E1%BB%A7y+L%C3%A0o+Cai") == ["05-CT/TU"]
    assert found(client, index, "?linhvuc=T%E1%BB%95+ch%E1%BB%A9c") == ["1125/LĐLĐ", "12/QĐ-LĐLĐ"]
    assert found(client, index, "?nguoiky=Nguy%E1%BB%85n+V%C4%83n+B") == ["125/LĐLĐ", "12/QĐ-LĐLĐ"]
    assert found(client, index, "?nam=2024") == ["1125/LĐLĐ", "125/LĐLĐ"]
    assert found(client, index, "?tu=01/01/2024") == ["1125/LĐLĐ", "125/LĐLĐ"]
    assert found(client, index, "?den=31/12/2023") == ["12/QĐ-LĐLĐ", "05-CT/TU"]
    assert found(client, index, "?so=12") == ["12/QĐ-LĐLĐ"]
    assert found(client, index, "?q=quyet+toan+kinh+phi") == ["125/LĐLĐ"]  # inside its PDF
    assert found(client, index, "?q=tinh+uy") == ["05-CT/TU"]  # its issuer


def test_filters_combined(client, index, documents):
    assert found(client, index, "?nam=2024&linhvuc=T%E1%BB%95+ch%E1%BB%A9c") == ["1125/LĐLĐ"]
    assert found(client, index, "?tu=1/1/2023&den=31/3/2024&nguoiky=Nguy%E1%BB%85n+V%C4%83n+B") == [
        "125/LĐLĐ",
        "12/QĐ-LĐLĐ",
    ]
    assert found(client, index, "?so=ldld&loai=cong-van&q=lao+cai&tu=2024-03-05") == [
        "1125/LĐLĐ",
        "125/LĐLĐ",
    ]
    assert found(client, index, "?so=125&cap=tu") == []


@pytest.mark.parametrize(
    "typed",
    ["125/LĐLĐ", "125/ldld", "125 / LDLD", "125/LDLD", " 125 /lđlđ ", "125-LDLD", "125LDLD"],
)
def test_the_number_typed_any_way(client, index, documents, typed):
    from urllib.parse import quote

    assert found(client, index, f"?so={quote(typed)}") == ["125/LĐLĐ"]


def test_number_keys():
    assert number_key("128/QĐ-LĐLĐ") == "/128/qd/ldld/"
    assert number_needle("128 qđ") == "/128/qd"  # letters may stop short: "qđ" finds "QĐ-…"
    assert number_needle("12") == "/12/"  # a number is whole: 12 is not 128
    assert number_needle(" / - ") == ""


def test_sorted_by_issue_date_both_ways(client, index, documents):
    newest = found(client, index, "?sapxep=moi")
    assert newest == ["1125/LĐLĐ", "125/LĐLĐ", "12/QĐ-LĐLĐ", "05-CT/TU"]
    assert found(client, index, "?sapxep=cu") == newest[::-1]


def test_a_bad_date_is_told_next_to_its_field_and_the_rest_still_applies(client, index, documents):
    response = client.get(index.url + "?tu=31/02/2024&nam=2024&den=hom+qua")
    assert response.status_code == 200
    html = response.content.decode()
    message = "Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2024."
    assert html.count(message) == 2
    assert 'id="f-tu-error"' in html and 'aria-invalid="true"' in html
    assert 'value="31/02/2024"' in html  # what the reader typed, to correct it
    assert found(client, index, "?tu=31/02/2024&nam=2024") == ["1125/LĐLĐ", "125/LĐLĐ"]
    html = client.get(index.url + "?nam=20x4").content.decode()
    assert "Năm không hợp lệ: hãy nhập bốn chữ số, ví dụ 2024." in html
    html = client.get(index.url + "?tu=01/06/2024&den=01/01/2024").content.decode()
    assert "Ngày này sớm hơn ngày “Ban hành từ ngày”." in html


def test_an_empty_result_says_so_and_offers_to_clear(client, index, documents):
    html = client.get(index.url + "?so=999").content.decode()
    assert "Không tìm thấy văn bản nào phù hợp với điều kiện tra cứu." in html
    assert f'<a href="{index.url}">Xóa điều kiện lọc để xem tất cả văn bản</a>' in html
    assert "0 văn bản" in html


def test_the_form_is_a_plain_get_form_with_every_filter(client, index, documents):
    html = client.get(index.url + "?nguoiky=L%C3%AA+V%C4%83n+D&tu=01/01/2020").content.decode()
    assert re.search(r'<form class="doc-lookup" method="get"', html)
    for name in ("q", "so", "loai", "cap", "coquan", "linhvuc", "nguoiky", "nam", "tu", "den"):
        assert f'name="{name}"' in html
    assert '<details class="lookup-more" open>' in html  # a folded filter is set: shown
    assert '<option value="Lê Văn D" selected>' in html
    assert "<script" not in html.split('<form class="doc-lookup"')[1].split("</form>")[0]
    assert '<label for="f-loai">Loại văn bản</label>' in html


def test_unknown_values_are_ignored_and_filtered_counts_stay_local(client, index, documents):
    assert found(client, index, "?loai=khong-co&cap=x&nguoiky=Ai+do&utm_source=zalo") == [
        "1125/LĐLĐ",
        "125/LĐLĐ",
        "12/QĐ-LĐLĐ",
        "05-CT/TU",
    ]
    client.get(index.url + "?so=125%2Fldld")
    # The generation token in every key ("1796519285-61f21252…") may hold "125" by chance.
    keys = [re.sub(r"\d+-[0-9a-f]{32}", "", str(k)) for k in shared_cache_keys()]
    assert not [k for k in keys if "125" in k or "zalo" in k]


@pytest.mark.fast_paths
def test_look_up_queries_are_bounded(
    client, index, publish_document, django_assert_max_num_queries
):
    for i in range(12):
        publish_document(f"{i + 1}/LĐLĐ", issued_on=D(2024, 1, 1) + datetime.timedelta(days=i))
    client.get(index.url)  # the layout, the routes and the look-up's lists are kept after this
    # The count, the page of documents, their files: 3 (one spare), whatever the filters.
    with django_assert_max_num_queries(4):
        response = client.get(index.url + "?so=ldld&nam=2024&q=noi+dung&tu=01/01/2024&sapxep=cu")
    assert response.status_code == 200
    assert response.content.decode().count('class="doc-no"') == 12
    with django_assert_max_num_queries(4):
        assert client.get(index.url + "?page=1&loai=cong-van").status_code == 200
