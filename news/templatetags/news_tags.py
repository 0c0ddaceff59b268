from django import template

from ..cards import render_card

register = template.Library()


@register.simple_tag(takes_context=True)
def news_card(context, item, show_lead=False, level=3, image_spec="", card_class=""):
    """A news item as a card (see `news.cards.render_card`)."""
    return render_card(item, context.get("request"), show_lead, level, image_spec, card_class)
