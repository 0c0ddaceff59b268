"""The public side of the question desk: the form on the Q&A page and the status look-up.

Both answer with `Cache-Control: private, no-store`: the form carries a token with the moment it
was served (the minimum time to fill counts from it) and a CSRF token, and the look-up shows one
asker's status, so neither is kept by the page cache or a proxy.

The order of the checks (`ldld_wagtail.guard`): the body's size and the honeypot first; then the
form's own validation, whose errors are shown next to their fields with what was typed; then,
for a valid question only, the time taken to fill and the address's hourly limit, which counts
only questions that would be saved.
"""

import hmac

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from ldld_wagtail.guard import TOKEN_FIELD, FormGuard, Refused, client_address
from ldld_wagtail.models import Federation

from .forms import LookupForm, QuestionForm, normalise_phone


def ask_guard() -> FormGuard:
    limit, window = settings.LDLD_QUESTION_RATE
    return FormGuard(
        "question", min_seconds=settings.LDLD_QUESTION_MIN_SECONDS, limit=limit, window=window
    )


def lookup_guard() -> FormGuard:
    limit, window = settings.LDLD_QUESTION_LOOKUP_RATE
    return FormGuard("question-lookup", limit=limit, window=window)


def _private(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def _topics() -> list[str]:
    federation = Federation.current()
    return list(federation.question_topics) if federation else []


def _blank_form(guard) -> QuestionForm:
    return QuestionForm(initial={TOKEN_FIELD: guard.token()}, topics=_topics())


def ask(index, request):
    """GET: the listing with the form. POST: a question sent from the form."""
    guard = ask_guard()
    status = 200
    refusal = None
    received = None
    if request.method != "POST":
        form = _blank_form(guard)
    else:
        form = QuestionForm(request.POST, topics=_topics())
        try:
            guard.screen(request)
            if form.is_valid():
                guard.admit(request)
                received, _folded = index.receive_question(
                    form.cleaned_data, client_address(request)
                )
        except Refused as refused:
            refusal = refused
            status = 429 if refused.reason == "rate_limit" else 400
            form.is_valid()  # what was typed comes back, with its own errors
        if received is not None:
            form = _blank_form(guard)  # for another question
        else:
            # A fresh token: the minimum time counts again from this answer.
            form.data = form.data.copy()
            form.data[TOKEN_FIELD] = guard.token()
    context = index.get_context(request)
    context.update(form=form, refusal=refusal, received=received)
    response = TemplateResponse(request, index.get_template(request), context, status=status)
    return _private(response)


def contact_matches(record, contact: str) -> bool:
    """Whether `contact` is the email (any case) or the phone (any writing) the asker gave."""
    contact = contact.strip()
    given = contact.lower() if "@" in contact else normalise_phone(contact)
    held = record.email if "@" in contact else record.phone
    return bool(held) and hmac.compare_digest(given.encode(), held.encode())


def lookup(index, request):
    """A question's status from its reference and the email or phone the asker gave."""
    found = None
    refusal = None
    status = 200
    if request.method == "POST":
        form = LookupForm(request.POST)
        try:
            lookup_guard().count(request)
        except Refused as refused:
            refusal, status = refused, 429
        else:
            if form.is_valid():
                record = index.find_submission(form.cleaned_data["reference"])
                if record is not None and contact_matches(record, form.cleaned_data["contact"]):
                    found = record
                else:
                    status = 404
                    form.add_error(None, LookupForm.not_found_message)
    else:
        form = LookupForm(initial={"reference": request.GET.get("ma", "")[:20]})
    context = {"page": index, "self": index, "form": form, "found": found, "refusal": refusal}
    response = TemplateResponse(request, "qa/lookup.html", context, status=status)
    return _private(response)
