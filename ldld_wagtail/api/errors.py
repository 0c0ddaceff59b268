"""Errors as plone.restapi writes them: `{"type": ..., "message": ...}` and a real status."""

import json
import logging

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from ..backends.storage import is_storage_full
from ..outage import RETRY_AFTER, is_outage, storage_full_message, unavailable_message

logger = logging.getLogger(__name__)

TYPES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    405: "MethodNotAllowed",
    406: "NotAcceptable",
    409: "Conflict",
    412: "PreconditionFailed",
    415: "UnsupportedMediaType",
    429: "TooManyRequests",
    500: "InternalServerError",
    503: "ServiceUnavailable",
    507: "InsufficientStorage",
}


class APIError(exceptions.APIException):
    """An error with a status and a sentence for the client; `errors` names the fields."""

    def __init__(self, status_code: int, message: str, errors=None):
        self.status_code = status_code
        self.errors = errors or []
        super().__init__(message)


def bad_request(message, errors=None):
    return APIError(400, message, errors)


def validation_error(problems):
    """Several fields' problems at once, as plone.restapi's deserializer reports them: the
    message is the list itself (`[{"message", "field", "error"}]`, which Volto's forms parse to
    show each field's message under it), and `errors` holds it too."""
    items = [{"field": p["field"], "message": str(p["message"])} for p in problems]
    message = json.dumps(
        [{"message": p["message"], "field": p["field"], "error": "ValidationError"} for p in items],
        ensure_ascii=False,
    )
    return APIError(400, message, items)


def field_error(field, message):
    return APIError(400, f"{field}: {message}", [{"field": field, "message": str(message)}])


def not_found(url=""):
    return APIError(404, _("Resource not found: %s") % url if url else _("Resource not found."))


def conflict(message):
    return APIError(409, message)


def precondition_failed(message):
    return APIError(412, message)


def body(status_code: int, message: str, errors=None) -> dict:
    data = {"type": TYPES.get(status_code, "Error"), "message": str(message)}
    if errors:
        data["errors"] = errors
    return data


def handle(exc, context):
    """DRF exception handler: every failure, expected or not, in the API's error format."""
    headers = {}
    errors = None
    from ..workflows import StepTaken

    if isinstance(exc, Http404):
        exc = not_found(context["request"].build_absolute_uri())
    elif isinstance(exc, StepTaken):  # another reviewer acted on this step first
        exc = conflict(str(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, DjangoValidationError):
        exc = bad_request("; ".join(exc.messages))
    if isinstance(exc, APIError):
        code, message, errors = exc.status_code, exc.detail, exc.errors
    elif isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        code = 400
        message = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    elif isinstance(exc, exceptions.APIException):
        code = exc.status_code
        message = _message(exc)
        if isinstance(exc, exceptions.Throttled) and exc.wait:
            headers["Retry-After"] = str(int(exc.wait))
        auth = getattr(exc, "auth_header", None)
        if auth:
            headers["WWW-Authenticate"] = auth
    elif is_outage(exc):  # the database is down or restarting: the caller may retry
        logger.warning("API: database unavailable: %s", exc, extra={"outage": True})
        code, message = 503, unavailable_message()
        headers["Retry-After"] = str(RETRY_AFTER)
    elif is_storage_full(exc):  # the disk filled during an upload: nothing of it was kept
        logger.error("API: storage full: %s", exc)
        code, message = 507, storage_full_message()
    else:
        logger.exception("API error", exc_info=exc)
        code, message = 500, _("The server could not answer this request.")
    if code == 401 and "WWW-Authenticate" not in headers:
        headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return Response(body(code, message, errors), status=code, headers=headers)


def _message(exc):
    messages = {
        exceptions.NotAuthenticated: _("You are not authorized to access this resource."),
        exceptions.PermissionDenied: _("You are not allowed to do this."),
        exceptions.MethodNotAllowed: _("This method is not allowed here."),
        exceptions.UnsupportedMediaType: _("Send the request body as application/json."),
    }
    detail = exc.detail
    own = str(detail) != str(getattr(type(exc), "default_detail", ""))
    for cls, text in messages.items():
        if type(exc) is cls and not own:  # a message of ours ("Resource is locked.") is kept
            return text
    return str(detail[0] if isinstance(detail, list) and detail else detail)


def _flatten(detail, prefix=""):
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            out += _flatten(value, name)
        return out
    if isinstance(detail, list):
        if all(isinstance(d, str) for d in detail):
            return [{"field": prefix or "body", "message": str(d)} for d in detail]
        out = []
        for i, d in enumerate(detail):
            out += _flatten(d, f"{prefix}[{i}]")
        return out
    return [{"field": prefix or "body", "message": str(detail)}]
