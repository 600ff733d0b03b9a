"""Old WordPress addresses answer 301 to their new home, but only where Broadsheet itself has no page."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from .models import LegacyRedirect

# WordPress's "ugly" links are the home page with a query: /?p=12 for a post, /?page_id=7 for a page.
HOME_QUERY_KEYS = ("p", "page_id")


def find_redirect(path: str) -> str | None:
    """Where an old address now lives, trying it with and without the trailing slash and percent-encoding."""
    variants = {path, quote(path, safe="/%?=&")}
    variants |= {v.rstrip("/") for v in variants if v != "/"} | {
        v + "/" for v in variants if not v.endswith("/")
    }
    return LegacyRedirect.objects.filter(old_path__in=variants).values_list("new_path", flat=True).first()


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
