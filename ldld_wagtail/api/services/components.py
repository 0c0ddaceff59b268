"""Components of a content object: links by default, full bodies with `?expand=`."""

from django.utils.translation import gettext as _

from .. import errors


def expand(view, data):
    wanted = {
        name.strip()
        for value in view.request.query_params.getlist("expand")
        for name in value.split(",")
        if name.strip()
    }
    if not wanted:
        return
    for name in sorted(wanted):
        service = view.services.get(name)
        if name not in data["@components"] or service is None or not hasattr(service, "build"):
            raise errors.field_error("expand", _("unknown component %r") % name)
        component = service(
            context=view.context,
            chain=view.chain,
            subpath=[],
            language=view.language,
            services=view.services,
        )
        component.request = view.request
        data["@components"][name] = component.build()
