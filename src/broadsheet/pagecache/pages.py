"""Which pages are cached, and which tags each depends on: declared per URL name, read in one place.

A tag names a thing a page shows ("article:club-wins", "section:sport", "listings"); changing that thing bumps
the tag's version, which retires every page that depends on it. Every page also depends on "site": the
navigation and the names of sections, tags and authors appear everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

SITE = "site"
LISTINGS = "listings"  # home, the archives, the site feeds and sitemaps: anything any article can appear on
COMMENTS = "comments"  # the comment feeds


def article(slug: str) -> str:
    return f"article:{slug}"


def section(slug: str) -> str:
    return f"section:{slug}"


def tag(slug: str) -> str:
    return f"tag:{slug}"


def author(slug: str) -> str:
    return f"author:{slug}"


def page(slug: str) -> str:
    return f"page:{slug}"


def _listings(**kwargs) -> set[str]:
    return {LISTINGS}


def _article(slug: str, **kwargs) -> set[str]:
    return {article(slug)}


def _section(slug: str, **kwargs) -> set[str]:
    return {section(slug)}


def _tag(slug: str, **kwargs) -> set[str]:
    return {tag(slug)}


def _author(slug: str, **kwargs) -> set[str]:
    return {author(slug)}


def _page(slug: str, **kwargs) -> set[str]:
    return {page(slug)}


def _comments(**kwargs) -> set[str]:
    return {COMMENTS}


# URL name → the tags its page depends on, from the URL's arguments. A URL name not listed here is never cached.
CACHED_PAGES: dict[str, Callable[..., set[str]]] = {
    "publishing:home": _listings,
    "publishing:article": _article,
    "publishing:archive-year": _listings,
    "publishing:archive-month": _listings,
    "publishing:archive-day": _listings,
    "publishing:section": _section,
    "publishing:tag": _tag,
    "publishing:author": _author,
    "publishing:page": _page,
    "publishing:feed": _listings,
    "publishing:feed-atom": _listings,
    "publishing:section-feed": _section,
    "publishing:section-feed-atom": _section,
    "publishing:tag-feed": _tag,
    "publishing:tag-feed-atom": _tag,
    "publishing:author-feed": _author,
    "publishing:author-feed-atom": _author,
    "publishing:sitemap": _listings,
    "publishing:news-sitemap": _listings,
    "discussion:feed": _comments,
    "discussion:article-feed": _comments,
    "discussion:page-feed": _comments,
}


def tags_of_page(view_name: str, kwargs: dict) -> frozenset[str] | None:
    """The tags a page depends on, or None when the page is not one the cache keeps."""
    declared = CACHED_PAGES.get(view_name)
    if declared is None:
        return None
    return frozenset({SITE, *declared(**kwargs)})
