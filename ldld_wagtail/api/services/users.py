"""`@users/<id>`: an account's record in plone.restapi's shape. A caller reads his own record;
those who manage the editorial board's accounts (Quy chế 7.6: the head and the web admin, or a
superuser) read anyone's, and `GET @users` lists the accounts for them. Plone's roles are
derived from what the account may do here: Member, Contributor (may add pages somewhere),
Reviewer (acts at a workflow step), Site Administrator (manages accounts), Manager
(superuser).

Writes follow the board's account rules (Quy chế 7.6, `ldld_wagtail.accounts`): `POST @users`
(those who manage accounts) creates an account, `PATCH @users/<id>` changes a name, an email
or, for those who manage accounts, the roles (`groups`: the profile's role codes). An account
made or given new roles by someone who does not approve accounts waits, inactive, for the
head's approval, exactly as in the admin. Passwords are not set here: a new account without
one gets the password-reset mail's way in (Django's own)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.models import GroupPagePermission

from ... import accounts
from ...models import PortalRole
from ...text import person_name
from ...workflows import ApprovalTask, PublishTask, RouteTask
from .. import batching, errors
from ..base import Service
from ..serializers.deserialize import Problems


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
        return Response(self.record(self.account()))

    def account(self):
        """The account named in the URL, for itself or for those who manage accounts (who
        also see inactive ones: those waiting for approval)."""
        user, wanted = self.request.user, self.subpath[0]
        manager = manages_accounts(user)
        if wanted != user.get_username() and not manager:
            raise exceptions.PermissionDenied()
        accounts_ = get_user_model().objects.filter(username=wanted)
        account = (accounts_ if manager else accounts_.filter(is_active=True)).first()
        if account is None:
            raise errors.not_found(self.request.build_absolute_uri())
        return account

    def post(self, request):
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        if self.subpath:
            raise errors.not_found(request.build_absolute_uri())
        if not manages_accounts(request.user):
            raise exceptions.PermissionDenied()
        data = self.json_body()
        problems = Problems()
        username = data.get("username") or data.get("id")
        model = get_user_model()
        if not isinstance(username, str) or not username.strip():
            problems.add("username", _("is required"))
        else:
            username = username.strip()
            try:
                model._meta.get_field("username").run_validators(username)
            except ValidationError as exc:
                problems.add("username", " ".join(exc.messages))
            if model.objects.filter(username__iexact=username).exists():
                problems.add("username", _("another account already uses this name"))
        if "email" not in data:
            problems.add("email", _("is required"))
        account = model(username=username if isinstance(username, str) else "")
        self.fill(account, data, problems, creating=True)
        with transaction.atomic():
            account.set_unusable_password()
            account.save()
            if "groups" in data:
                account.groups.set(self.roles(data["groups"], problems))
            accounts.changed(request._request, account, created=True)
        record = self.record(account)
        return Response(record, status=201, headers={"Location": record["@id"]})

    def patch(self, request):
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        if len(self.subpath) != 1:
            raise errors.not_found(request.build_absolute_uri())
        account = self.account()
        data = self.json_body()
        if "groups" in data and not manages_accounts(request.user):
            raise exceptions.PermissionDenied(_("Only those who manage accounts change roles."))
        problems = Problems()
        django_request = request._request
        accounts.remember(django_request, account)
        self.fill(account, data, problems, creating=False)
        with transaction.atomic():
            account.save()
            if "groups" in data:
                account.groups.set(self.roles(data["groups"], problems))
                accounts.changed(django_request, account)
        return Response(status=204)

    def fill(self, account, data, problems, creating):
        """Name and email onto `account`, every problem reported at once (nothing saved)."""
        known = {"username", "id", "email", "fullname", "groups", "password"}
        for key in data:
            if key not in known:
                problems.add(key, _("unknown field"))
        if "password" in data:
            problems.add("password", _("Passwords are set by their owners (password reset)."))
        if "username" in data and not creating and data["username"] != account.get_username():
            problems.add("username", _("cannot be changed"))
        if "email" in data:
            email = data["email"]
            try:
                validate_email(email)
            except (ValidationError, TypeError):
                problems.add("email", _("not a valid email address"))
            else:
                account.email = email.strip()
        if "fullname" in data:
            name = data["fullname"]
            if not isinstance(name, str) or not name.strip():
                problems.add("fullname", _("is required"))
            else:
                # Vietnamese order: the last word is the given name, the rest the family name.
                *family, given = name.split()
                account.last_name, account.first_name = " ".join(family)[:150], given[:150]
        if "groups" in data:
            self.roles(data["groups"], problems)
        if creating and not data.get("fullname"):
            problems.add("fullname", _("is required"))
        problems.raise_if_any()

    def roles(self, codes, problems):
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            problems.add("groups", _("must be a list of role codes"))
            problems.raise_if_any()
        roles = {r.code: r.group for r in PortalRole.objects.select_related("group")}
        unknown = [c for c in codes if c not in roles]
        if unknown:
            problems.add("groups", _("unknown role %r") % unknown[0])
        problems.raise_if_any()
        return [roles[c] for c in codes]
