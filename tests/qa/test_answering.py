"""The department answers: the desk in the admin for the answering roles only, the dashboard's
count, the path to publication through the Q&A section's workflow (Quy chế 7.4), the asker told
by email, private answers, spam in bulk, and the retention job."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from ldld_wagtail import notify
from ldld_wagtail.models import Notification
from qa import desk as qa_desk
from qa.models import QuestionPage, Submission

from ..utils import call, login

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(ask):
    ask(email="lan@example.vn")
    return Submission.objects.get()


def test_the_desk_is_for_the_answering_roles_only(client, desk, waiting):
    client.force_login(desk["ctv_cspl"])
    html = client.get("/admin/hoi-dap/").content.decode()
    assert waiting.reference in html and "0912345671" in html and "lan@example.vn" in html
    detail = client.get(f"/admin/hoi-dap/{waiting.pk}/").content.decode()
    assert "Nguyễn Thị Lan" in detail and "Viết câu trả lời trong bản nháp" in detail
    for name in ("phoban2", "truongban"):  # the approvers of the Q&A workflow
        client.force_login(desk[name])
        assert client.get("/admin/hoi-dap/").status_code == 200
    for name in ("ctv", "thuky", "quantri"):  # other departments, other steps
        client.force_login(desk[name])
        for url in ("/admin/hoi-dap/", f"/admin/hoi-dap/{waiting.pk}/"):
            response = client.get(url)  # Wagtail: back to the dashboard with a message
            assert response.status_code == 302 and response["Location"] == "/admin/"
        assert "hoi-dap/" not in client.get("/admin/").content.decode()


def test_the_dashboard_shows_how_many_wait_and_the_oldest(client, desk, waiting):
    Submission.objects.filter(pk=waiting.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=3, hours=2)
    )
    client.force_login(desk["ctv_cspl"])
    html = client.get("/admin/").content.decode()
    assert "1 câu hỏi đang chờ trả lời" in html and "câu lâu nhất đã chờ 3 ngày 2 giờ" in html


def test_the_path_to_publication_through_the_workflow(
    client, desk, waiting, django_capture_on_commit_callbacks
):
    """CS-PL writes the answer and submits; its deputy head approves and it is published; the
    asker gets the link."""
    url = "/++api++" + waiting.page.get_url()
    ctv, phoban = login(client, "ctv-cspl"), login(client, "phoban2")
    problems = call(client, "post", f"{url}@workflow/submit", ctv)
    assert problems.status_code == 400  # no answer yet
    assert "chưa có câu trả lời" in problems.json()["message"].lower()
    answer = "<p>Theo Điều 98 Bộ luật Lao động, ít nhất 200% tiền lương.</p>"
    assert call(client, "patch", url, ctv, {"answer": answer}).status_code == 204
    assert call(client, "post", f"{url}@workflow/submit", ctv).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = call(client, "post", f"{url}@workflow/approve", phoban, {"comment": "Đồng ý"})
    assert response.status_code == 200, response.content
    page = QuestionPage.objects.get(pk=waiting.page.pk)
    waiting.refresh_from_db()
    assert page.live and page.answered_on == timezone.localdate()
    assert waiting.status == Submission.Status.ANSWERED and waiting.answered_at
    to_asker = [m for m in mail.outbox if m.to == ["lan@example.vn"]]
    assert len(to_asker) == 1 and page.full_url in to_asker[0].body
    assert "Điều 98" in client.get(page.url).content.decode()
    lookup = client.post(
        desk["index"].url + "tra-cuu/", {"reference": waiting.reference, "contact": "0912345671"}
    ).content.decode()
    assert "Đã trả lời." in lookup and page.url in lookup


def test_a_question_without_consent_cannot_be_published(client, ask, desk):
    ask(consent="", email="lan@example.vn")
    record = Submission.objects.get()
    page = record.page
    page.answer = "<p>Trả lời</p>"
    page.save_revision()
    url = "/++api++" + page.get_url()
    response = call(client, "post", f"{url}@workflow/submit", login(client, "ctv-cspl"))
    assert response.status_code == 400
    assert "không đồng ý đăng" in response.json()["message"]


def test_assign_move_and_close_privately(client, desk, waiting, django_capture_on_commit_callbacks):
    client.force_login(desk["ctv_cspl"])
    url = f"/admin/hoi-dap/{waiting.pk}/"
    client.post(url, {"action": "assign", "assigned_to": desk["ctv_cspl"].pk})
    waiting.refresh_from_db()
    assert waiting.assigned_to == desk["ctv_cspl"]
    client.post(url, {"action": "move", "topic": "Hợp đồng lao động", "department": ""})
    assert waiting.page.get_latest_revision_as_object().topic == "Hợp đồng lao động"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "action": "close",
                "answer": "Chị liên hệ công đoàn cơ sở.",
                "reason": "Vụ việc riêng",
            },
        )
    waiting.refresh_from_db()
    assert waiting.status == Submission.Status.CLOSED and waiting.closed_reason == "Vụ việc riêng"
    assert waiting.page is None and QuestionPage.objects.count() == 0
    assert mail.outbox[0].to == ["lan@example.vn"]
    assert "Chị liên hệ công đoàn cơ sở." in mail.outbox[0].body


def test_spam_in_bulk_and_a_marked_sender_is_held(client, desk, ask):
    for n in range(3):
        ask(
            remote=f"203.0.113.{n + 1}",
            phone=f"091234567{n}",
            question=f"Bán hàng giá rẻ số {n} liên hệ ngay",
        )
    client.force_login(desk["ctv_cspl"])
    ids = list(Submission.objects.values_list("pk", flat=True))
    response = client.post("/admin/hoi-dap/chon/", {"action": "spam", "ids": ids})
    assert response.status_code == 302
    assert Submission.objects.filter(status="spam").count() == 3
    assert QuestionPage.objects.count() == 0
    ask(remote="203.0.113.1", phone="0988000111", question="Lại bán hàng giá rẻ, liên hệ ngay")
    held = Submission.objects.get(status="held")
    assert held.page is None
    client.post("/admin/hoi-dap/chon/", {"action": "release", "ids": [held.pk]})
    held.refresh_from_db()
    assert held.status == "open" and held.page is not None
    client.post("/admin/hoi-dap/chon/", {"action": "delete", "ids": ids})
    assert Submission.objects.filter(status="spam").count() == 0


def test_retention_erases_contacts_and_keeps_the_published_answer(client, desk, waiting, settings):
    settings.LDLD_QUESTION_CONTACT_RETENTION_DAYS = 30
    page = waiting.page
    page.answer = "<p>Trả lời đã đăng</p>"
    page.save_revision().publish()
    fresh = Submission.objects.create(
        reference="HD-2612-NEWONE", full_name="Trần Văn Bình", phone="0987654321",
        question="Câu hỏi mới gửi hôm nay về tiền lương", fingerprint="x",
    )  # fmt: skip
    Submission.objects.filter(pk=waiting.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert qa_desk.erase_old_contacts() == 1
    waiting.refresh_from_db()
    fresh.refresh_from_db()
    assert (waiting.full_name, waiting.email, waiting.phone, waiting.ip_address) == (
        "",
        "",
        "",
        None,
    )
    assert waiting.contact_erased_at is not None and waiting.question
    assert fresh.phone == "0987654321"
    assert "Trả lời đã đăng" in client.get(page.url).content.decode()
    assert qa_desk.erase_old_contacts() == 0
    # The emails owed or sent to the asker lose their address and text with the rest.
    owed = Notification.objects.filter(key__startswith=f"qa:asker:{waiting.pk}:")
    assert owed.exists()
    assert set(owed.values_list("address", "body")) == {("", "")}


def test_the_retention_job_is_scheduled(db):
    from django_q.models import Schedule

    schedule = Schedule.objects.get(name=qa_desk.RETENTION_SCHEDULE)
    assert schedule.func == "qa.desk.erase_old_contacts" and schedule.schedule_type == "D"


def test_the_asker_is_told_once_even_with_the_broker_down(
    client, desk, ask, django_capture_on_commit_callbacks
):
    """The asker's emails are owed in the outbox like everyone's: a question sent while the
    broker is down is confirmed later by the sweep, and a publish told twice (a signal sent
    again) sends one email."""
    broker_down = ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch("django_q.tasks.async_task", side_effect=broker_down),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = ask(email="lan@example.vn")
    assert response.status_code == 200 and mail.outbox == []
    record = Submission.objects.get()
    owed = Notification.objects.get()
    assert owed.address == "lan@example.vn" and owed.user is None and owed.sent_at is None
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert notify.send_owed(now=later) == 1 and notify.send_owed(now=later) == 0
    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]
    assert record.reference in mail.outbox[0].subject

    page = record.page
    page.answer = "<p>Trả lời: được nghỉ bù.</p>"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
        record.refresh_from_db()
        qa_desk.tell_asker(record, "answered")  # told again: owes nothing more
    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]
    assert page.full_url in mail.outbox[0].body
