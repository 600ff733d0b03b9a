"""The page cache middleware: answers anonymous readers from the cache, stores what they may share, and
sets the HTTP caching headers (ETag, Last-Modified, Cache-Control) with 304s for conditional requests.

It sits just after WhiteNoise, so a hit costs no session, CSRF or authentication work, and it sees every
header the inner middleware adds (the discussion's "private" mark included) before it stores a page.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from . import headers, store
from .fresh_values import with_fresh_values, with_placeholders
from .rules import SAFE_METHODS, may_share, response_is_shareable, shared_address, tags_of_requested_page
from .schedule import seconds_until_next_publish

# Headers a stored page does not keep: each answer makes its own.
NOT_STORED = {"set-cookie", "vary", "cache-control", "expires", "date", "content-length", "etag", "last-modified", "x-cache"}  # fmt: skip


class PageCacheMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not may_share(request):
            response = self.get_response(request)
            remember_a_recent_post(request, response)
            if tags_of_requested_page(request) is not None:
                return bypass(response)
            return private_unless_declared(response)

        now = time.time()
        key = store.page_key(shared_address(request))
        if settings.PAGE_CACHE_ENABLED:
            # Looked up before the URL is even resolved: a hit is the path that must be cheapest.
            stored = store.lookup(key, now)
            if stored is not None:
                return answer_from_cache(request, stored, now)
        tags = tags_of_requested_page(request)
        if tags is None:
            return private_unless_declared(self.get_response(request))
        # Read before rendering, so a change committed while the page renders leaves it under old versions.
        versions = store.current_versions(tags) if settings.PAGE_CACHE_ENABLED else {}

        response = self.get_response(request)
        if not response_is_shareable(request, response):
            return bypass(response)

        body, fresh_fields = with_placeholders(response.content)
        seconds_left = page_lifetime(now)
        etag = f'W/"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'
        if settings.PAGE_CACHE_ENABLED and request.method == "GET" and seconds_left >= 1:
            page = store.StoredPage(
                versions=versions,
                headers=tuple(
                    (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
                ),
                body=body,
                fresh_fields=fresh_fields,
                etag=etag,
                last_modified=int(now),
                expires_at=now + seconds_left,
            )
            store.keep(key, page, seconds_left)
        add_validators(response, etag, int(now), seconds_left)
        response["X-Cache"] = "miss" if settings.PAGE_CACHE_ENABLED else "off"
        return conditional(request, response, etag, int(now))


def private_unless_declared(response: HttpResponse) -> HttpResponse:
    if not response.has_header("Cache-Control"):
        headers.make_private(response)  # nothing declared it public
    return response


def bypass(response: HttpResponse) -> HttpResponse:
    headers.make_private(response)
    response["X-Cache"] = "bypass"
    return response


def page_lifetime(now: float) -> float:
    """How long a page rendered now may be kept: the configured time, but never past the moment the next
    scheduled article goes live, since that changes listings and related lists with no event to purge them."""
    lifetime = float(settings.PAGE_CACHE_SECONDS)
    until_next = seconds_until_next_publish(now)
    return lifetime if until_next is None else min(lifetime, until_next)


def answer_from_cache(request: HttpRequest, stored: store.StoredPage, now: float) -> HttpResponse:
    body = with_fresh_values(stored.body, stored.fresh_fields)
    response = HttpResponse(body if request.method == "GET" else b"")
    for name, value in stored.headers:
        response[name] = value
    response["Content-Length"] = str(len(body))
    add_validators(response, stored.etag, stored.last_modified, stored.seconds_left(now))
    response["X-Cache"] = "hit"
    return conditional(request, response, stored.etag, stored.last_modified)


def add_validators(response: HttpResponse, etag: str, last_modified: int, seconds_left: float) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    headers.make_public(response, seconds_left)


def conditional(request: HttpRequest, response: HttpResponse, etag: str, last_modified: int) -> HttpResponse:
    """304 Not Modified when the reader (or nginx, revalidating) already holds this version."""
    answer = get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    if answer is None:  # only for a response it was not given; kept for the type checker
        return response
    if answer is not response:
        answer["X-Cache"] = response["X-Cache"]
    return answer


def remember_a_recent_post(request: HttpRequest, response: HttpResponse) -> None:
    """After a form post that redirects (a comment: post–redirect–get), a short-lived cookie tells nginx and
    CDNs to skip their copy for this browser, so the reader sees their own comment at once. Broadsheet's own
    cache needs no such help: it was purged exactly when the comment was stored."""
    if request.method in SAFE_METHODS or not 300 <= response.status_code < 400:
        return
    response.set_cookie(
        settings.PAGE_CACHE_RECENT_POST_COOKIE,
        "1",
        max_age=settings.PAGE_CACHE_SHARED_SECONDS + settings.PAGE_CACHE_STALE_SECONDS,
        samesite="Lax",
        secure=settings.SITE_URL.startswith("https://"),
        httponly=True,
    )
