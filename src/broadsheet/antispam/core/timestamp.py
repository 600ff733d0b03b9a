"""A signed form-render time, so a bot that posts faster than a human can type is caught, even behind a page cache.

The token is rendered into the comment form. When the article page is fully cached the form (and its token)
can be old; that is why a token is only "expired" after days, and why the site may also refresh it with a
tiny uncached request. The signature is HMAC-SHA256 over the time, so a bot cannot backdate it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import UTC, datetime

TOKEN_VERSION = "t1"


def _signature(secret: bytes, payload: str) -> str:
    digest = hmac.new(secret, payload.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode("ascii")


def sign_render_time(secret: bytes, when: datetime) -> str:
    """A token carrying `when` (to the millisecond) and its signature."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    payload = f"{TOKEN_VERSION}.{int(when.timestamp() * 1000)}"
    return f"{payload}.{_signature(secret, payload)}"


def read_render_time(
    secret: bytes, token: str, now: datetime, max_age: float
) -> tuple[datetime | None, str | None]:
    """The render time in a token and the problem with it: (time, None) or (None, "missing"/"forged"/"expired")."""
    if not token:
        return None, "missing"
    parts = token.strip().split(".")
    if len(parts) != 3 or parts[0] != TOKEN_VERSION or not parts[1].isdigit():
        return None, "forged"
    payload = f"{parts[0]}.{parts[1]}"
    if not hmac.compare_digest(_signature(secret, payload), parts[2]):
        return None, "forged"
    rendered_at = datetime.fromtimestamp(int(parts[1]) / 1000, tz=UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    age = (now - rendered_at).total_seconds()
    if age > max_age:
        return None, "expired"
    # A render time in the future (beyond clock jitter between servers) was not made by us.
    if age < -60:
        return None, "forged"
    return rendered_at, None
