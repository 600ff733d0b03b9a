"""Machine-readable descriptions of an article: JSON-LD NewsArticle for search engines."""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from .models import Article, Author, Tag

# Characters that could end the <script> element or open a comment inside it.
SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


def news_article(article: Article, authors: Iterable[Author], tags: Iterable[Tag]) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.description,
        "datePublished": article.published_at.isoformat(),
        "dateModified": max(article.updated_at, article.published_at).isoformat(),
        "mainEntityOfPage": absolute(article.get_absolute_url()),
        "articleSection": article.section.name,
        "wordCount": article.word_count,
        "author": [
            {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
            for author in authors
        ],
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": settings.SITE_URL},
        "keywords": [tag.name for tag in tags],
    }
    if article.featured_image_src:
        data["image"] = [absolute(article.featured_image_src)]
    return data


def as_script(data: dict) -> SafeString:
    payload = json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
