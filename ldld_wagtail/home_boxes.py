"""What a home page shows of the portal's sections, gathered in a fixed number of queries.

The plugin imports no site app, and site apps import only the plugin: a section app says what
it adds to a home page by registering a box, a function of a `HomeScope` that returns context
entries (the news app its featured items and columns, the documents app the latest documents…):

    @home_box
    def latest_documents(scope):
        documents = list(scope.in_page_language(DirectiveDocumentPage).order_by(...)[:5])
        return {"latest_documents": documents,
                "documents_language_note": scope.language_note(documents)}

A translation of the home page (the English one) has few pages of its own under it. A box
therefore reads from its own tree and from the source-language home's tree together
(`in_page_language`): a source item only where it has no live translation under this home, the
newest items whatever their language, each in the page's language where it has been
translated; the template marks the others with their language (`language_note`). Images a
box shows are handed to `prefetch_images`, and their renditions read in one query for all.
"""

from typing import NamedTuple

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When, prefetch_related_objects
from django.utils.translation import get_language_info, gettext
from wagtail.models import Locale, Page

from .cache import generation_cached
from .visibility import live_public

_boxes: list = []


def home_box(box):
    """Decorator: `box(scope) -> dict` adds its entries to every home page's context."""
    if box not in _boxes:
        _boxes.append(box)
    return box


class Source(NamedTuple):
    """The source-language home of a translated home page: where its untranslated items are."""

    path: str
    locale_id: int
    language: str


def _languages(home) -> tuple[str, Source | None]:
    """The home page's language code and, for a translation, its source-language home: two
    small queries once per page-cache generation."""

    def compute():
        language = (
            Locale.objects.filter(pk=home.locale_id).values_list("language_code", flat=True).first()
        ) or settings.LANGUAGE_CODE
        if language == settings.LANGUAGE_CODE:
            return language, None
        row = (
            Page.objects.filter(
                translation_key=home.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .values_list("path", "locale_id")
            .first()
        )
        return language, (Source(*row, settings.LANGUAGE_CODE) if row else None)

    return generation_cached(f"home-languages:{home.pk}", compute)


class HomeScope:
    """One home page as the boxes see it: where its pages are, its language and its source."""

    def __init__(self, home):
        self.home = home
        self.language, self.source = _languages(home)
        self._images = []

    def below(self) -> Q:
        """The pages under this home (its own tree only)."""
        return Q(path__startswith=self.home.path)

    def in_page_language(self, model):
        """Live public `model` pages under this home; for a translated home, with those under
        the source-language home that have no live public translation under this one."""
        own = self.below()
        if self.source is None:
            return live_public(model.objects.filter(own))
        translated = live_public(model.objects.filter(own)).values("translation_key")
        untranslated = Q(path__startswith=self.source.path) & ~Q(translation_key__in=translated)
        return live_public(model.objects.filter(own | untranslated))

    def own_first(self) -> list:
        """An ordering that puts the home's own pages before the source-language ones."""
        if self.source is None:
            return []
        return [
            Case(
                When(path__startswith=self.home.path, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ]

    def language_note(self, items) -> str:
        """'In Vietnamese' when every item shown is in the source language, 'Some items in
        Vietnamese' when some are, else '' (and always '' on a source-language home)."""
        if self.source is None:
            return ""
        foreign = sum(item.locale_id == self.source.locale_id for item in items)
        if not foreign:
            return ""
        name = get_language_info(self.source.language)["name_translated"]
        if foreign == len(items):
            return gettext("In %(language)s") % {"language": name}
        return gettext("Some items in %(language)s") % {"language": name}

    def prefetch_images(self, images) -> None:
        """Images shown by a box: their renditions are read with every other box's."""
        self._images.extend(image for image in images if image is not None)


def home_context(home) -> dict:
    """The context every registered box gives `home`, with the renditions of every image they
    show read in one query."""
    scope = HomeScope(home)
    context = {}
    for box in _boxes:
        context.update(box(scope))
    if scope._images:
        prefetch_related_objects(scope._images, "renditions")
    if scope.source is not None:
        context.update(
            source_language=scope.source.language, source_locale_id=scope.source.locale_id
        )
    return context
