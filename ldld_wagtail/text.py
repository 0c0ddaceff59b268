"""Vietnamese text folding: the one place that decides what 'the same word' means for search."""

import re
import unicodedata

_WORD = re.compile(r"\w+", re.UNICODE)
# Letters that carry no combining mark in Unicode, so NFD leaves them alone.
_EXTRA = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})


def exact_tokens(text: str) -> list[str]:
    """Lower-cased words with their accents, in NFC form."""
    return _WORD.findall(unicodedata.normalize("NFC", text or "").lower())


def fold(text: str) -> str:
    """Lower-case and strip every diacritic: 'Công Đoàn' -> 'cong doan'."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_EXTRA).lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def folded_tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def token_string(tokens: list[str]) -> str:
    """Space-padded so that ' word ' finds a whole word with a plain substring test."""
    return f" {' '.join(tokens)} " if tokens else ""


def person_name(user) -> str:
    """A user's name in Vietnamese order, family name first ("Phạm Thu Hằng": last name "Phạm
    Thu", first name "Hằng"); the username when no name is given."""
    if user is None:
        return ""
    name = " ".join(part for part in (user.last_name, user.first_name) if part.strip())
    return name or user.get_username()
