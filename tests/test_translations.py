"""Every project string has a Vietnamese translation, and the compiled catalogues are current."""

from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
APPS = ["ldld_wagtail", "home", "news", "documents", "qa", "schedule"]


@pytest.mark.parametrize("app", APPS)
def test_catalogue_is_complete_and_compiled(app):
    po = ROOT / app / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    mo = po.with_suffix(".mo")
    text = po.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert entries, f"{po} has no entries"
    for entry in entries:
        last = entry.strip().splitlines()[-1]
        assert last not in ('msgstr ""', 'msgstr[0] ""'), f"untranslated in {po}:\n{entry}"
        assert "#, fuzzy" not in entry, f"fuzzy entry in {po}:\n{entry}"
    assert mo.stat().st_mtime >= po.stat().st_mtime - 1, f"{mo} is older than {po}"


def test_labels_and_messages_are_vietnamese_for_vietnamese_users():
    from news.models import NewsPage
    from schedule.models import WEEKDAYS

    with translation.override("vi"):
        assert str(NewsPage._meta.verbose_name) == "tin, bài"
        assert str(WEEKDAYS[0]) == "Thứ Hai"
        assert translation.gettext("This week's schedule") == "Lịch công tác tuần này"
    with translation.override("en"):
        assert str(NewsPage._meta.verbose_name) == "news item or article"
        assert str(WEEKDAYS[0]) == "Monday"
