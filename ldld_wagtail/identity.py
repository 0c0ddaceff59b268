"""What identifies a page across databases and exports: its UID and its language."""

import uuid

from wagtail.models import Locale

_locales: dict = {}


def language_of(page) -> str:
    code = _locales.get(page.locale_id)
    if code is None:
        _locales.update(Locale.objects.values_list("pk", "language_code"))
        code = _locales.get(page.locale_id, "")
    return code


def uid(page) -> str:
    """Stable across databases: the translation key and the language, not the row id."""
    return uuid.uuid5(page.translation_key, language_of(page)).hex
