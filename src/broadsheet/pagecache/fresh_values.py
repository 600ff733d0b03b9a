"""Form values a cached page must not serve stale, made afresh on every hit.

The comment form carries a signed render time that the spam checks read ("sent too fast", "loaded days
ago"); a page served from the cache would otherwise carry the time it was first rendered. The cache stores
the page with a placeholder in that field's value and puts a freshly made value in on every hit: a string
replace, no rendering. Which fields, and what makes their values, is declared in settings:
PAGE_CACHE_FRESH_FORM_FIELDS = {"field name": "dotted.path.to.function_returning_str"}.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string


def placeholder(field: str) -> bytes:
    return f"@@pagecache-fresh:{field}@@".encode()


@cache
def value_makers() -> dict[str, Callable[[], str]]:
    return {field: import_string(path) for field, path in settings.PAGE_CACHE_FRESH_FORM_FIELDS.items()}


@cache
def _input_pattern(field: str) -> re.Pattern[bytes]:
    return re.compile(rb'<input\b[^>]*\bname="' + re.escape(field.encode()) + rb'"[^>]*>')


_VALUE = re.compile(rb'\bvalue="[^"]*"')


def with_placeholders(body: bytes) -> tuple[bytes, tuple[str, ...]]:
    """The page as it is stored, and which fresh fields it holds."""
    found = []
    for field in value_makers():
        body, count = _input_pattern(field).subn(_with_value(b'value="' + placeholder(field) + b'"'), body)
        if count:
            found.append(field)
    return body, tuple(found)


def _with_value(value: bytes) -> Callable[[re.Match[bytes]], bytes]:
    def replace(tag: re.Match[bytes]) -> bytes:
        return _VALUE.sub(value, tag[0])

    return replace


def with_fresh_values(body: bytes, fields: tuple[str, ...]) -> bytes:
    makers = value_makers()
    for field in fields:
        body = body.replace(placeholder(field), makers[field]().encode())
    return body
