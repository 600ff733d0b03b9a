"""Who may share a cached page: the rules that keep one reader's state from ever reaching another."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import cc_delim_re

from .pages import tags_of_page

PAGE_NUMBER_QUERY = re.compile(r"page=(\d{1,6})")
SAFE_METHODS = {"GET", "HEAD"}
PRIVATE_DIRECTIVES = {"private", "no-store", "no-cache"}


def may_share(request: HttpRequest) -> bool:
    """Whether this request may get (and fill) the page every anonymous reader shares.

    Not: other methods than GET and HEAD; any query string but `page=N` (the discussion shows a reader's own
    held comment through `?unapproved=…&moderation-hash=…` and `?replytocom=…`); a request carrying a
    session or CSRF cookie or credentials (an editor, or someone whose page may hold a per-reader token).
    """
    if request.method not in SAFE_METHODS:
        return False
    query = request.META.get("QUERY_STRING", "")
    if query and not PAGE_NUMBER_QUERY.fullmatch(query):
        return False
    return not carries_personal_state(request)


def shared_address(request: HttpRequest) -> str:
    """What the shared page is stored under: scheme, host, path and the page number if any."""
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?page={int(query[5:])}" if query else ""
    return f"{request.scheme}://{request.get_host()}{request.path}{suffix}"


def tags_of_requested_page(request: HttpRequest) -> frozenset[str] | None:
    """The tags of the page this request's address shows, or None when the cache does not keep that page."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return tags_of_page(match.view_name, match.kwargs)


def carries_personal_state(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME in cookies
        or settings.CSRF_COOKIE_NAME in cookies
        or "Authorization" in request.headers
    )


def response_is_shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether what the view answered may go to every reader: a plain 200 that sets no cookie, that nothing
    marked private (the discussion marks a page showing a held comment), rendered for no logged-in user."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Content-Encoding"):
        return False  # the cache stores one body for every reader, whatever encodings they accept
    directives = {
        part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & PRIVATE_DIRECTIVES:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)
