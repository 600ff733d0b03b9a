"""RSS feeds of approved comments: the site's latest, and one per article or page. Never an email address."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags

from broadsheet.publishing.models import Article, Page

from .models import Comment

FEED_LENGTH = 30


class LatestCommentsFeed(Feed):
    def title(self, obj=None) -> str:
        return f"Comments on {settings.SITE_NAME}"

    def link(self, obj=None) -> str:
        return reverse("publishing:home")

    def description(self, obj=None) -> str:
        return f"The latest comments on {settings.SITE_NAME}."

    def comments(self, obj):
        return Comment.objects.approved().filter(
            Q(article__in=Article.objects.published()) | Q(page__in=Page.objects.published())
        )

    def items(self, obj=None):
        return (
            self.comments(obj)
            .select_related("article", "page")
            .only(
                "id",
                "author_name",
                "content_html",
                "created_at",
                "article__title",
                "article__slug",
                "article__published_at",
                "page__title",
                "page__slug",
            )
            .order_by("-created_at", "-id")[:FEED_LENGTH]
        )

    def item_title(self, item: Comment) -> str:
        return f"{item.author_name} on “{item.subject.title}”"

    def item_description(self, item: Comment) -> str:
        return strip_tags(item.content_html)

    def item_link(self, item: Comment) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Comment):
        return item.created_at

    def item_author_name(self, item: Comment) -> str:
        return item.author_name

    def item_guid(self, item: Comment) -> str:
        return f"{settings.SITE_URL}/comments/{item.pk}"

    item_guid_is_permalink = False


class ArticleCommentsFeed(LatestCommentsFeed):
    def get_object(self, request, article_id: int) -> Article:
        return get_object_or_404(Article.objects.published(), pk=article_id)

    def title(self, obj=None) -> str:
        return f"Comments on “{obj.title}”"

    def link(self, obj=None) -> str:
        return obj.get_absolute_url()

    def description(self, obj=None) -> str:
        return f"Comments on “{obj.title}” at {settings.SITE_NAME}."

    def comments(self, obj):
        return Comment.objects.approved().on(obj)


class PageCommentsFeed(ArticleCommentsFeed):
    def get_object(self, request, page_id: int) -> Page:  # type: ignore[override]
        return get_object_or_404(Page.objects.published(), pk=page_id)
