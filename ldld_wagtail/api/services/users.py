"""`@users/<id>`: an account's record in plone.restapi's shape. A caller reads his own record;
those who manage the editorial board's accounts (Quy chế 7.6: the head and the web admin, or a
superuser) read anyone's, and `GET @users` lists the accounts for them. Plone's roles are
derived from what the account may do here: Member, Contributor (may add pages somewhere),
Reviewer (acts at a workflow step), Site Administrator (manages accounts), Manager
(superuser)."""

from django.contrib.auth import get_user_model
from django.utils.text import slugify
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.models import GroupPagePermission

from ...models import PortalRole
from ...text import person_name
from ...workflows import ApprovalTask, PublishTask, RouteTask
from .. import batching, errors
from ..base import Service


def manages_accounts(user) -> bool:
    return user.is_active and (
        user.is_superuser
        or PortalRole.objects.filter(group__user=user, manages_accounts=True).exists()
    )


def roles_of(user) -> list[str]:
    groups = list(user.groups.values_list("pk", flat=True))
    roles = ["Member"]
    if (
        user.is_superuser
        or GroupPagePermission.objects.filter(
            group_id__in=groups, permission__codename="add_page"
        ).exists()
    ):
        roles.append("Contributor")
    if user.is_superuser or any(
        step.objects.filter(groups__in=groups, active=True).exists()
        for step in (RouteTask, ApprovalTask, PublishTask)
    ):
        roles.append("Reviewer")
    if manages_accounts(user):
        roles.append("Site Administrator")
    if user.is_superuser:
        roles.append("Manager")
    return roles


class UsersService(Service):
    def record(self, user) -> dict:
        groups = [
            {"id": getattr(getattr(g, "portal_role", None), "code", None) or slugify(g.name),
             "title": g.name}
            for g in user.groups.select_related("portal_role").order_by("name")
        ]  # fmt: skip
        url = self.absolute(f"/@users/{user.get_username()}")
        return {
            "@id": url,
            "id": user.get_username(),
            "username": user.get_username(),
            "fullname": person_name(user),
            "email": user.email,
            "description": "",
            "home_page": "",
            "location": "",
            "portrait": None,
            "roles": roles_of(user),
            "groups": {"@id": url, "items": groups, "items_total": len(groups)},
        }

    def get(self, request):
        user = request.user
        if not user.is_authenticated:
            raise exceptions.NotAuthenticated()
        if len(self.subpath) > 1:
            raise errors.not_found(request.build_absolute_uri())
        if not self.subpath:
            if not manages_accounts(user):
                raise exceptions.PermissionDenied()
            accounts = get_user_model().objects.filter(is_active=True).order_by("username")
            start, size = batching.params(request)
            total = accounts.count()
            return Response(
                {
                    "@id": self.absolute("/@users"),
                    "items_total": total,
                    "items": [self.record(u) for u in accounts[start : start + size]],
                }
            )
        wanted = self.subpath[0]
        if wanted != user.get_username() and not manages_accounts(user):
            raise exceptions.PermissionDenied()
        account = get_user_model().objects.filter(username=wanted, is_active=True).first()
        if account is None:
            raise errors.not_found(request.build_absolute_uri())
        return Response(self.record(account))
