"""Old WordPress addresses answer 301 to their new home, but only where Broadsheet itself has no page."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote, unquote, urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve

from broadsheet.publishing.models import Article, Page

from .models import LegacyRedirect

# WordPress's "ugly" links are the home page with a query: /?p=12 for a post, /?page_id=7 for a page.
HOME_QUERY_KEYS = ("p", "page_id")


# The new addresses whose content may be unpublished since the redirect was written, and the rule that says
# whether a reader may see it now.
READER_MAY_SEE: dict[str, Callable[..., bool]] = {
    "publishing:article": lambda slug, **_: Article.objects.published().filter(slug=slug).exists(),
    "publishing:page": lambda slug, **_: Page.objects.published().filter(slug=slug).exists(),
}


def find_redirect(path: str) -> str | None:
    """Where an old address now lives, trying it with and without the trailing slash and percent-encoding;
    None when it is unknown or leads to something readers may not see."""
    variants = {path, quote(path, safe="/%?=&")}
    variants |= {v.rstrip("/") for v in variants if v != "/"} | {
        v + "/" for v in variants if not v.endswith("/")
    }
    target = LegacyRedirect.objects.filter(old_path__in=variants).values_list("new_path", flat=True).first()
    return target if target and leads_to_public_content(target) else None


def leads_to_public_content(target: str) -> bool:
    """Whether a redirect's target shows something a reader may see now. A post moved back to draft (or made
    private, or a page unpublished) keeps its redirect rows, but its old address answers 404, as in WordPress:
    a redirect must not reveal where an unpublished article lives. Targets that are not Broadsheet's
    article or page addresses (sections, tags, another site an editor chose) are followed as they are."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return True
    try:
        match = resolve(unquote(parts.path))
    except Resolver404:
        return True
    rule = READER_MAY_SEE.get(match.view_name)
    return rule is None or rule(**match.kwargs)


class LegacyRedirectMiddleware:
    """Consulted for WordPress's /?p=ID on the home page, and for any other request that ends in a 404.

    Acting on the 404 rather than before routing matters: Broadsheet's own article addresses share
    WordPress's /YYYY/MM/DD/slug/ shape, and a page Broadsheet has must never be redirected away.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/" and request.method in ("GET", "HEAD"):
            for key in HOME_QUERY_KEYS:
                value = request.GET.get(key, "")
                if value.isdigit() and (target := find_redirect(f"/?{key}={value}")):
                    return HttpResponsePermanentRedirect(target)
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            target = find_redirect(request.path)
            if target and target != request.path:
                return HttpResponsePermanentRedirect(target)
        return response
