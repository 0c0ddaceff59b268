"""The headless API at `/++api++/`, in plone.restapi's wire format.

`urls.dispatch` splits `/++api++/<page path>/@<endpoint>/<rest>` into a context page and an
endpoint, and hands the request to that endpoint's service (`services/`). Services build data;
`base.Service` authenticates, renders JSON and turns every error into plone.restapi's
`{"type", "message"}` body with a real status. Serialisers (`serializers/`) turn pages into
plone.restapi's content shapes; `access` decides what a user may see.
"""
