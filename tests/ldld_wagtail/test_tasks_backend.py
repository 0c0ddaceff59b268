import pytest
from django.core import mail
from django_tasks import task

pytestmark = pytest.mark.django_db


@task()
def send_probe_mail(subject):
    mail.send_mail(subject, "body", "from@example.vn", ["to@example.vn"])
    return subject


def test_tasks_are_run_by_the_django_q_worker():
    from django_q.models import Task

    send_probe_mail.enqueue("Thử nghiệm")
    # Tests run django-q2 in sync mode: the job went through django-q2's worker code inline.
    assert [m.subject for m in mail.outbox] == ["Thử nghiệm"]
    done = Task.objects.get(func="ldld_wagtail.backends.tasks.run_task")
    assert done.success and done.result == "Thử nghiệm"


def test_backend_is_the_django_q_backend():
    from django_tasks import task_backends

    from ldld_wagtail.backends.tasks import DjangoQBackend

    assert isinstance(task_backends["default"], DjangoQBackend)
