from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "broadsheet.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (connects invalidation to publishing's and the discussion's signals)
