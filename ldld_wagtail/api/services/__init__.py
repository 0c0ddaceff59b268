"""The endpoints, by the name that follows `@` in the URL ("" is the content itself)."""

from . import (
    actions,
    auth,
    clipboard,
    content,
    history,
    lock,
    navigation,
    openapi,
    querystring,
    search,
    syndication,
    types,
    users,
    vocabularies,
    workflow,
)

SERVICES = {
    "": content.ContentService,
    "actions": actions.ActionsService,
    "login": auth.LoginService,
    "login-renew": auth.RenewService,
    "logout": auth.LogoutService,
    "search": search.SearchService,
    "querystring-search": querystring.QuerystringSearchService,
    "querystring": querystring.QuerystringService,
    "breadcrumbs": navigation.BreadcrumbsService,
    "navigation": navigation.NavigationService,
    "contextnavigation": navigation.ContextNavigationService,
    "navroot": navigation.NavrootService,
    "site": navigation.SiteService,
    "translations": navigation.TranslationsService,
    "syndication": syndication.SyndicationService,
    "workflow": workflow.WorkflowService,
    "openapi": openapi.OpenAPIService,
    "docs": openapi.DocsService,
    "history": history.HistoryService,
    "lock": lock.LockService,
    "types": types.TypesService,
    "vocabularies": vocabularies.VocabulariesService,
    "users": users.UsersService,
    "copy": clipboard.CopyService,
    "move": clipboard.MoveService,
}

# Endpoints of the whole site, not of a page: `/++api++/@login`, never `/++api++/x/@login`.
SITE_ONLY = {
    "login", "login-renew", "logout", "site", "syndication", "openapi", "docs", "users",
}  # fmt: skip

# Site-only endpoints that need no context page: the site root is not even looked up.
CONTEXT_FREE = {"syndication", "openapi", "docs"}

# Endpoints that read only the context's place in the tree (its base page), never its fields.
BASE_CONTEXT = {"search", "querystring-search", "querystring"}
