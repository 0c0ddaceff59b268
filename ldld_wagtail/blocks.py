"""StreamField blocks shared by every page type of the portal."""

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .cache import generation_fragments
from .fragments import fragment_scope


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Photo"))
    caption = blocks.CharBlock(label=_("Caption"), max_length=255)
    credit = blocks.CharBlock(label=_("Photo credit"), max_length=120, required=False)

    class Meta:
        icon = "image"
        label = _("Captioned photo")
        template = "ldld_wagtail/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "ldld_wagtail/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("File"))
    title = blocks.CharBlock(label=_("Title"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Attached file")
        template = "ldld_wagtail/blocks/document_link.html"


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Section heading"), icon="title", form_classname="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), features=RICH_TEXT_FEATURES)
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(label=_("Video, embedded content"), icon="media")

    class Meta:
        # Headings as <h2>, an embed as a link only (rendering an EmbedBlock would fetch the
        # provider's page, and the server has no internet), every other block its own
        # template. A subclass may name its own (the introduction page's body).
        template = "ldld_wagtail/blocks/body.html"

    def render(self, value, context=None):
        """Wagtail's rendering (the block's template); a page's own body rendered for a reader
        without a login is kept under the generation token (see `body_fragment_key`)."""
        key = body_fragment_key(value, context)
        if key is None:
            return super().render(value, context)
        render = super().render
        (html,) = generation_fragments([key], lambda positions: [render(value, context)])
        return mark_safe(html)  # noqa: S308 - rendered by the block's template


def body_fragment_key(value, context) -> str | None:
    """The fragment-cache key of a body rendered with the template `context`: only for the
    body of the page being served (`page.body` itself), live and saved, to a reader of the
    public site (`fragment_scope`: no preview, no login, the fast paths on); else None."""
    if context is None:
        return None
    page, request = context.get("page"), context.get("request")
    if page is None or getattr(page, "body", None) is not value:
        return None
    if not getattr(page, "pk", None) or not getattr(page, "live", False):
        return None
    scope = fragment_scope(request)
    return None if scope is None else f"body:{page.pk}:{scope}"


def stream_text(stream) -> str:
    """Plain text of a body stream, for search and feeds."""
    from django.utils.html import strip_tags

    parts = []
    for child in stream or []:
        value = child.value
        if child.block_type == "paragraph":
            parts.append(strip_tags(value.source))
        elif child.block_type == "heading":
            parts.append(str(value))
        elif child.block_type in ("image", "quote"):
            parts.append(value.get("caption") or value.get("text") or "")
    return " ".join(p for p in parts if p)
