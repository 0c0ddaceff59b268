from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import APIToken

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
        parser.add_argument("--consumer", required=True, help="the consumer's name")

    @transaction.atomic
    def handle(self, *args, consumer, **options):
        name = consumer.strip()
        if not slugify(fold(name)):
            raise CommandError("--consumer needs a name with letters or digits.")
        user = consumer_user(name)
        if user.is_staff or user.is_superuser:
            raise CommandError(f"{user.username} is an admin account: choose another name.")
        _token, key = APIToken.create_token(user=user, name=f"Syndication: {name}"[:255])
        self.stderr.write(f"API key for {name} (user {user.username}); it is shown only once:")
        self.stdout.write(key)
