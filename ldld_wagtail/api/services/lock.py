"""`@lock` (GET, POST, DELETE) on Wagtail's own page lock, so that an editor in a Plone
frontend and one in the Wagtail admin see each other's locks.

POST locks the page for a caller who may edit it or lock it, for `timeout` seconds (Plone's 600
by default; `ldld_wagtail.locks` lets a lapsed lock go); PATCH refreshes the caller's lock;
`stealable` is whether the caller may unlock another's lock (Wagtail's unlock permission), not
a property of the lock. DELETE unlocks the caller's own lock, or another's with
`{"force": true}` for those Wagtail lets unlock it. Writes (PATCH, DELETE) to a page locked by
someone else answer 403 in Plone's error shape. A lock taken in the admin has no timeout.
"""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response

from ... import locks
from .. import access, errors
from ..base import Service
from ..serializers.lock import lock_info


def locked_for(page, user) -> bool:
    """Locked by someone else (Wagtail's BasicLock: the locker alone may edit)."""
    if page.locked and page.locked_by_id != getattr(user, "pk", None):
        return not locks.let_go_if_lapsed(page)
    return False


def refuse_if_locked(page, user):
    if locked_for(page, user):
        raise exceptions.PermissionDenied(_("Resource is locked."))


class LockService(Service):
    def get(self, request):
        if self.subpath:
            raise errors.not_found(request.build_absolute_uri())
        page = self.visible_context()
        locks.let_go_if_lapsed(page)
        return Response(lock_info(request, page))

    def post(self, request):
        page = self._editable()
        if locked_for(page, request.user):
            raise exceptions.PermissionDenied(_("Resource is locked."))
        perms = page.permissions_for_user(request.user)
        # Plone locks what its editors may modify (Volto locks a page while it is edited);
        # Wagtail's own lock permission counts too.
        if not (perms.can_lock() or perms.can_edit()):
            raise exceptions.PermissionDenied()
        locks.lock(page, request.user, self._timeout())
        return Response(lock_info(request, page))

    def patch(self, request):
        """Refresh the caller's own lock (plone.restapi's lock refresh)."""
        page = self._editable()
        if not page.locked or page.locked_by_id != request.user.pk:
            raise errors.bad_request(_("You hold no lock on this page."))
        lease = locks.lease_of(page)
        locks.lock(page, request.user, lease.timeout if lease else self._timeout())
        return Response(lock_info(request, page))

    def _timeout(self):
        data = self.request.data if isinstance(self.request.data, dict) else {}
        timeout = data.get("timeout", locks.DEFAULT_TIMEOUT)
        if not isinstance(timeout, int) or isinstance(timeout, bool):
            raise errors.field_error("timeout", _("must be a whole number"))
        if not 1 <= timeout <= locks.MAX_TIMEOUT:
            raise errors.field_error(
                "timeout",
                _("must be between %(low)s and %(high)s") % {"low": 1, "high": locks.MAX_TIMEOUT},
            )
        return timeout

    def delete(self, request):
        page = self._editable()
        force = bool(request.data.get("force")) if isinstance(request.data, dict) else False
        if page.locked:
            own = page.locked_by_id == request.user.pk
            may_steal = force and page.permissions_for_user(request.user).can_unlock()
            if not (own or may_steal):
                raise exceptions.PermissionDenied(_("Resource is locked."))
            locks.unlock(page, request.user)
        return Response(lock_info(request, page))

    def _editable(self):
        if not access.is_editor(self.request.user):
            raise exceptions.NotAuthenticated()
        page = self.visible_context()
        if self.subpath:
            raise errors.not_found(self.request.build_absolute_uri())
        return page
