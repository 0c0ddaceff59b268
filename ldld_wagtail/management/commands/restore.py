from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ldld_wagtail.backup import BackupError, restore_archive


class Command(BaseCommand):
    help = _(
        "Rebuild the site from an archive of `backup` in an empty (or freshly migrated) database "
        "and empty media folders; refuses a damaged archive or one newer than the code."
    )

    def add_arguments(self, parser):
        parser.add_argument("src", help=_("the archive"))

    def handle(self, *args, src, **options):
        try:
            restore_archive(src, stdout=self.stdout)
        except BackupError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(_("The site is restored from %s.") % src)
