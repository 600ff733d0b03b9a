from django.contrib.sitemaps import views as sitemap_views
from django.urls import path, register_converter

from . import feeds, views
from .sitemaps import SITEMAPS, NewsSitemap


class TwoDigits:
    regex = "[0-9]{2}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return f"{int(value):02d}"


class UnicodeSlug:
    """A slug in any script: WordPress keeps Cyrillic, Greek or CJK slugs, and so does Broadsheet. Django's
    `slug` converter takes ASCII only; `\\w` here is Unicode-aware (letters and digits of every script)."""

    regex = r"[-\w]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TwoDigits, "two")
register_converter(UnicodeSlug, "uslug")

app_name = "publishing"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:year>/<two:month>/<two:day>/<uslug:slug>/", views.article_detail, name="article"),
    path("<int:year>/", views.archive, name="archive-year"),
    path("<int:year>/<two:month>/", views.archive, name="archive-month"),
    path("<int:year>/<two:month>/<two:day>/", views.archive, name="archive-day"),
    path("preview/<int:pk>/", views.article_preview, name="preview"),
    path("section/<uslug:slug>/", views.section_detail, name="section"),
    path("tag/<uslug:slug>/", views.tag_detail, name="tag"),
    path("author/<uslug:slug>/", views.author_detail, name="author"),
    path("search/", views.search, name="search"),
    path("page/<uslug:slug>/", views.page_detail, name="page"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("section/<uslug:slug>/feed/", feeds.SectionFeed(), name="section-feed"),
    path("section/<uslug:slug>/feed/atom/", feeds.SectionAtomFeed(), name="section-feed-atom"),
    path("tag/<uslug:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("tag/<uslug:slug>/feed/atom/", feeds.TagAtomFeed(), name="tag-feed-atom"),
    path("author/<uslug:slug>/feed/", feeds.AuthorFeed(), name="author-feed"),
    path("author/<uslug:slug>/feed/atom/", feeds.AuthorAtomFeed(), name="author-feed-atom"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "news-sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "publishing/news_sitemap.xml"},
        name="news-sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
]
