"""A django-tasks backend that hands Wagtail's background work to the django-q2 worker.

One queue for everything: the portal's own jobs and Wagtail's tasks (reference index, image
renditions, frontend cache) all run in `manage.py qcluster`. A job that cannot be queued (the
Redis broker is down) is not raised, so the save that queued it goes through: it is kept in the
database instead, as a django-q2 schedule due at once, which the cluster's scheduler queues once
the broker is back (a schedule whose job cannot be queued stays due). Only when the database
cannot take it either is the job logged and dropped; the portal's own work is then picked up
again by its sweeps (`notify.send_owed`, `reports.jobs.resume_stalled`).
"""

import dataclasses
import logging

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id

# Jobs about one object that have nothing left to do once it is deleted. Wagtail queues a
# reference-index update on every save; when the row is deleted before the worker gets to it
# (an inline row replaced in the same edit), its delete handler has already removed its
# references, and the update would fail on the missing row at every retry.
logger = logging.getLogger(__name__)

try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    BROKER_DOWN = (OSError, RedisConnectionError, RedisTimeoutError)
except ImportError:  # no Redis: the ORM broker, whose failures are the database's
    BROKER_DOWN = (OSError,)

DONE_WHEN_GONE = {"wagtail.tasks.update_reference_index_task"}


def run_task(module_path: str, args, kwargs):
    """Entry point django-q2 calls in the worker."""
    try:
        return import_string(module_path).call(*args, **kwargs)
    except ObjectDoesNotExist:
        if module_path in DONE_WHEN_GONE:
            return None
        raise


class DjangoQBackend(BaseTaskBackend):
    supports_defer = True

    def enqueue(self, task, args, kwargs):
        from django_q.conf import Conf

        result = self._result(task, args, kwargs)
        if Conf.ORM is None and not Conf.SYNC and transaction.get_connection().in_atomic_block:
            # The Redis broker hands the job to a worker at once, before this transaction
            # commits: the job would not find the rows it is about (a page just saved). The
            # database broker's queue row commits with the transaction, so it needs no wait.
            transaction.on_commit(lambda: self._send(task, args, kwargs, result))
        else:
            self._send(task, args, kwargs, result)
        return result

    def _result(self, task, args, kwargs):
        self.validate_task(task)
        return TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

    def _send(self, task, args, kwargs, result):
        from django_q.tasks import async_task

        try:
            if task.run_after is not None:
                self._keep(task, args, kwargs, result, task.run_after, repeats=1)
            else:
                async_task(
                    "ldld_wagtail.backends.tasks.run_task",
                    task.module_path,
                    list(args),
                    dict(kwargs),
                    task_name=task.module_path,
                )
        except BROKER_DOWN:  # the broker (Redis) is down: the save that queued it must not fail
            return self._kept_for_later(task, args, kwargs, result)
        return result

    @staticmethod
    def _keep(task, args, kwargs, result, when, repeats):
        """The job as a django-q2 schedule run once at `when` (repeats=-1: deleted once it is
        queued)."""
        from django_q.models import Schedule
        from django_q.tasks import schedule

        schedule(
            "ldld_wagtail.backends.tasks.run_task",
            task.module_path,
            list(args),
            dict(kwargs),
            name=f"{task.module_path}:{result.id}",
            schedule_type=Schedule.ONCE,
            next_run=when,
            repeats=repeats,
        )

    def _kept_for_later(self, task, args, kwargs, result):
        """The broker took no job: keep it in the database, due now, for the scheduler to queue
        once the broker is back; logged and dropped only if the database is down too."""
        from django.db import DatabaseError

        try:
            self._keep(task, args, kwargs, result, timezone.now(), repeats=-1)
        except DatabaseError:
            logger.warning("Could not queue %s; the broker is unavailable", task.module_path)
            return dataclasses.replace(result, status=TaskResultStatus.FAILED)
        logger.warning(
            "The broker is unavailable: %s kept in the database until it is back",
            task.module_path,
        )
        return result
