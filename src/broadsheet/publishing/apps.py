from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "broadsheet.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the search index and related-article refresh)
