"""Builders for the page cache's tests: a clean cache per test, and a reader who fetches pages."""

from __future__ import annotations

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.cache import caches
from django.test import Client


@pytest.fixture(autouse=True)
def empty_cache(settings, worker_id):
    """Each test gets a page cache of its own, empty, that nothing else touches while it runs.

    On the Redis leg every other test flushes database 15 as it starts (tests/conftest.py), which would turn a
    hit these tests expect into a miss; so they use a database of their own on the same server (see
    own_database) and a key prefix of their own, and delete only their own keys afterwards.
    """
    settings.PAGE_CACHE_ENABLED = True
    prefix = f"pagecache-test-{uuid.uuid4().hex[:12]}"
    own = {**settings.CACHES["default"], "KEY_PREFIX": prefix}
    if settings.REDIS_URL:
        own["LOCATION"] = own_database(settings.REDIS_URL, worker_id)
    settings.CACHES = {**settings.CACHES, "default": own, settings.PAGE_CACHE_VERSIONS_ALIAS: own}
    yield
    if settings.REDIS_URL:
        client = caches["default"]._cache.get_client(write=True)
        keys = list(client.scan_iter(match=f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    else:
        caches["default"].clear()  # local memory belongs to this process alone


def own_database(redis_url: str, worker_id: str) -> str:
    """PAGECACHE_TEST_REDIS_URL when set; else database 12, 11, 10, 9 (by xdist worker) of the test server,
    away from 15 (the suite's, flushed by every test) and from 13–14, which other suites use."""
    if os.environ.get("PAGECACHE_TEST_REDIS_URL"):
        return os.environ["PAGECACHE_TEST_REDIS_URL"]
    number = int(worker_id[2:]) if worker_id.startswith("gw") else 0
    return urlunsplit(urlsplit(redis_url)._replace(path=f"/{12 - number % 4}"))


@pytest.fixture
def reader() -> Client:
    """An anonymous reader's browser."""
    return Client()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change and the on-commit work it queued (signals, purges), as a real request would."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return run


@pytest.fixture
def make_comment(db):
    """A stored comment on an article or page, approved unless told otherwise (no signal: as if posted long
    ago)."""
    from broadsheet.discussion.models import Comment

    def build(subject, content: str = "A thoughtful remark.", **fields) -> Comment:
        fields.setdefault("author_name", "A Reader")
        fields.setdefault("author_email", "reader@example.org")
        fields.setdefault("status", Comment.Status.APPROVED)
        return Comment.objects.create(**Comment.fields_for(subject), content=content, **fields)

    return build


@pytest.fixture
def warm(reader):
    """Visit pages so the cache holds them; returns the addresses for later checks."""

    def visit(*addresses: str) -> list[str]:
        for address in addresses:
            assert reader.get(address).status_code == 200, address
            assert reader.get(address)["X-Cache"] == "hit", address
        return list(addresses)

    return visit


@pytest.fixture
def cache_state(reader):
    """ "hit" or "miss" for each address, as the next anonymous visit finds it."""

    def states(*addresses: str) -> dict[str, str]:
        return {address: reader.get(address)["X-Cache"] for address in addresses}

    return states
