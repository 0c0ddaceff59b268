"""The asker follows the question with its reference and the email or phone given, without an
account: received, being answered, answered, not published."""

import pytest

from qa import desk as qa_desk
from qa.models import Submission

pytestmark = pytest.mark.django_db


def look(client, desk, reference, contact):
    url = desk["index"].url + "tra-cuu/"
    assert client.get(url).status_code == 200
    return client.post(url, {"reference": reference, "contact": contact})


def test_status_by_reference_and_phone_or_email(client, ask, desk):
    ask(email="lan@example.vn")
    record = Submission.objects.get()
    answer = look(client, desk, record.reference.lower(), "+84 912.345.671")
    assert answer.status_code == 200
    assert "Đã nhận" in answer.content.decode()
    assert "private" in answer["Cache-Control"]
    by_email = look(client, desk, record.reference, "LAN@example.vn").content.decode()
    assert "Đã nhận" in by_email


def test_wrong_contact_or_reference_finds_nothing(client, ask, desk):
    ask()
    record = Submission.objects.get()
    for reference, contact in [(record.reference, "0999999999"), ("HD-0000-AAAAAA", "0912345671")]:
        response = look(client, desk, reference, contact)
        assert response.status_code == 404
        assert "Không tìm thấy câu hỏi" in response.content.decode()


def test_being_answered_then_not_published(client, ask, desk):
    ask()
    record = Submission.objects.get()
    record.assigned_to = desk["ctv_cspl"]
    record.save()
    assert "Đang trả lời" in look(client, desk, record.reference, "0912345671").content.decode()
    qa_desk.close_privately(
        record, desk["ctv_cspl"], "Trả lời riêng.", "Câu hỏi về vụ việc cá nhân"
    )
    text = look(client, desk, record.reference, "0912345671").content.decode()
    assert "Đã trả lời riêng, không đăng" in text


def test_lookups_are_rate_limited(client, ask, desk, settings):
    settings.LDLD_QUESTION_LOOKUP_RATE = (3, 3600)
    codes = [look(client, desk, "HD-0000-AAAAAA", "0912345671").status_code for _ in range(5)]
    assert codes == [404, 404, 404, 429, 429]
