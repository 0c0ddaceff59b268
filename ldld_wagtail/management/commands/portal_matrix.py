from django.core.management.base import BaseCommand

from ldld_wagtail.matrix import as_markdown, permission_matrix


class Command(BaseCommand):
    help = "Print who may do what in each section (roles × actions), as the portal enforces it."

    def handle(self, *args, **options):
        self.stdout.write(as_markdown(permission_matrix()))
