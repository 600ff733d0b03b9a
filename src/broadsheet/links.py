"""Addresses of Broadsheet's pages, remembered by each process.

An article page links to the same few dozen addresses on every render (sections, related articles, authors,
tags, feeds), and Django's `reverse()` takes about 10 µs for each: a third of a millisecond per uncached page.
An address depends only on the URL configuration and the script prefix, so both are part of what is
remembered, and everything is forgotten when ROOT_URLCONF changes (tests that swap it).
"""

from __future__ import annotations

from functools import lru_cache

from django.core.signals import setting_changed
from django.urls import get_script_prefix, get_urlconf, reverse


def link_to(viewname: str, *args: object) -> str:
    """`reverse(viewname, args=args)`, remembered."""
    return _remembered(get_urlconf(), get_script_prefix(), viewname, args)


@lru_cache(maxsize=10_000)
def _remembered(urlconf: str | None, script_prefix: str, viewname: str, args: tuple) -> str:
    return reverse(viewname, urlconf=urlconf, args=args)


def _forget_when_urls_change(*, setting: str, **kwargs: object) -> None:
    if setting == "ROOT_URLCONF":
        _remembered.cache_clear()


setting_changed.connect(_forget_when_urls_change)
