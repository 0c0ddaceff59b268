"""What the clerk sees of a directive document's files on its edit form: whether the text of
each was read (and so can be found), a scan without a text layer flagged, and how many times
readers have downloaded it."""

from django.core.exceptions import ObjectDoesNotExist
from wagtail.admin.panels import Panel


class FileStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "documents/panels/file_status.html"

        def is_shown(self):
            return bool(self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            rows = []
            for attachment in self.instance.attachments.all():
                if not attachment.document_id:
                    continue
                document = attachment.document
                rows.append(
                    {
                        "document": document,
                        "label": attachment.label or document.title,
                        "text": _related(document, "extracted_text"),
                        "downloads": getattr(_related(document, "download_stats"), "count", 0),
                    }
                )
            context["rows"] = rows
            return context


def _related(document, name):
    try:
        return getattr(document, name)
    except ObjectDoesNotExist:
        return None
