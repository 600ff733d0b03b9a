"""Publishing's pages: each view parses the request, asks a selector, and renders."""

from __future__ import annotations

import datetime
from urllib.parse import unquote

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import selectors
from .bodies import link_see_also_markers
from .models import Article, Author, Page, Section, Tag
from .search import search_articles
from .sharing import share_links
from .structured_data import absolute, as_script, news_article


def paginate(request: HttpRequest, items):
    return Paginator(items, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    lead, sections = selectors.front_page()
    return render(request, "publishing/home.html", {"lead": lead, "sections": sections})


@require_safe
def article_detail(request: HttpRequest, year: int, month: str, day: str, slug: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.published().select_related("section"), slug=slug)
    # request.path is decoded, get_absolute_url() percent-encoded: compare alike, or a Unicode slug loops.
    if request.path != unquote(article.get_absolute_url()):
        return redirect(article, permanent=True)  # the date in the URL follows the publish time
    return render_article(request, article)


@staff_member_required
def article_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Editors see a draft or scheduled article exactly as readers will."""
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    response = render_article(request, article, preview=True)
    response["X-Robots-Tag"] = "noindex"
    return response


def render_article(request: HttpRequest, article: Article, preview: bool = False) -> HttpResponse:
    page = selectors.article_page(article)
    url = absolute(article.get_absolute_url())
    return render(
        request,
        "publishing/article.html",
        {
            "article": article,
            "authors": page.authors,
            "tags": page.tags,
            "preview": preview,
            "body": link_see_also_markers(article.body_html, page.see_also_targets, page.related),
            "related": page.related,
            "share_links": share_links(url, article.title),
            "absolute_url": url,
            "canonical_url": article.canonical_url or url,
            "featured_image_absolute": absolute(article.featured_image_src)
            if article.featured_image_src
            else "",
            "structured_data": as_script(news_article(article, page.authors, page.tags)),
        },
    )


@require_safe
def section_detail(request: HttpRequest, slug: str) -> HttpResponse:
    section = get_object_or_404(Section, slug=slug)
    page = paginate(request, selectors.articles_in_section(section))
    return render(request, "publishing/section.html", {"section": section, "page": page})


@require_safe
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    return render(
        request,
        "publishing/tag.html",
        {"tag": tag, "page": paginate(request, selectors.articles_tagged(tag))},
    )


@require_safe
def author_detail(request: HttpRequest, slug: str) -> HttpResponse:
    author = get_object_or_404(Author, slug=slug)
    page = paginate(request, selectors.articles_by(author))
    return render(request, "publishing/author.html", {"author": author, "page": page})


@require_safe
def archive(
    request: HttpRequest, year: int, month: str | None = None, day: str | None = None
) -> HttpResponse:
    articles = Article.objects.published().for_listing().filter(published_at__year=year)
    try:
        period = datetime.date(year, int(month or 1), int(day or 1))
    except ValueError as error:
        raise Http404("No such date") from error
    if month:
        articles = articles.filter(published_at__month=period.month)
    if day:
        articles = articles.filter(published_at__day=period.day)
    granularity = "day" if day else "month" if month else "year"
    page = paginate(request, articles)
    if not page.object_list and period > timezone.localdate():
        raise Http404("Nothing is published in the future")
    return render(
        request, "publishing/archive.html", {"page": page, "period": period, "granularity": granularity}
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = search_articles(query) if query else []
    return render(
        request,
        "publishing/search.html",
        {"query": query, "page": paginate(request, results), "count": len(results)},
    )


@require_safe
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(Page.objects.published(), slug=slug)
    return render(request, "publishing/page.html", {"page": page})


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        "Disallow: /search/",
        "",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
        f"Sitemap: {settings.SITE_URL}/news-sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", {"query": request.GET.get("q", "")}, status=404)
