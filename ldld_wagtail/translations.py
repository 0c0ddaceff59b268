"""Vietnamese for the packages the editors meet: Wagtail's admin, wagtail-localize, django-q2.

Wagtail 8 ships about a fifth of its admin strings in Vietnamese. The plugin keeps a complete
Vietnamese catalogue per upstream catalogue, under ``upstream_locale/<package>/vi/LC_MESSAGES``,
one ``.po`` per package and domain exactly as the package lays out its own, so that each can be
offered back upstream as it is. ``LOCALE_PATHS`` (see ``locale_paths()``) puts them before the
packages' own catalogues, for Django's server-side strings and for the admin's JavaScript catalogue
(``djangojs``) alike.

When a package is upgraded, ``manage.py upstream_translations --refresh`` merges its current
English catalogue in (new msgids come in empty, removed ones go, translations are kept),
``--missing`` lists what still has no Vietnamese, and ``--compile`` writes the ``.mo`` files.
"""

import importlib.util
import site
from dataclasses import dataclass
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent / "upstream_locale"
LANGUAGE = "vi"
HEADER = {
    "Project-Id-Version": "ldld_wagtail upstream translations",
    "Language": LANGUAGE,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=1; plural=0;",
}


@dataclass(frozen=True)
class Catalogue:
    package: str  # the importable package that ships the English catalogue
    domain: str  # "django" or "djangojs"
    template_language: str = "en"  # django-q2 ships no English catalogue: its German one's msgids

    @property
    def source(self) -> Path:
        spec = importlib.util.find_spec(self.package)
        base = Path(next(iter(spec.submodule_search_locations)))
        return base / "locale" / self.template_language / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def upstream_vietnamese(self) -> Path:
        return self.source.parents[2] / LANGUAGE / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def path(self) -> Path:
        return ROOT / self.package / LANGUAGE / "LC_MESSAGES" / f"{self.domain}.po"


CATALOGUES = [
    Catalogue("wagtail", "django"),
    Catalogue("wagtail.admin", "django"),
    Catalogue("wagtail.admin", "djangojs"),
    Catalogue("wagtail.images", "django"),
    Catalogue("wagtail.documents", "django"),
    Catalogue("wagtail.snippets", "django"),
    Catalogue("wagtail.users", "django"),
    Catalogue("wagtail.sites", "django"),
    Catalogue("wagtail.search", "django"),
    Catalogue("wagtail.embeds", "django"),
    Catalogue("wagtail.locales", "django"),
    Catalogue("wagtail.contrib.forms", "django"),
    Catalogue("wagtail.contrib.redirects", "django"),
    Catalogue("wagtail.contrib.settings", "django"),
    Catalogue("wagtail.contrib.search_promotions", "django"),
    Catalogue("wagtail.contrib.simple_translation", "django"),
    Catalogue("wagtail.contrib.table_block", "django"),
    Catalogue("wagtail.contrib.typed_table_block", "django"),
    Catalogue("wagtail_localize", "django"),
    Catalogue("wagtail_localize", "djangojs"),
    Catalogue("wagtail_localize.locales", "django"),
    Catalogue("django_q", "django", template_language="de"),
    # What the admin borrows from Django and django-taggit: form and password messages, the
    # "4 weeks ago" of its dates (humanize's naturaltime, timesince), the tags' help text.
    Catalogue("django.conf", "django"),
    Catalogue("django.contrib.auth", "django"),
    Catalogue("django.contrib.humanize", "django"),
    Catalogue("taggit", "django"),
]


def locale_paths() -> list[str]:
    """For settings.LOCALE_PATHS: every upstream catalogue's locale directory."""
    return sorted({str(ROOT / c.package) for c in CATALOGUES})


def key(entry: polib.POEntry) -> tuple[str | None, str]:
    return entry.msgctxt, entry.msgid


def translated(entry: polib.POEntry) -> bool:
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def load(catalogue: Catalogue) -> polib.POFile:
    if catalogue.path.exists():
        return polib.pofile(str(catalogue.path), wrapwidth=100)
    po = polib.POFile(wrapwidth=100)
    po.metadata = dict(HEADER)
    return po


def project_wording() -> dict:
    """key → entry of the project's own Vietnamese catalogues (the installed apps that are not
    installed packages). ``LOCALE_PATHS`` outranks the apps' catalogues, so where a msgid is
    both the project's and a package's, the package catalogue here must carry the project's
    wording, or the project's string would silently read otherwise."""
    from django.apps import apps

    packages = {Path(p).resolve() for p in site.getsitepackages() + [site.getusersitepackages()]}
    wording = {}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if any(path.is_relative_to(p) for p in packages):
            continue
        po = path / "locale" / LANGUAGE / "LC_MESSAGES" / "django.po"
        if po.exists():
            for entry in polib.pofile(str(po)):
                if translated(entry):
                    wording.setdefault(key(entry), entry)
    return wording


def refresh(catalogue: Catalogue, wording: dict) -> tuple[int, int]:
    """Merge the package's current catalogue into ours. A msgid that is also the project's
    takes the project's Vietnamese (``project_wording()``); any other keeps ours; a new one
    takes the package's own Vietnamese, else stays empty. Returns (added, removed)."""
    ours = {key(e): e for e in load(catalogue) if not e.obsolete}
    upstream_vi = {}
    if catalogue.upstream_vietnamese.exists():
        upstream_vi = {
            key(e): e for e in polib.pofile(str(catalogue.upstream_vietnamese)) if translated(e)
        }
    source = polib.pofile(str(catalogue.source))
    merged = polib.POFile(wrapwidth=100)
    merged.metadata = dict(HEADER)
    added = 0
    for entry in source:
        if entry.obsolete or not entry.msgid:
            continue
        new = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural,
            flags=[f for f in entry.flags if f != "fuzzy"],
            comment=entry.comment,
        )
        previous = wording.get(key(entry)) or ours.get(key(entry))
        if key(entry) not in ours:
            added += 1
            previous = previous or upstream_vi.get(key(entry))
        if previous is not None and translated(previous):
            if entry.msgid_plural:
                text = previous.msgstr_plural.get(0) or previous.msgstr
                new.msgstr_plural = {0: text}
            else:
                new.msgstr = previous.msgstr or previous.msgstr_plural.get(0, "")
        elif entry.msgid_plural:
            new.msgstr_plural = {0: ""}
        merged.append(new)
    removed = len(set(ours) - {key(e) for e in merged})
    catalogue.path.parent.mkdir(parents=True, exist_ok=True)
    merged.save(str(catalogue.path))
    return added, removed


def missing(catalogue: Catalogue) -> list[polib.POEntry]:
    return [e for e in load(catalogue) if e.msgid and not translated(e)]


def compile_all() -> int:
    for catalogue in CATALOGUES:
        po = load(catalogue)
        po.metadata = {**HEADER, **po.metadata}
        po.save_as_mofile(str(catalogue.path.with_suffix(".mo")))
    return len(CATALOGUES)
