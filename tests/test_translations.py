"""Every project string has a Vietnamese translation, and the compiled catalogues match."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
APPS = ["ldld_wagtail", "home", "news", "documents", "qa", "schedule"]
FIELD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr|msgstr\[0\]) (".*")$')


def po_entries(path):
    """(msgid, msgstr) pairs; plural entries give msgstr[0]; a msgid with a context is keyed as
    gettext keys it ("context\x04msgid")."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current = {}, None
        for line in block.splitlines():
            if match := FIELD.match(line):
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            plural = "msgid_plural" in fields
            msgid = fields["msgid"]
            if "msgctxt" in fields:
                msgid = f"{fields['msgctxt']}\x04{msgid}"
            yield msgid, fields.get("msgstr[0]" if plural else "msgstr", ""), plural


@pytest.mark.parametrize("app", APPS)
def test_catalogue_is_complete_and_compiled(app):
    po = ROOT / app / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    with open(po.with_suffix(".mo"), "rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    entries = list(po_entries(po))
    assert entries, f"{po} has no entries"
    assert "#, fuzzy\nmsgid" not in po.read_text(encoding="utf-8")
    for msgid, msgstr, plural in entries:
        assert msgstr, f"untranslated in {po}: {msgid!r}"
        key = (msgid, 0) if plural else msgid
        assert compiled.get(key) == msgstr, f"{po.with_suffix('.mo')} is stale for {msgid!r}"


def test_labels_and_messages_are_vietnamese_for_vietnamese_users():
    from news.models import NewsPage
    from schedule.models import WEEKDAYS

    with translation.override("vi"):
        assert str(NewsPage._meta.verbose_name) == "tin, bài"
        assert str(WEEKDAYS[0]) == "Thứ Hai"
        assert translation.gettext("This week's schedule") == "Lịch công tác tuần này"
        assert translation.gettext("Save draft") == "Lưu bản nháp"  # a Wagtail admin string
    with translation.override("en"):
        assert str(NewsPage._meta.verbose_name) == "news item or article"
        assert str(WEEKDAYS[0]) == "Monday"
