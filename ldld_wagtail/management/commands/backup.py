from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ldld_wagtail.backup import BackupError, make_archive


class Command(BaseCommand):
    help = _(
        "Write one archive of the whole site (database, media files, manifest with checksums) "
        "into the folder or file DEST; safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("dest", help=_("a folder (the archive is named by the time) or a file"))

    def handle(self, *args, dest, **options):
        try:
            path = make_archive(dest)
        except BackupError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(_("Backup written: %s") % path)
