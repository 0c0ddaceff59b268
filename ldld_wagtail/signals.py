"""Keep the public search index and the anonymous page cache in step with the page tree."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import search
from .cache import invalidate_pages


@receiver(page_published)
def _on_published(sender, instance, **kwargs):
    search.index_page(instance)
    transaction.on_commit(invalidate_pages)


@receiver(page_unpublished)
def _on_unpublished(sender, instance, **kwargs):
    search.unindex_page(instance.pk)
    transaction.on_commit(invalidate_pages)


@receiver(post_page_move)
@receiver(page_slug_changed)
def _on_moved(sender, instance, **kwargs):
    for page in Page.objects.descendant_of(instance, inclusive=True).live().specific():
        search.index_page(page)
    transaction.on_commit(invalidate_pages)


@receiver(post_delete, sender=Page)
def _on_deleted(sender, instance, **kwargs):
    transaction.on_commit(invalidate_pages)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _on_restriction_changed(sender, instance, **kwargs):
    page = instance.page
    for descendant in Page.objects.descendant_of(page, inclusive=True).live().specific():
        search.index_page(descendant)
    transaction.on_commit(invalidate_pages)
