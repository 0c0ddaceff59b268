"""Admin template tags: a taken-down item is shown as such, not as a plain draft."""

from django import template

from ..models import Withdrawal

register = template.Library()


@register.simple_tag(takes_context=True)
def open_withdrawal(context, page):
    """The open take-down of a page that is not live, or None.

    Open take-downs are few: they are read once a request (an explorer page lists up to a
    hundred rows) and kept on the request."""
    if page is None or getattr(page, "live", True) or not getattr(page, "pk", None):
        return None
    request = context.get("request")
    found = getattr(request, "_ldld_open_withdrawals", None) if request is not None else None
    if found is None:
        found = {}
        for withdrawal in Withdrawal.objects.filter(restored_at__isnull=True).order_by("at", "pk"):
            found[withdrawal.page_id] = withdrawal
        if request is not None:
            request._ldld_open_withdrawals = found
    return found.get(page.pk)


@register.simple_tag
def portal_site_name(site_name):
    """Wagtail's site name for the dashboard, or the default site's when Wagtail fell back to
    the setting."""
    from django.conf import settings
    from wagtail.models import Site

    if site_name and site_name != getattr(settings, "WAGTAIL_SITE_NAME", None):
        return site_name
    site = Site.objects.filter(is_default_site=True).only("site_name", "hostname").first()
    return (site.site_name or site.hostname) if site else site_name
