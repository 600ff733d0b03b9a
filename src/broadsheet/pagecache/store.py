"""Where cached pages live, and tag versions: each stored page remembers the versions of the tags it depends
on, and bumping a tag retires every page that depends on it, on every server that shares the version store.

Pages go to `CACHES[PAGE_CACHE_ALIAS]` (local memory per process, or Redis); tag versions to
`CACHES[PAGE_CACHE_VERSIONS_ALIAS]`, which must be shared by every process that serves pages (Redis, or a
file cache on one machine), because an editor's change is handled by one process and must reach them all.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches

KEY_PREFIX = "pagecache:"


@dataclass(frozen=True)
class StoredPage:
    versions: dict[str, str]  # version key → the version the page was rendered under
    headers: tuple[tuple[str, str], ...]
    body: bytes  # with placeholders where each hit puts fresh values (see fresh_values.py)
    fresh_fields: tuple[str, ...]
    etag: str
    last_modified: int  # when it was rendered, seconds since the epoch
    expires_at: float

    def seconds_left(self, now: float) -> float:
        return self.expires_at - now


def pages():
    return caches[settings.PAGE_CACHE_ALIAS]


def versions():
    return caches[settings.PAGE_CACHE_VERSIONS_ALIAS]


def page_key(address: str) -> str:
    return KEY_PREFIX + "page:" + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()


def version_key(tag: str) -> str:
    # Tags hold slugs; hashing keeps any slug a valid key for every backend.
    return KEY_PREFIX + "v:" + hashlib.md5(tag.encode(), usedforsecurity=False).hexdigest()


def new_version() -> str:
    # Random, not a counter: a version that was evicted and made again can never equal an old one.
    return secrets.token_hex(8)


def current_versions(tags) -> dict[str, str]:
    """The versions a page rendered now depends on, made for tags that have none yet. Read before rendering,
    so a change committed while the page renders leaves it stored under old versions: retired at once."""
    keys = [version_key(tag) for tag in tags]
    store = versions()
    found = store.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            store.add(key, new_version(), timeout=None)  # add: another process may have just made it
        found.update(store.get_many(missing))
    return found


def lookup(key: str, now: float) -> StoredPage | None:
    """The stored page, if every tag it depends on is still at the version it was rendered under."""
    page = pages().get(key)
    if page is None or page.seconds_left(now) <= 0:
        return None
    if versions().get_many(list(page.versions)) != page.versions:
        return None
    return page


def keep(key: str, page: StoredPage, seconds: float) -> None:
    pages().set(key, page, timeout=max(1, int(seconds)))


def purge(tags) -> None:
    """Retire every page that depends on any of these tags."""
    tags = set(tags)
    if tags:
        versions().set_many({version_key(tag): new_version() for tag in tags}, timeout=None)
