from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "broadsheet.discussion"
    label = "discussion"
    verbose_name = "Discussion"

    def ready(self) -> None:
        from .learning import teach_spam_filter
        from .signals import comment_moderated

        comment_moderated.connect(teach_spam_filter, dispatch_uid="discussion.teach_spam_filter")
