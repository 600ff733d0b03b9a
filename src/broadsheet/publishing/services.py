"""Publishing's write paths: every change to an article goes through here, whoever makes it."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Article
from .related import refresh_related_articles
from .signals import article_changed


def articles_were_edited(*articles: Article) -> None:
    """Call after articles and their tags are saved: once committed, refresh the related lists and tell
    listeners (the page cache) which pages changed."""

    def refresh_and_announce() -> None:
        related_changed = refresh_related_articles()
        for article in articles:
            article_changed.send(sender=Article, article=article, related_changed=related_changed)

    transaction.on_commit(refresh_and_announce)


def publish(articles, when: datetime | None = None) -> int:
    """Publish now (or at `when`, which schedules it when in the future)."""
    articles = list(articles)
    for article in articles:
        article.status = Article.Status.PUBLISHED
        article.published_at = when or timezone.now()
        article.save()
    articles_were_edited(*articles)
    return len(articles)


def return_to_draft(articles) -> int:
    articles = list(articles)
    for article in articles:
        article.status = Article.Status.DRAFT
        article.save()
    articles_were_edited(*articles)
    return len(articles)
