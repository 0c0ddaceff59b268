from django import template

register = template.Library()


@register.filter
def vietnamese_name(user) -> str:
    """A user's name as Vietnamese write it: family name first ("Lê Quốc Bình")."""
    return " ".join(filter(None, [user.last_name, user.first_name])) or user.get_username()
