"""The content itself: GET (with its children batched), POST a child, PATCH, DELETE."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.response import Response
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import Page

from ... import compat, forwarding
from ...cache import generation_cached, mark_cached_alone
from ...listing import window_ids
from ...registry import syndicated_type
from .. import access, batching, errors
from ..base import Service, etag
from ..serializers import deserialize
from ..serializers.content import full, is_folderish, page_url, summaries
from ..serializers.prefetch import prefetch_full
from ..serializers.rows import page_rows
from . import components
from .lock import refuse_if_locked
from .search import page_types


class _ContentRead(Service):
    def working_copy(self, page):
        """Editors read what they would edit: the latest revision, not the live one."""
        user = self.request.user
        if page.has_unpublished_changes and access.can_edit(page, user):
            return page.get_latest_revision_as_object()
        return page

    def get(self, request):
        data = self.representation()
        mark_cached_alone(request, self.visible_context())
        return Response(data)

    def representation(self) -> dict:
        request = self.request
        stored = self.visible_context()
        page = self.working_copy(stored)
        batch = self.batch(page) if is_folderish(page) else None
        if access.is_editor(request.user):
            # The workflow states of the page, the site root (the navroot component) and the
            # listed children, for the review states, the permission checks and the
            # transitions: one query.
            access.workflow_states(
                [stored, self.chain[0]] if self.chain else [stored],
                listed=[row.pk for row in batch[2]] if batch else (),
                user=request.user,
            )
            if page is not stored:
                compat.remember_workflow_states(page, compat.remembered_workflow_states(stored))
        prefetch_full([page])
        parent = self.parent_page
        url = self.api_url().rstrip("/")
        data = full(request, page, request.user, parent, url, stored=stored)
        if batch is not None:
            data.update(self.items(*batch))
        components.expand(self, data)
        return data

    def batch(self, page):
        """(start, size, the batch's rows, the number of children) of a folder."""
        request = self.request
        start, size = batching.params(request)
        children = access.visible(Page.objects.child_of(page), request.user)
        # What the public sees changes only with the public site's generation: its count
        # and the anchors of deep batches are kept under it.
        key = None if access.is_editor(request.user) else f"api-children:{page.pk}"
        total = children.count() if key is None else generation_cached(key, children.count)
        rows = []
        if total and size:
            window = window_ids(children, "path", False, start, size, key)
            rows = page_rows(window, "path", descending=False)
        return start, size, rows, total

    def items(self, start, size, batch, total):
        request = self.request
        metadata = request.query_params.getlist("metadata_fields")
        data = {
            "items": summaries(request, batch, request.user, metadata),
            "items_total": total,
        }
        links = batching.links(request, self.api_url(), start, size, total)
        if links:
            data["batching"] = links
        return data


class WriteMixin:
    """POST (create a draft child), PATCH (a new revision), DELETE, as Wagtail's admin does."""

    def require_login(self):
        if not access.is_editor(self.request.user):
            raise exceptions.NotAuthenticated()

    def post(self, request):
        self.require_login()
        parent = self.visible_context()
        data = self.json_body()
        model = self.addable_type(parent, data.get("@type"))
        page = model(owner=request.user, live=False)
        with deserialize.uploads_by(request.user), transaction.atomic():
            self.fill(page, data, parent, creating=True)
            parent.add_child(instance=page)
            page.save_revision(user=request.user, log_action=True)
        page = type(page).objects.get(pk=page.pk)
        prefetch_full([page])
        body = full(request, page, request.user, parent, page_url(request, page))
        return Response(body, status=201, headers={"Location": body["@id"]})

    def patch(self, request):
        self.require_login()
        page = self.visible_context()
        if not page.permissions_for_user(request.user).can_edit():
            raise exceptions.PermissionDenied()
        refuse_if_locked(page, request.user)
        self.check_precondition(page)
        data = self.json_body()
        if "@type" in data and data["@type"] != type(page).__name__:
            raise errors.field_error("@type", _("the type of an item cannot be changed"))
        draft = page.get_latest_revision_as_object()
        with deserialize.uploads_by(request.user), transaction.atomic():
            self.fill(draft, data, self.parent_page, creating=False)
            if "id" in data and data["id"] != page.slug:
                page.slug = draft.slug
                page.save(update_fields=["slug", "url_path"])
            draft.save_revision(user=request.user, log_action=True)
        if "return=representation" in request.headers.get("Prefer", ""):
            latest = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
            prefetch_full([latest])
            url = page_url(request, page)
            return Response(full(request, latest, request.user, self.parent_page, url))
        return Response(status=204)

    def delete(self, request):
        self.require_login()
        page = self.visible_context()
        if not page.permissions_for_user(request.user).can_delete():
            raise exceptions.PermissionDenied()
        refuse_if_locked(page, request.user)
        self.check_precondition(page)
        DeletePageAction(page, user=request.user).execute()
        return Response(status=204)

    def fill(self, page, data, parent, creating):
        """The body's values onto `page` (inline rows included), checked as a whole."""
        _model, spec = syndicated_type()
        mark = spec.mark if spec and isinstance(page, _model) else None
        before = getattr(page, mark) if mark else None
        for name, rows in deserialize.apply(page, data, creating=creating, user=self.request.user):
            setattr(page, name, rows)
        if mark and bool(getattr(page, mark)) != bool(before):
            if not forwarding.may_mark_national(self.request.user):
                raise errors.field_error(
                    mark, _("only those who choose items for the national portal may change it")
                )
        if creating:
            deserialize.default_unit(page, self.request.user)
        self.validate(page, parent)

    def addable_type(self, parent, name):
        if not isinstance(name, str) or not name:
            raise errors.field_error("@type", _("is required"))
        model = page_types().get(name)
        if model is None:
            raise errors.field_error("@type", _("unknown type %r") % name)
        if not parent.permissions_for_user(self.request.user).can_add_subpage():
            raise exceptions.PermissionDenied()
        if model not in parent.specific_class.creatable_subpage_models() or not (
            model.can_create_at(parent)
        ):
            raise errors.field_error("@type", _("a %(type)s cannot be added here") % {"type": name})
        return model

    def validate(self, page, parent):
        if parent is not None and not compat.slug_is_available(page.slug, parent, page):
            raise errors.field_error("id", _("another item here already uses %r") % page.slug)
        try:
            page.full_clean(exclude=["path", "depth", "numchild", "url_path", "draft_title"])
        except ValidationError as exc:
            problems = [
                {"field": field if field != "__all__" else "body", "message": str(m)}
                for field, messages in exc.message_dict.items()
                for m in messages
            ]
            raise errors.validation_error(problems) from None

    def check_precondition(self, page):
        wanted = self.request.headers.get("If-Match")
        if wanted and wanted.strip() not in ("*", etag(self.representation())):
            raise errors.precondition_failed(
                _("The item changed since you read it: read it again before saving.")
            )


class ContentService(WriteMixin, _ContentRead):
    pass
