from django.core.management.base import BaseCommand

from home.bench.data import seed


class Command(BaseCommand):
    help = "Bulk-create live news items for the benchmark (make bench)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, nargs="?", default=10_000)

    def handle(self, count, **options):
        seed(count)
