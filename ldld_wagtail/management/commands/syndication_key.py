from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import APIToken

from ldld_wagtail.models import Outlet
from ldld_wagtail.syndication import CONSUMERS_GROUP
from ldld_wagtail.text import fold


def consumer_user(name: str) -> User:
    """The consumer's account: no password, no admin access, in the consumers' group."""
    username = "syndication-" + slugify(fold(name))[:100]
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": name[:150], "is_staff": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    group, _ = Group.objects.get_or_create(name=CONSUMERS_GROUP)
    user.groups.add(group)
    return user


class Command(BaseCommand):
    help = (
        "Issue an API key for a syndication consumer (e.g. the national union portal) to read "
        "/++api++/@syndication. The key is printed once; revoke it in the admin "
        "(Settings, API tokens)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--consumer", help="the consumer's name (default: the outlet's)")
        parser.add_argument(
            "--outlet",
            help="the code of the outlet (profile [[outlets]]) whose feed the key reads; "
            "without it, the national union portal's",
        )

    @transaction.atomic
    def handle(self, *args, consumer, outlet, **options):
        target = None
        if outlet:
            target = Outlet.objects.filter(code=outlet).first()
            if target is None:
                codes = ", ".join(Outlet.objects.values_list("code", flat=True)) or "—"
                raise CommandError(f"Unknown outlet {outlet!r} (outlets: {codes}).")
        name = (consumer or (target.name if target else "")).strip()
        if not slugify(fold(name)):
            raise CommandError("--consumer needs a name with letters or digits.")
        user = consumer_user(name)
        if user.is_staff or user.is_superuser:
            raise CommandError(f"{user.username} is an admin account: choose another name.")
        if target is not None:
            if target.consumer_id not in (None, user.pk):
                raise CommandError(
                    f"{target.name} is read by {target.consumer.username} already: "
                    "issue its keys with that consumer's name."
                )
            elif Outlet.objects.filter(consumer=user).exclude(pk=target.pk).exists():
                raise CommandError(f"{user.username} reads another outlet's feed.")
            target.consumer = user
            target.save(update_fields=["consumer"])
        _token, key = APIToken.create_token(user=user, name=f"Syndication: {name}"[:255])
        self.stderr.write(f"API key for {name} (user {user.username}); it is shown only once:")
        self.stdout.write(key)
