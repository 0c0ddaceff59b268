"""StreamField blocks shared by every page type of the portal."""

from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html


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

    def render(self, value, context=None):
        """The body as HTML, written without the template language (a body has a dozen
        blocks, and the syndication feed writes twenty bodies a batch): headings become <h2>,
        an embed only a link (rendering an EmbedBlock would fetch the provider's page, and the
        server has no internet), every other block its own rendering.

        A subclass that names its own `Meta.template` (the introduction page's body, with its
        history, congresses and leaders) is rendered by that template, as Wagtail would."""
        if getattr(self.meta, "template", None):
            return super().render(value, context)
        parts = ['<div class="stream">\n']
        for child in value:
            if child.block_type == "heading":
                parts.append(f"<h2>{conditional_escape(child.value)}</h2>\n")
            elif child.block_type == "paragraph":
                # What `RichText.__html__` gives, less its one-tag template (`{{ html|safe }}`).
                parts.append(f"{expand_db_html(child.value.source)}\n")
            elif child.block_type == "embed":
                url = getattr(child.value, "url", None)
                parts.append(render_to_string(EMBED_LINK, {"url": url}) + "\n")
            else:
                parts.append(f"{child.render(context)}\n")
        parts.append("</div>\n")
        return mark_safe("".join(parts))  # noqa: S308 - headings escaped, blocks render safely


EMBED_LINK = "ldld_wagtail/blocks/embed_link.html"


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
