"""`@lock` (GET, POST, DELETE) on Wagtail's own page lock, so that an editor in a Plone
frontend and one in the Wagtail admin see each other's locks.

POST locks the page for a caller who may edit it or lock it (`{"stealable": …, "timeout": …}`
are accepted; Wagtail's locks do not expire, so `timeout` is reported as 0); DELETE unlocks the
caller's own lock, or another's with `{"force": true}` for those Wagtail lets unlock it. Writes
(PATCH, DELETE) to a page locked by someone else answer 403 in Plone's error shape.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.log_actions import log

from .. import access, errors
from ..base import Service
from ..serializers.lock import lock_info


def locked_for(page, user) -> bool:
    """Locked by someone else (Wagtail's BasicLock: the locker alone may edit)."""
    return bool(page.locked and page.locked_by_id != getattr(user, "pk", None))


def refuse_if_locked(page, user):
    if locked_for(page, user):
        raise exceptions.PermissionDenied(_("Resource is locked."))


class LockService(Service):
    def get(self, request):
        if self.subpath:
            raise errors.not_found(request.build_absolute_uri())
        return Response(lock_info(request, self.visible_context()))

    def post(self, request):
        page = self._editable()
        if locked_for(page, request.user):
            raise exceptions.PermissionDenied(_("Resource is locked."))
        perms = page.permissions_for_user(request.user)
        # Plone locks what its editors may modify (Volto locks a page while it is edited);
        # Wagtail's own lock permission counts too.
        if not (perms.can_lock() or perms.can_edit()):
            raise exceptions.PermissionDenied()
        if not page.locked:
            page.locked, page.locked_by, page.locked_at = True, request.user, timezone.now()
            page.save(update_fields=["locked", "locked_by", "locked_at"])
            log(instance=page, action="wagtail.lock", user=request.user)
        return Response(lock_info(request, page))

    def delete(self, request):
        page = self._editable()
        force = bool(request.data.get("force")) if isinstance(request.data, dict) else False
        if page.locked:
            own = page.locked_by_id == request.user.pk
            may_steal = force and page.permissions_for_user(request.user).can_unlock()
            if not (own or may_steal):
                raise exceptions.PermissionDenied(_("Resource is locked."))
            page.locked, page.locked_by, page.locked_at = False, None, None
            page.save(update_fields=["locked", "locked_by", "locked_at"])
            log(instance=page, action="wagtail.unlock", user=request.user)
        return Response(lock_info(request, page))

    def _editable(self):
        if not access.is_editor(self.request.user):
            raise exceptions.NotAuthenticated()
        page = self.visible_context()
        if self.subpath:
            raise errors.not_found(self.request.build_absolute_uri())
        return page
