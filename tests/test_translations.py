"""Every project string has a Vietnamese translation, and the compiled catalogues match."""

import ast
import gettext
import io
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.utils import translation

from ldld_wagtail import translations

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


@pytest.mark.parametrize(
    "catalogue", translations.CATALOGUES, ids=lambda c: f"{c.package}-{c.domain}"
)
def test_upstream_catalogue_is_complete_and_compiled(catalogue):
    """Wagtail's, wagtail-localize's and django-q2's strings all have Vietnamese, and the
    compiled catalogue that LOCALE_PATHS serves is the .po's."""
    entries = list(translations.load(catalogue))
    source = [e for e in polib.pofile(str(catalogue.source)) if e.msgid and not e.obsolete]
    assert {translations.key(e) for e in entries} == {translations.key(e) for e in source}
    assert translations.missing(catalogue) == []
    with open(catalogue.path.with_suffix(".mo"), "rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    for entry in entries:
        msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            assert compiled[(msgid, 0)] == entry.msgstr_plural[0]
        else:
            assert compiled[msgid] == entry.msgstr


def test_a_wagtail_upgrade_is_merged_in_and_what_lacks_vietnamese_is_listed(tmp_path, monkeypatch):
    shutil.copytree(translations.ROOT, tmp_path / "upstream_locale")
    monkeypatch.setattr(translations, "ROOT", tmp_path / "upstream_locale")
    admin = next(c for c in translations.CATALOGUES if c.package == "wagtail.admin")
    po = translations.load(admin)
    dropped = next(e for e in po if e.msgid == "Show filters")
    po.remove(dropped)  # as if the installed Wagtail had gained "Show filters"
    po.append(polib.POEntry(msgid="A string Wagtail removed", msgstr="Một chuỗi đã bỏ"))
    kept = next(e for e in po if e.msgid == "Back")
    po.save(str(admin.path))

    out = io.StringIO()
    call_command("upstream_translations", "--refresh", stdout=out)
    assert "wagtail.admin django: +1 −1" in out.getvalue()
    refreshed = {e.msgid: e for e in translations.load(admin)}
    assert "A string Wagtail removed" not in refreshed
    assert refreshed["Back"].msgstr == kept.msgstr  # our Vietnamese kept
    assert refreshed["Show filters"].msgstr == ""  # Wagtail has no Vietnamese for it

    with pytest.raises(SystemExit):
        call_command("upstream_translations", "--missing", stdout=(out := io.StringIO()))
    assert "wagtail.admin django: 'Show filters'" in out.getvalue()
    assert "1 chuỗi chưa có tiếng Việt." in out.getvalue()


def test_nothing_lacks_vietnamese():
    out = io.StringIO()
    call_command("upstream_translations", "--missing", stdout=out)
    assert out.getvalue() == "0 chuỗi chưa có tiếng Việt.\n"


def test_a_string_both_wagtails_and_the_sites_reads_the_same_in_both():
    """LOCALE_PATHS outranks the apps' catalogues: a msgid the site shares with a package
    carries the site's wording there (the site gives a msgctxt where it means something else)."""
    wording = translations.project_wording()
    for catalogue in translations.CATALOGUES:
        for entry in translations.load(catalogue):
            if (ours := wording.get(translations.key(entry))) is not None:
                assert (entry.msgstr or entry.msgstr_plural[0]) == (
                    ours.msgstr or ours.msgstr_plural[0]
                ), entry.msgid
    with translation.override("vi"):
        assert translation.gettext("Email") == "Thư điện tử"
        assert translation.pgettext("the unit in charge of a column", "Edited by") == "Phụ trách:"
        assert translation.gettext("Edited by") == "Người sửa"  # Wagtail's page history
