"""sitemap.xml for every public page, and a Google News sitemap of the last 48 hours."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from .models import Article, Author, Page, Section, Tag


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .order_by("-published_at", "-id")
            .only("slug", "published_at", "updated_at")
        )

    def lastmod(self, item: Article):
        return max(item.updated_at, item.published_at)


class NewsSitemap(ArticleSitemap):
    """Google News wants only what was published in the last two days, with its title and language."""

    limit = 1000

    def items(self):
        since = timezone.now() - timedelta(hours=48)
        return Article.objects.published().filter(published_at__gte=since).order_by("-published_at")

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        for entry in urls:
            entry["news_title"] = entry["item"].title
            entry["news_language"] = settings.SITE_LANGUAGE
            entry["news_publication"] = settings.SITE_NAME
        return urls


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.all()


class TagSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Tag.objects.filter(articles__in=Article.objects.published()).distinct()


class AuthorSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Author.objects.filter(articles__in=Article.objects.published()).distinct()


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published()

    def lastmod(self, item: Page):
        return item.updated_at


class HomeSitemap(Sitemap):
    changefreq = "always"
    priority = 1.0

    def items(self):
        return ["publishing:home"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "home": HomeSitemap,
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "pages": PageSitemap,
}
