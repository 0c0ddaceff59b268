from django.core.management.base import BaseCommand

from home.demo import load_demo


class Command(BaseCommand):
    help = "Build the demo Lào Cai portal: sections, units, news, documents, accounts (idempotent)."

    def handle(self, **options):
        created = load_demo()
        if created:
            summary = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Created: {summary}"))
        else:
            self.stdout.write("The demo portal is already complete: nothing to create.")
