"""Signed values the discussion hands out: the held-comment hash, the form's render time, and email links.

All are signed with the site's SECRET_KEY, each with its own salt so one kind can never stand in for another.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone

from broadsheet.antispam.core import read_render_time, sign_render_time

MODERATION_HASH_SALT = b"broadsheet.discussion.moderation-hash"
RENDER_TIME_SALT = b"broadsheet.discussion.render-time"
EMAIL_LINK_SALT = "broadsheet.discussion.email-link"
EMAIL_LINK_MAX_AGE = 60 * 60 * 24 * 30  # a month: people read notifications late


def moderation_hash(comment_id: int) -> str:
    """What proves a browser posted a held comment (WordPress's `moderation-hash`)."""
    key = hashlib.sha256(MODERATION_HASH_SALT + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, str(comment_id).encode(), hashlib.sha256).hexdigest()[:20]


def moderation_hash_matches(comment_id: int, given: str) -> bool:
    return bool(given) and hmac.compare_digest(moderation_hash(comment_id), given)


def _render_time_secret() -> bytes:
    return hashlib.sha256(RENDER_TIME_SALT + settings.SECRET_KEY.encode()).digest()


def render_time_token(when: datetime | None = None) -> str:
    return sign_render_time(_render_time_secret(), when or timezone.now())


def read_render_time_token(token: str, now: datetime, max_age: float) -> tuple[datetime | None, str | None]:
    """(render time, None) or (None, "missing" | "forged" | "expired")."""
    return read_render_time(_render_time_secret(), token, now, max_age)


def email_link_token(purpose: str, value: str | int) -> str:
    """A token for a link in an email: ("moderate-approve", 42), ("unsubscribe-replies", 42), ("unsubscribe", email)."""
    return signing.dumps({"p": purpose, "v": value}, salt=EMAIL_LINK_SALT, compress=True)


def read_email_link_token(token: str) -> tuple[str, str | int] | None:
    """(purpose, value), or None when the token is forged or older than a month."""
    try:
        payload = signing.loads(token, salt=EMAIL_LINK_SALT, max_age=EMAIL_LINK_MAX_AGE)
    except signing.BadSignature:
        return None
    return payload["p"], payload["v"]
