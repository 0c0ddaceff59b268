"""What the questions app adds to a home page (`ldld_wagtail.home_boxes`): the latest answers."""

from ldld_wagtail.home_boxes import home_box

from .models import QuestionPage

LATEST = 5


@home_box
def latest_answers(scope) -> dict:
    answers = list(scope.in_page_language(QuestionPage).order_by("-answered_on", "-pk")[:LATEST])
    return {"latest_answers": answers, "answers_language_note": scope.language_note(answers)}
