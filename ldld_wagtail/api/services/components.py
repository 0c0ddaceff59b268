"""Components of a content object: links by default, full bodies with `?expand=`.

Names this API does not know are ignored, as plone.restapi ignores them: Plone's frontends ask
for every page with `?expand=breadcrumbs,actions,navroot,navigation` (and `types` when logged
in), whatever the server offers."""


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
            continue  # as plone.restapi: a component this API does not have is left out
        component = service(
            context=view.context,
            chain=view.chain,
            subpath=[],
            language=view.language,
            services=view.services,
        )
        component.request = view.request
        data["@components"][name] = component.build()
