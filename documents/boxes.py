"""What the documents app adds to a home page (`ldld_wagtail.home_boxes`): the latest
directive documents."""

from ldld_wagtail.home_boxes import home_box

from .models import DirectiveDocumentPage

LATEST = 5


@home_box
def latest_documents(scope) -> dict:
    documents = list(
        scope.in_page_language(DirectiveDocumentPage).order_by("-issued_on", "-pk")[:LATEST]
    )
    return {
        "latest_documents": documents,
        "documents_language_note": scope.language_note(documents),
    }
