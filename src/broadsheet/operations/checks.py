"""Startup checks: what the site refuses to run without."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = (
    "SECRET_KEY is not set. Production mode refuses to start without one; "
    "set SECRET_KEY, or BROADSHEET_DEMO=1 to run the demo with a generated key."
)


def require_secret_key() -> None:
    """Stop a server at boot, not at the first request that signs something (a form, a session, a link)."""
    try:
        settings.SECRET_KEY  # noqa: B018 - Django raises on reading an empty key
    except ImproperlyConfigured:
        raise ImproperlyConfigured(MISSING_SECRET_KEY) from None


@checks.register
def secret_key_is_set(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        require_secret_key()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="broadsheet.E001")]
    return []
