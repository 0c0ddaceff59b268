"""The portal's root URL, from one place.

Canonical links and every link in an email come from the Wagtail `Site` the page belongs to
(`Site.root_url`). A new site gets its host and port from `WAGTAILADMIN_BASE_URL`, which
production sets from the environment and which defaults to what `make run` serves.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site

# What the first site of an empty database used to get, before the root URL was configured.
PLACEHOLDER = ("localhost", 80)


def configured_host() -> tuple[str, int]:
    """(hostname, port) of the configured root URL."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname or "localhost", port


def root_url_for(page=None) -> str:
    """The root URL of the page's site (or the default site), without a trailing slash."""
    site = page.get_site() if page is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url.rstrip("/")


def site_host_values(site) -> dict:
    """Host and port to give `site`: the configured ones for a new or placeholder site; a site
    whose host an administrator has set is left as it is."""
    if site is not None and (site.hostname, site.port) != PLACEHOLDER:
        return {}
    hostname, port = configured_host()
    return {"hostname": hostname, "port": port}
