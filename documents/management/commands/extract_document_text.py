"""Read the text of documents' files now, in this process: after a deployment (the files
uploaded before full-text search existed), or with --again after a better extractor."""

import time

from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from documents.fulltext import read_document


class Command(BaseCommand):
    help = "Read the text inside documents' PDF and DOCX files (those not read yet)."

    def add_arguments(self, parser):
        parser.add_argument("--again", action="store_true", help="read every file again")

    def handle(self, *args, again=False, **options):
        ids = get_document_model().objects.order_by("pk").values_list("pk", flat=True)
        done: dict[str, int] = {}
        started = time.perf_counter()
        for pk in ids:
            outcome = read_document(pk, again=again)
            done[outcome] = done.get(outcome, 0) + 1
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(done.items())) or "no documents"
        self.stdout.write(f"{summary} ({time.perf_counter() - started:.1f} s)")
