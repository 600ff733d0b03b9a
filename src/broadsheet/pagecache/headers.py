"""The HTTP caching headers: what browsers, nginx and CDNs may keep, and for how long."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

PRIVATE = "private, no-store"


def make_public(response: HttpResponse, seconds_left: float) -> None:
    """Shared caches keep the page a few seconds (s-maxage) and may serve it stale while they fetch a new
    copy; browsers revalidate every time (max-age defaults to 0), so a reader who just commented never
    gets their own old copy. No lifetime reaches past the page's own, capped by the next scheduled article."""
    left = max(0, int(seconds_left))
    shared = min(settings.PAGE_CACHE_SHARED_SECONDS, left)
    stale = min(settings.PAGE_CACHE_STALE_SECONDS, left - shared)
    browser = min(settings.PAGE_CACHE_BROWSER_SECONDS, shared)
    response["Cache-Control"] = (
        f"public, max-age={browser}, s-maxage={shared}, stale-while-revalidate={stale}"
    )
    if response.has_header("Expires"):
        del response["Expires"]
    # The page is the same whatever cookies come with it: requests whose cookies could change it never reach
    # the shared page (rules.carries_personal_state), and docs/caching.md has nginx and CDNs do the same.
    vary = [v for v in cc_delim_re.split(response.get("Vary", "")) if v and v.lower() != "cookie"]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]


def make_private(response: HttpResponse) -> None:
    response["Cache-Control"] = PRIVATE
    if response.has_header("Expires"):
        del response["Expires"]
