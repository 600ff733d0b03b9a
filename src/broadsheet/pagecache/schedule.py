"""When the next scheduled article goes live: no event marks that moment, so no page may be kept past it.

The time is computed once and shared through the version store until it passes or an article changes.
"""

from __future__ import annotations

from broadsheet.publishing.models import Article

from . import store

NEXT_PUBLISH_KEY = store.KEY_PREFIX + "next-publish"
RECHECK_SECONDS = 3600  # also catches schedules written without a signal (bulk imports)


def seconds_until_next_publish(now: float) -> float | None:
    """Seconds until a scheduled article becomes visible, or None when nothing is scheduled."""
    versions = store.versions()
    when = versions.get(NEXT_PUBLISH_KEY)
    if when is None:
        upcoming = (
            Article.objects.published_or_scheduled()
            .filter(published_at__gt=_aware(now))
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )
        when = upcoming.timestamp() if upcoming else 0.0
        recheck = min(RECHECK_SECONDS, when - now) if upcoming else RECHECK_SECONDS
        versions.set(NEXT_PUBLISH_KEY, when, timeout=max(1, int(recheck)))
    return max(0.0, when - now) if when else None


def forget_next_publish() -> None:
    store.versions().delete(NEXT_PUBLISH_KEY)


def _aware(timestamp: float):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(timestamp, tz=UTC)
