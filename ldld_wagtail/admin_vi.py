"""Strings of the project's settings that makemessages cannot see.

Wagtail's own admin strings are in the complete Vietnamese catalogues of
``ldld_wagtail/upstream_locale`` (see ``translations.py``).
"""

from django.utils.translation import gettext_noop as _

# The django-q2 admin section is named by settings.Q_CLUSTER["label"]; settings/ belongs to no
# app, so makemessages would never see that msgid. Listing it here puts it in this catalogue.
DJANGO_Q_LABEL = _("Background jobs")
