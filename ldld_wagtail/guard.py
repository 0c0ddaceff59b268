"""Keeping spam out of a public form without outside services (no captcha, no third party).

`FormGuard` gives a form four checks that run before anything is saved (`screen()` before the
form is validated, `admit()` once it is valid):

- a honeypot: a field hidden from people (and from screen readers) that only a robot fills;
- a minimum time to fill: the form carries a signed token with the moment it was served, and a
  submission sent sooner than `min_seconds` after it (or with a token that is missing, forged or
  older than `max_age`) is refused;
- a rate limit per client address, counted in the shared cache (Redis in production) so that it
  holds across every app server: at most `limit` submissions per `window` seconds. IPv6 clients
  are counted per /64 network (one subscriber's block), so a client cannot escape the limit by
  changing addresses inside its own block; every counter expires after its window;
- a size limit on the whole request body.

`LoginGuard` counts failed logins (the admin's login form, `forms.LoginForm`) the same way, per
client network and login name and per client network, and refuses further attempts for a while
once either limit is reached. It cannot lock a person out: the limits are per client network (a
guesser elsewhere leaves the account's owner untouched), every counter expires after its window,
and the answer is the same whether the login name exists or not.

A refused submission raises `Refused` with a message for the reader that does not tell a robot
which check it failed (the rate limit excepted: a person who sent too much should know to wait),
and a `reason` for logs and tests. `plain_text()` strips HTML and control characters from what a
reader typed; `fingerprint()` is what two submissions with the same content share, so that a
form sent twice (a double tap, a reload) can be folded into one.
"""

import hashlib
import html
import ipaddress
import re
import time
import unicodedata

import nh3
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from .text import fold

HONEYPOT_FIELD = "website"
TOKEN_FIELD = "form_token"

# Control characters other than tab and newline, and the invisible format characters used to
# hide or reorder text (zero-width spaces and joiners, bidirectional overrides, BOM).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n{3,}")

GENERIC_REFUSAL = _(
    "Your question could not be sent. Please check the form and send it again in a moment."
)


class Refused(Exception):
    def __init__(self, message, reason: str):
        super().__init__(str(message))
        self.message = message
        self.reason = reason


def plain_text(value: str) -> str:
    """What a reader typed, as plain text: HTML tags removed (the contents of script and style
    elements with them), entities decoded, control and invisible format characters removed,
    Unicode in composed form (NFC), line ends as "\\n", runs of spaces and blank lines folded."""
    text = unicodedata.normalize("NFC", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = html.unescape(nh3.clean(text, tags=set()))
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def fingerprint(*parts: str) -> str:
    """The same for two submissions whose parts differ only in case, accents, spacing and
    punctuation."""
    words = "\x1f".join(" ".join(re.findall(r"\w+", fold(part or ""))) for part in parts)
    return hashlib.sha256(words.encode()).hexdigest()


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or, behind `LDLD_TRUSTED_PROXIES` reverse proxies
    (each appending to X-Forwarded-For), the address the outermost trusted proxy saw."""
    proxies = getattr(settings, "LDLD_TRUSTED_PROXIES", 0)
    address = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            address = hops[-min(proxies, len(hops))]
    return address


def _network(address: str) -> str:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class FormGuard:
    def __init__(
        self,
        name: str,
        min_seconds: float = 4,
        max_age: int = 24 * 3600,
        limit: int = 5,
        window: int = 3600,
        max_body: int = 32 * 1024,
    ):
        self.name = name
        self.min_seconds = min_seconds
        self.max_age = max_age
        self.limit = limit
        self.window = window
        self.max_body = max_body

    @property
    def salt(self) -> str:
        return f"ldld.guard.{self.name}"

    def token(self, now: float | None = None) -> str:
        """The value of the form's hidden token: when it was served, signed."""
        return signing.dumps(
            {"t": round(now if now is not None else time.time(), 3)}, salt=self.salt
        )

    def rate_key(self, request) -> str:
        network = hashlib.sha256(_network(client_address(request)).encode()).hexdigest()[:24]
        return f"ldld:guard:{self.name}:{network}"

    def screen(self, request) -> None:
        """The checks that need nothing from the form: the body's size and the honeypot. Raise
        `Refused` when one fails."""
        if int(request.META.get("CONTENT_LENGTH") or 0) > self.max_body:
            raise Refused(
                _("What you sent is too long. Please shorten your question and send it again."),
                "oversize",
            )
        if request.POST.get(HONEYPOT_FIELD, ""):
            raise Refused(GENERIC_REFUSAL, "honeypot")

    def admit(self, request, now: float | None = None) -> None:
        """For a submission about to be saved: the time it took to fill (from the signed token)
        and the address's limit, which counts it. Raise `Refused` when one fails.

        Run after the form's own validation, so that a person correcting mistakes is neither
        told to wait nor counted against the limit; only what would be saved counts."""
        now = now if now is not None else time.time()
        try:
            served = float(signing.loads(request.POST.get(TOKEN_FIELD, ""), salt=self.salt)["t"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise Refused(GENERIC_REFUSAL, "token") from None
        if now - served < self.min_seconds:
            raise Refused(GENERIC_REFUSAL, "too_fast")
        if now - served > self.max_age:
            raise Refused(
                _("The form was open for too long. Please send your question again."), "expired"
            )
        self.count(request)

    def count(self, request) -> None:
        key = self.rate_key(request)
        cache.add(key, 0, self.window)
        try:
            sent = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, self.window)
            sent = 1
        if sent > self.limit:
            minutes = max(1, self.window // 60)
            raise Refused(
                _(
                    "You have sent several questions in a short time. Please wait about "
                    "%(minutes)d minutes before sending another."
                )
                % {"minutes": minutes},
                "rate_limit",
            )


class LoginGuard:
    """Failed logins, counted in the shared cache per client network and login name (`limit`
    per `window` seconds: settings `LDLD_LOGIN_FAILURES`) and per client network whatever the
    name (`address_limit`: `LDLD_LOGIN_ADDRESS_FAILURES`). `check()` before the password is
    tried, `failed()` after a wrong one, `succeeded()` after a right one (which forgets the
    name's failures from that network)."""

    def __init__(self, name: str = "login", limit=None, address_limit=None):
        self.name = name
        self.limit, self.window = limit or getattr(settings, "LDLD_LOGIN_FAILURES", (5, 900))
        self.address_limit, self.address_window = address_limit or getattr(
            settings, "LDLD_LOGIN_ADDRESS_FAILURES", (30, 900)
        )

    def _keys(self, request, login: str) -> tuple[str, str]:
        network = _network(client_address(request))
        login = unicodedata.normalize("NFC", str(login or "")).strip().casefold()[:150]
        pair = hashlib.sha256(f"{network}\x1f{login}".encode()).hexdigest()[:32]
        alone = hashlib.sha256(network.encode()).hexdigest()[:32]
        return f"ldld:login:{self.name}:{pair}", f"ldld:login:{self.name}:net:{alone}"

    def check(self, request, login: str) -> None:
        """Raise `Refused` when this network has failed too often, for this name or overall."""
        pair, network = self._keys(request, login)
        failures = cache.get_many([pair, network])
        if failures.get(pair, 0) >= self.limit:
            raise self._refusal(self.window)
        if failures.get(network, 0) >= self.address_limit:
            raise self._refusal(self.address_window)

    def failed(self, request, login: str) -> None:
        pair, network = self._keys(request, login)
        _increment(pair, self.window)
        _increment(network, self.address_window)

    def succeeded(self, request, login: str) -> None:
        cache.delete(self._keys(request, login)[0])

    def _refusal(self, window: int) -> Refused:
        return Refused(
            _(
                "Too many failed logins from your network. Please wait about %(minutes)d "
                "minutes and try again."
            )
            % {"minutes": max(1, round(window / 60))},
            "login_limit",
        )


def _increment(key: str, window: int) -> int:
    """Add one to a counter that expires `window` seconds after its first count (atomic)."""
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return 1
