"""Publishing's write paths: every change to an article goes through here, whoever makes it."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Article
from .signals import article_changed
from .tasks import refresh_related_lists


def articles_were_edited(*articles: Article) -> None:
    """Call after articles and their tags are saved: once committed, tell listeners (the page cache) and
    queue the refresh of related lists, which reads every article and so runs in the worker."""

    def announce() -> None:
        for article in articles:
            article_changed.send(sender=Article, article=article)
        refresh_related_lists.enqueue()

    transaction.on_commit(announce)


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
