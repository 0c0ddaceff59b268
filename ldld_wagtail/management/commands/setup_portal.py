from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ldld_wagtail.profile import ProfileError, available, load_profile
from ldld_wagtail.setup import apply_profile


class Command(BaseCommand):
    help = (
        "Apply a federation profile (a shipped name such as lao-cai or binh-thuan, or a path to "
        "a TOML file): units, groups, permissions, sections, workflows, calendar, quotas and "
        "rates. Safe to run again; never deletes content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--profile", required=True, help=", ".join(available()) + " or a path")
        parser.add_argument("--dry-run", action="store_true", help="show what would change")

    def handle(self, *args, profile, dry_run, **options):
        try:
            report = apply_profile(load_profile(profile), dry_run=dry_run)
        except ProfileError as exc:
            raise CommandError(_("The profile was not applied:") + "\n" + str(exc)) from None
        if dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
        self.stdout.write(str(report))
