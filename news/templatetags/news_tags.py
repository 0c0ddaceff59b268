from django import template

from ..cards import render_cards

register = template.Library()


@register.simple_tag(takes_context=True)
def news_card(context, item, show_lead=False, level=3, image_spec="", card_class=""):
    """A news item as a card (`news/includes/card.html`, see `news.cards.render_cards`)."""
    return render_cards([item], context.get("request"), show_lead, level, image_spec, card_class)


@register.simple_tag(takes_context=True)
def news_cards(context, items, show_lead=False, level=3, image_spec="", card_class=""):
    """News items as cards, one after the other, as `{% for item in items %}{% news_card item
    … %}{% endfor %}` gives them: the cards kept in the cache are found in one look-up."""
    return render_cards(items, context.get("request"), show_lead, level, image_spec, card_class)
