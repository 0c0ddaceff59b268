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


def test_a_reference_index_job_for_a_deleted_row_is_done_not_failed():
    """Wagtail queues a reference-index update on every save; an inline row replaced in the
    same edit is gone when the worker runs the job. That job succeeds with nothing to do; any
    other job that hits a missing row still fails, and failures leave the queue."""
    from django.conf import settings
    from django_q.models import Task
    from wagtail.tasks import update_reference_index_task

    update_reference_index_task.enqueue("home", "contact", "999999")
    done = Task.objects.get(func="ldld_wagtail.backends.tasks.run_task")
    assert done.success and done.result is None

    from home.models import Contact

    with pytest.raises(Contact.DoesNotExist):  # tests run django-q2 inline, which re-raises
        lookup_missing_contact.enqueue()
    assert settings.Q_CLUSTER["ack_failures"] and settings.Q_CLUSTER["max_attempts"] == 3


@task()
def lookup_missing_contact():
    from home.models import Contact

    return Contact.objects.get(pk=999999).name


def test_with_the_redis_broker_a_job_waits_for_the_transaction(
    django_capture_on_commit_callbacks,
):
    """The Redis broker hands a job to a worker at once: queued inside a transaction, it must
    wait for the commit, or the worker looks for rows that do not exist yet."""
    from unittest import mock

    from django_q.conf import Conf
    from wagtail.tasks import update_reference_index_task

    with (
        mock.patch.object(Conf, "ORM", None),
        mock.patch.object(Conf, "SYNC", False),
        mock.patch("django_q.tasks.async_task") as async_task,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            update_reference_index_task.enqueue("home", "contact", "1")
            assert async_task.call_count == 0  # not before the commit
        assert async_task.call_count == 1
        assert async_task.call_args.args[1] == "wagtail.tasks.update_reference_index_task"


def test_a_job_queued_while_the_broker_is_down_waits_in_the_database(
    django_capture_on_commit_callbacks,
):
    """Redis down: Wagtail's job (here a reference-index update) is not lost but kept as a
    schedule due at once; the scheduler leaves it due while the broker is still down, and
    queues it, once, when the broker is back."""
    from unittest import mock

    from django.utils import timezone
    from django_q.conf import Conf
    from django_q.models import Schedule
    from django_q.scheduler import scheduler
    from redis.exceptions import ConnectionError as RedisConnectionError
    from wagtail.tasks import update_reference_index_task

    Schedule.objects.all().delete()  # the portal's own schedules aside
    down = RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch.object(Conf, "ORM", None),
        mock.patch.object(Conf, "SYNC", False),
        mock.patch("django_q.tasks.async_task", side_effect=down),
        django_capture_on_commit_callbacks(execute=True),
    ):
        update_reference_index_task.enqueue("home", "contact", "7")
    kept = Schedule.objects.get(func="ldld_wagtail.backends.tasks.run_task")
    assert kept.next_run <= timezone.now() and kept.schedule_type == Schedule.ONCE
    assert "wagtail.tasks.update_reference_index_task" in kept.args

    broker = mock.Mock()
    with mock.patch("django_q.scheduler.async_task", side_effect=down):
        scheduler(broker=broker)  # the broker still down: the job stays due
    assert Schedule.objects.filter(pk=kept.pk).exists()

    with mock.patch("django_q.scheduler.async_task", return_value="ab" * 16) as queued:
        scheduler(broker=broker)
    assert queued.call_count == 1
    assert queued.call_args.args[:2] == (
        "ldld_wagtail.backends.tasks.run_task",
        "wagtail.tasks.update_reference_index_task",
    )
    assert not Schedule.objects.filter(pk=kept.pk).exists()  # queued once, then gone
