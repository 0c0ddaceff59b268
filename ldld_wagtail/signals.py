"""Keep the public search index and the anonymous page cache in step with the page tree, and
the API keys found valid in step with revocations."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    APIToken,
    Locale,
    Page,
    PageViewRestriction,
    Site,
    Workflow,
    WorkflowPage,
)
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import identity, search, withhold
from .backends.cache import reconnected
from .cache import invalidate_pages, renew_for_page, renew_generation, renews_generation
from .models import Unit, UnitFormerName, Withdrawal


@receiver(page_published)
def _on_published(sender, instance, **kwargs):
    search.index_page(instance)
    withhold.after_commit(withhold.page_public, instance)
    renew_for_page(instance, removed=False)


@receiver(page_unpublished)
def _on_unpublished(sender, instance, **kwargs):
    search.unindex_page(instance.pk)
    withhold.after_commit(withhold.page_withdrawn, instance)
    renew_for_page(instance)


@receiver(post_page_move)
@receiver(page_slug_changed)
def _on_moved(sender, instance, **kwargs):
    for page in Page.objects.descendant_of(instance, inclusive=True).live().specific():
        search.index_page(page)
    renew_generation()


@receiver(post_delete, sender=Page)
def _on_deleted(sender, instance, **kwargs):
    renew_for_page(instance)


# A take-down, or its restore: the item's own pages and the listings (with `page_unpublished`).
@receiver(post_save, sender=Withdrawal)
@receiver(post_delete, sender=Withdrawal)
def _on_withdrawal(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()  # gone, when deleted with it
    if page is None:
        renew_generation()
    else:
        renew_for_page(page)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def _on_restriction_changed(sender, instance, **kwargs):
    page = instance.page
    for descendant in Page.objects.descendant_of(page, inclusive=True).live().specific():
        search.index_page(descendant)
    # A new restriction withholds the subtree's own media; a lifted one releases what is
    # public again (`page_public` checks the remaining restrictions).
    lifted = kwargs.get("signal") is post_delete
    action = withhold.page_public if lifted else withhold.page_withdrawn
    withhold.after_commit(action, page, descendants=True)
    renew_generation()


# What the public pages show besides pages: sites, units (their names on every card), images
# and documents. A site registers its own models the same way (`cache.renews_generation`).
for _shown in (Site, Unit, UnitFormerName):
    renews_generation(_shown)
# A new image or document is on no public page until a page that uses it is published (which
# renews the generation): uploads for drafts keep the cache; changes and deletions renew it.
for _media in (get_image_model(), get_document_model()):
    renews_generation(_media, when_created=False)
# Workflows assigned to pages (`workflows.workflow_pages`, read by the API's transitions).
for _assigned in (WorkflowPage, Workflow):
    renews_generation(_assigned)


@receiver(reconnected)
def _on_cache_reconnected(sender, **kwargs):
    """Redis answers again after a failure: what was written meanwhile (a take-down's new
    token) was lost, and a Redis that keeps its data still holds the pages of before."""
    invalidate_pages()


def _forget_keys(sender, **kwargs):
    from .api.auth import forget_keys

    forget_keys()


# A key revoked or deleted, its user deactivated, or moved out of the consumers' group: the
# keys this process has found valid are checked again.
for _model in (APIToken, get_user_model()):
    post_save.connect(_forget_keys, sender=_model, dispatch_uid=f"ldld_forget_keys_{_model}")
    post_delete.connect(_forget_keys, sender=_model, dispatch_uid=f"ldld_forget_keys_d{_model}")
m2m_changed.connect(
    _forget_keys, sender=get_user_model().groups.through, dispatch_uid="ldld_forget_keys_groups"
)


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def _on_locale_changed(sender, **kwargs):
    """UIDs are made from the language of a page's locale (`identity.uid`), whose codes each
    process keeps: a locale added, edited or removed is read again."""
    identity._locales.clear()
