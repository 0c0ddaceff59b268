"""When the database cannot be reached: a Vietnamese 503 with `Retry-After`, not a stack trace.

`server_error` is the site's `handler500`. Django calls it for any exception a view or a
middleware let through, from inside the `except` block, so the exception is still at hand:
when it is the database's (`OperationalError`, `InterfaceError`: the server stopped, restarting
or out of connections), the reader gets `503 Service Unavailable` with `Retry-After`, the page
`503.html` (the site's, or the plugin's own `ldld_wagtail/503.html`) rendered without a request
context, so that nothing in it needs the database; under `/++api++/` the answer is JSON in
plone.restapi's error shape. The API's own exception handler answers the same for errors its
views raise (`api.errors.handle`).

When the disk filled while an upload was written (`backends.storage.StorageFull`: the partial
file is already gone and no row was saved), the editor is told so in Vietnamese with
`507 Insufficient Storage`: a page, plone.restapi's error shape under the API, or, for the
admin's drag-and-drop upload, the JSON answer its script shows beside the file. Anything else
is Django's own 500.

Nothing is kept between requests: Django closes a connection that failed at the end of the
request, and the next request opens a new one, so the site recovers by itself as soon as the
database is back. Anonymous readers of cached pages never reach this: the page cache
(`ldld_wagtail.cache`) answers before the database is needed, and answers a listing that a
publish made out of date with its copy of before, rather than this page, while the database
cannot build the new one (never one that an item's take-down made out of date).
"""

import logging
import sys
import threading
import time

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.defaults import server_error as django_server_error

from .backends.storage import is_storage_full

RETRY_AFTER = 30  # seconds: a database restart, a failover
API_PREFIX = "/++api++"


def is_outage(exc) -> bool:
    return isinstance(exc, OperationalError | InterfaceError)


class OutageLogFilter(logging.Filter):
    """Django logs every request it answers with an error, with its traceback: while the
    database is down that is one traceback per reader (about 6,800 of them, 20 MB, for a
    20-second stop under load). For errors of the database's absence, this keeps the first and
    then one line every `EVERY` seconds saying how many were left out, the traceback at most
    every `TRACEBACK_EVERY` seconds. Other records pass untouched."""

    EVERY = 5.0
    TRACEBACK_EVERY = 60.0

    def __init__(self, name=""):
        super().__init__(name)
        self._lock = threading.Lock()
        self._shown = self._traceback = float("-inf")
        self._left_out = 0

    def filter(self, record) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if not (is_outage(exc) or getattr(record, "outage", False)):
            return True
        now = time.monotonic()
        with self._lock:
            if now - self._shown < self.EVERY:
                self._left_out += 1
                return False
            if self._left_out:
                record.msg = f"{record.msg} (and {self._left_out} more since the last line)"
            self._shown, self._left_out = now, 0
            if now - self._traceback < self.TRACEBACK_EVERY:
                record.exc_info, record.exc_text = None, None
            else:
                self._traceback = now
        return True


def unavailable_message() -> str:
    return _("The portal cannot reach its database for a moment. Please try again shortly.")


def api_unavailable() -> JsonResponse:
    response = JsonResponse(
        {"type": "ServiceUnavailable", "message": unavailable_message()},
        status=503,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Retry-After"] = str(RETRY_AFTER)
    response.ldld_outage = True  # the page cache may answer with the copy of before instead
    return response


def unavailable(request) -> HttpResponse:
    if request.path.startswith(API_PREFIX):
        return api_unavailable()
    template = loader.select_template(["503.html", "ldld_wagtail/503.html"])
    response = HttpResponse(
        template.render({"message": unavailable_message(), "retry_after": RETRY_AFTER}),
        status=503,
    )
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response.ldld_outage = True
    return response


def storage_full_message() -> str:
    return _(
        "The server has run out of storage space: your file was not saved and nothing was "
        "left half-written. Please tell the web administrator, then upload it again."
    )


def storage_full(request) -> HttpResponse:
    message = storage_full_message()
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {"type": "InsufficientStorage", "message": message},
            status=507,
            json_dumps_params={"ensure_ascii": False},
        )
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        # Wagtail's multiple upload shows `error_message` beside the file, from a 200 answer
        # only: a failed status would show the English reason phrase instead.
        return JsonResponse({"success": False, "error_message": message})
    template = loader.select_template(["507.html", "ldld_wagtail/507.html"])
    response = HttpResponse(template.render({"message": message}), status=507)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, *args, **kwargs):
    exc = sys.exc_info()[1]
    if is_outage(exc):
        return unavailable(request)
    if is_storage_full(exc):
        return storage_full(request)
    if request.path.startswith(API_PREFIX):  # plone.restapi's error shape, as api.errors
        return JsonResponse(
            {
                "type": "InternalServerError",
                "message": _("The server could not answer this request."),
            },
            status=500,
            json_dumps_params={"ensure_ascii": False},
        )
    return django_server_error(request, *args, **kwargs)
