"""Publishing's signals: what other parts (the page cache, the discussion) may listen to, and its own hooks."""

from django.db.models.signals import post_migrate
from django.dispatch import Signal, receiver

# Sent once an editor's change to an article is committed. Arguments: article.
article_changed = Signal()
# Sent when the background refresh changed some articles' related lists. Arguments: article_ids.
related_lists_changed = Signal()


@receiver(post_migrate)
def ensure_search_index_after_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    if app_config is None or app_config.label != "publishing":
        return
    from django.db import connections

    from .search import ensure_search_index

    ensure_search_index(connections[using])
