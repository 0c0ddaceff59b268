from django.core.management.base import BaseCommand

from home.demo import load_demo


class Command(BaseCommand):
    help = "Build the demo Lào Cai portal: units, sections, news, documents, accounts (idempotent)."

    def handle(self, **options):
        self.stdout.write(load_demo().summary())
