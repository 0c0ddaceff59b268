"""Vietnamese for the Wagtail admin strings editors meet first.

Wagtail 8 ships only about 190 Vietnamese admin strings, so the editors' menu, dashboard and
page editor were largely in English. These msgids are Wagtail's own; listing them here puts
them in this app's catalogue, which Django consults before Wagtail's (the app comes first in
INSTALLED_APPS). Only the Vietnamese catalogue gives them a translation.
"""

from django.utils.translation import gettext_noop as _

WAGTAIL_ADMIN_STRINGS = [
    # Wagtail's own Vietnamese for these runs words together ("Xuất bảnvà Xuất bản").
    _("%(label)s and Publish"),
    _("Resubmit to %(task_name)s"),
    _("Submit to %(workflow_name)s"),
    _("Reports"),
    _("Help"),
    _("Search all pages…"),
    _("Images"),
    _("Documents"),
    _("Snippets"),
    _("Collections"),
    _("Redirects"),
    _("Workflows"),
    _("Workflow tasks"),
    _("Locked pages"),
    _("Aging pages"),
    _("Site history"),
    _("Add child page"),
    _("Save draft"),
    _("Move"),
    _("History"),
    _("Slug"),
    _("Content"),
    _("Promote"),
    _("Live"),
    _("Updated"),
    _("Type"),
    _("Page type"),
    _("Explore child pages"),
    _("Sort"),
    _("Your pages in a workflow"),
    _("Your most recently edited pages"),
    _("Pages awaiting your review"),
    _("Log out"),
    _("Request changes"),
    _("Explorer"),
    _("Sort menu order"),
    _("More"),
    _("Actions"),
    _("Editor's guide"),
    _("Filter"),
    _("Clear"),
    _("Submit to moderation"),
    _("Submit for review"),
    _("Approve and publish"),
    _("Page title"),
    _("Show in menus"),
    _("Search engine optimisation"),
    _("Privacy"),
]

# The django-q2 admin section is named by settings.Q_CLUSTER["label"]; settings/ belongs to no
# app, so makemessages would never see that msgid. Listing it here puts it in this catalogue.
DJANGO_Q_LABEL = _("Background jobs")

# Wagtail's and Django's upload checks (images and documents, in the admin and the API).
UPLOAD_STRINGS = [
    _("Not a supported image format. Supported formats: %(supported_formats)s."),
    _(
        "Not a valid .%(extension)s image. The extension does not match the file format "
        "(%(image_format)s)"
    ),
    _("This file is too big (%(file_size)s). Maximum filesize %(max_filesize)s."),
    _("This file has too many pixels (%(num_pixels)s). Maximum pixels %(max_pixels_count)s."),
    _("This file is too big. Maximum filesize %(max_filesize)s."),
    _("Supported formats: %(supported_formats)s. Maximum filesize: %(max_upload_size)s."),
    _("Supported formats: %(supported_formats)s."),
    _(
        "File extension “%(extension)s” is not allowed. "
        "Allowed extensions are: %(allowed_extensions)s."
    ),
]

# The page editor's confirmations.
EDITOR_MESSAGES = [
    _("View draft"),
    _("Page '%(page_title)s' created."),
    _("Page '%(page_title)s' created and scheduled for publishing."),
    _("Page '%(page_title)s' created and published."),
    _("Page '%(page_title)s' created and submitted for moderation."),
    _("Page '%(page_title)s' has been published."),
    _("Page '%(page_title)s' has been submitted for moderation."),
    _("Page '%(page_title)s' has been updated."),
]
