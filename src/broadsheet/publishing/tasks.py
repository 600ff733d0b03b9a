"""Publishing's background jobs."""

from django_tasks import task

from .models import Article
from .related import refresh_related_articles
from .signals import related_lists_changed


@task()
def refresh_related_lists() -> int:
    """Recompute related articles after an edit; runs in the worker because it reads every article."""
    changed = refresh_related_articles()
    if changed:
        related_lists_changed.send(sender=Article, article_ids=changed)
    return len(changed)
