"""Keep the Vietnamese catalogues of Wagtail, wagtail-localize and django-q2 complete.

manage.py upstream_translations --refresh    # after upgrading a package: merge its msgids in
manage.py upstream_translations --missing    # list msgids still without Vietnamese (exit 1)
manage.py upstream_translations --compile    # write the .mo files
"""

from django.core.management.base import BaseCommand, CommandError

from ldld_wagtail import translations


class Command(BaseCommand):
    help = "Làm mới, kiểm tra và biên dịch bản dịch tiếng Việt của Wagtail và các gói đi kèm."

    def add_arguments(self, parser):
        parser.add_argument("--refresh", action="store_true")
        parser.add_argument("--missing", action="store_true")
        parser.add_argument("--compile", action="store_true")

    def handle(self, *args, refresh, missing, compile, **options):
        if not (refresh or missing or compile):
            raise CommandError("Hãy chọn --refresh, --missing hoặc --compile.")
        if refresh:
            wording = translations.project_wording()
            for catalogue in translations.CATALOGUES:
                added, removed = translations.refresh(catalogue, wording)
                self.stdout.write(f"{catalogue.package} {catalogue.domain}: +{added} −{removed}")
        if compile:
            translations.compile_all()
        if missing:
            total = 0
            for catalogue in translations.CATALOGUES:
                for entry in translations.missing(catalogue):
                    total += 1
                    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
                    self.stdout.write(
                        f"{catalogue.package} {catalogue.domain}: {context}{entry.msgid!r}"
                    )
            self.stdout.write(f"{total} chuỗi chưa có tiếng Việt.")
            if total:
                raise SystemExit(1)
