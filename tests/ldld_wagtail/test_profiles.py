"""`setup_portal`: profiles applied idempotently, dry runs, refused profiles, leftovers reported."""

import io
import json
import re
import tomllib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Page, WorkflowPage

from ldld_wagtail.management.commands import profile_schema
from ldld_wagtail.models import Federation, Quota, RoyaltyRate, Section, Unit, UnitKind
from ldld_wagtail.profile import PROFILE_DIR, SCHEMA_FILE, ProfileError, available, load_profile
from ldld_wagtail.profile_schema import ProfileFile, json_schema_text
from ldld_wagtail.setup import MEDIA_PERMISSIONS, STEP_CLASSES

# The Bình Thuận letter's Q1/2017 table, as the letter's annex lays it out.
Q1_2017_TABLE = Path(__file__).resolve().parents[1] / "data" / "binh_thuan_q1_2017.tsv"

pytestmark = pytest.mark.django_db


def setup_portal(*args):
    out = io.StringIO()
    with translation.override("en"):
        call_command("setup_portal", *args, stdout=out)
    return out.getvalue()


def counts():
    return (
        Page.objects.count(),
        Group.objects.count(),
        Unit.objects.count(),
        Section.objects.count(),
        WorkflowPage.objects.count(),
    )


@pytest.mark.parametrize("profile", ["lao-cai", "binh-thuan"])
def test_second_run_changes_nothing(profile):
    first = setup_portal("--profile", profile)
    assert "Nothing to change" not in first
    before = counts()
    second = setup_portal("--profile", profile)
    assert second.startswith("Nothing to change: the portal already matches the profile.")
    assert counts() == before


def test_dry_run_saves_nothing_and_says_what_would_change():
    before = counts()
    out = setup_portal("--profile", "lao-cai", "--dry-run")
    assert out.startswith("Dry run: nothing was saved.")
    assert "Trưởng Ban Biên tập" in out  # a group it would create
    assert counts() == before


def test_binh_thuan_units_are_the_q1_2017_table_in_its_order():
    """The 24 rows of the table in letter 435/LĐLĐ, read from the source document itself
    (its "CDN" is the usual "CĐN", Công đoàn ngành, typed without the Đ)."""
    text = Q1_2017_TABLE.read_text(encoding="utf-8")
    table = re.findall(r"^(\d+)\t([^\t]+)\t", text, re.MULTILINE)
    assert [int(n) for n, _ in table] == list(range(1, 25))
    setup_portal("--profile", "binh-thuan")
    names = list(Unit.objects.order_by("sort_order", "pk").values_list("name", flat=True))
    assert names == [name.replace("CDN ", "CĐN ") for _, name in table]
    quotas = set(Quota.objects.values_list("period", "news", "articles"))
    assert quotas == {("quarter", 6, 1)}


def broken(tmp_path, old, new, count=1):
    text = (PROFILE_DIR / "lao-cai.toml").read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "where", "what"),
    [
        (
            'type = "news.TopicColumnPage"',
            'type = "news.NoSuchPage"',
            r"sections\[\d+\]\.type \(line \d+\)",
            "unknown page type 'news.NoSuchPage'",
        ),
        (
            'roles = ["thu-ky"]',
            'roles = ["thu-ki"]',
            r"workflows \([a-z-]+\)\.steps\[1\]\.roles \(line \d+\)",
            "unknown role 'thu-ki': declare it under [[roles]]",
        ),
        (
            'valid_from = "2021-01-01"',
            'valid_from = "2021-02-30"',
            r"units\[\d+\]\.valid_from \(line \d+\)",
            "not a date (YYYY-MM-DD): '2021-02-30'",
        ),
        (
            'office_hours = [["07:30", "11:30"], ["13:30", "17:00"]]',
            'office_hours = [["07:30", "14:00"], ["13:30", "17:00"]]',
            r"calendar\.office_hours",
            "periods must be in order and not overlap",
        ),
        (
            'asker_name = "given_name"',
            'asker_name = "nickname"',
            r"questions\.asker_name \(line \d+\)",
            "must be one of full, initials, given_name",
        ),
    ],
)
def test_a_broken_profile_is_refused_whole_with_file_key_and_reason(
    tmp_path, old, new, where, what
):
    path = broken(tmp_path, old, new)
    before = counts()
    with pytest.raises(CommandError) as error:
        setup_portal("--profile", str(path))
    message = str(error.value)
    assert str(path) in message
    assert re.search(where, message), message
    assert what in message
    assert counts() == before  # nothing half-applied


def test_overlapping_rates_are_refused(tmp_path):
    text = (PROFILE_DIR / "lao-cai.toml").read_text(encoding="utf-8")
    rate = re.search(r"\[\[rates\]\]\n(?:[^\[\n].*\n)+", text).group(0)
    path = tmp_path / "overlap.toml"
    path.write_text(text + "\n" + rate, encoding="utf-8")
    with pytest.raises(CommandError, match="validity overlaps rates"):
        setup_portal("--profile", str(path))


def test_a_section_dropped_from_the_profile_is_kept_and_reported(tmp_path):
    setup_portal("--profile", "lao-cai")
    text = (PROFILE_DIR / "lao-cai.toml").read_text(encoding="utf-8")
    # Drop the videos section (a leaf section) from the profile.
    block = re.search(r'\[\[sections\]\]\ncode = "video"\n(?:[^\[\n].*\n|\n)+', text).group(0)
    path = tmp_path / "smaller.toml"
    path.write_text(text.replace(block, ""), encoding="utf-8")
    video = Section.objects.get(code="video").page_id
    out = setup_portal("--profile", str(path))
    assert "Kept, but no longer in the profile:" in out
    assert "video" in out.split("Kept, but no longer in the profile:")[1]
    assert Page.objects.filter(pk=video).exists()


def test_subsite_page_types_come_from_the_profile_or_settings(settings, tmp_path):
    """The plugin names no site page type: without LDLD_PAGE_TYPES the profile must."""
    settings.LDLD_PAGE_TYPES = {}
    with pytest.raises(CommandError, match=r"subsites\.type"):
        setup_portal("--profile", "lao-cai")
    text = (PROFILE_DIR / "lao-cai.toml").read_text(encoding="utf-8")
    named = text.replace(
        "[subsites]\n",
        '[subsites]\ntype = "home.SubSiteHomePage"\nintro_type = "home.UnitIntroPage"\n',
        1,
    )
    path = tmp_path / "named.toml"
    path.write_text(named, encoding="utf-8")
    setup_portal("--profile", str(path))
    assert Section.objects.get(code="sa-pa").page.specific_class.__name__ == "SubSiteHomePage"


# --- the profile's schema: unknown keys, the models' vocabularies, the published JSON Schema ----


def refusal(path):
    with pytest.raises(CommandError) as error:
        setup_portal("--profile", str(path))
    return str(error.value)


def line_of(path, text):
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def unit_index(code):
    data = tomllib.loads((PROFILE_DIR / "lao-cai.toml").read_text(encoding="utf-8"))
    return [unit["code"] for unit in data["units"]].index(code)


def test_an_unknown_key_is_refused_with_file_key_path_and_line(tmp_path):
    path = broken(tmp_path, 'short_name = "UBKT"', 'shortname = "UBKT"')
    where = f"units[{unit_index('ubkt')}].shortname (line {line_of(path, 'shortname')})"
    assert f"{path}: {where}: unknown key" in refusal(path)


def test_a_unit_kind_the_models_do_not_have_is_refused_naming_those_they_have(tmp_path):
    path = broken(tmp_path, 'kind = "committee"', 'kind = "commission"')
    where = f"units[{unit_index('ubkt')}].kind (line {line_of(path, 'commission')})"
    kinds = ", ".join(UnitKind.values)
    message = refusal(path)
    assert f"{path}: {where}: unknown unit kind 'commission' (one of {kinds})" in message
    with translation.override("vi"), pytest.raises(ProfileError) as error:
        load_profile(str(path))
    assert f"{where}: loại đơn vị không xác định 'commission'" in str(error.value)


def test_a_reference_across_tables_is_still_checked_with_its_line(tmp_path):
    path = broken(tmp_path, 'owner = "pho-ban"', 'owner = "pho-ban-x"')
    where = f"fields (to-chuc-kiem-tra).owner (line {line_of(path, 'pho-ban-x')})"
    assert f"{path}: {where}: unknown role 'pho-ban-x'" in refusal(path)


def test_the_published_schema_is_the_one_the_reader_declares():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text()
    out = io.StringIO()
    call_command("profile_schema", "--check", stdout=out)
    assert "up to date" in out.getvalue()
    # The vocabularies are the models' own.
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$defs"]["Unit"]["properties"]["kind"]["enum"] == UnitKind.values
    kinds = schema["$defs"]["Rates"]["properties"]["kind"]["enum"]
    assert kinds == [kind for kind, _label in RoyaltyRate.KINDS]
    periods = schema["$defs"]["Quota"]["properties"]["period"]["enum"]
    assert periods == [p for p, _label in Quota._meta.get_field("period").choices]
    # Those only a profile has are the ones setup_portal applies.
    assert set(schema["$defs"]["Step"]["properties"]["kind"]["enum"]) == set(STEP_CLASSES)
    assert set(schema["$defs"]["Role"]["properties"]["media"]["enum"]) == set(MEDIA_PERMISSIONS)


def test_profile_schema_writes_the_schema_and_check_refuses_a_stale_one(tmp_path, monkeypatch):
    stale = tmp_path / "profile.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(profile_schema, "SCHEMA_FILE", stale)
    with pytest.raises(CommandError, match="out of date"):
        call_command("profile_schema", "--check", stdout=io.StringIO())
    assert stale.read_text(encoding="utf-8") == "{}\n"
    call_command("profile_schema", stdout=io.StringIO())
    assert stale.read_text(encoding="utf-8") == json_schema_text()


@pytest.mark.parametrize("profile", available())
def test_each_shipped_profile_fits_the_schema_and_names_it(profile):
    text = (PROFILE_DIR / f"{profile}.toml").read_text(encoding="utf-8")
    assert text.startswith("#:schema ./profile.schema.json\n")
    ProfileFile.model_validate(tomllib.loads(text))


def test_the_question_desk_takes_its_topics_and_naming_rule_from_the_profile(tmp_path):
    setup_portal("--profile", "lao-cai")
    federation = Federation.current()
    assert federation.question_topics[:3] == [
        "Tiền lương",
        "Thời giờ làm việc",
        "Hợp đồng lao động",
    ]
    assert (federation.asker_name, federation.asker_unit_shown) == ("given_name", True)
    path = broken(tmp_path, 'asker_name = "given_name"', 'asker_name = "initials"')
    setup_portal("--profile", str(path))
    assert Federation.current().asker_name == "initials"
