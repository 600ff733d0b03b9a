"""Publishing's reads: what each page shows, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from .bodies import see_also_slugs
from .models import Article, Author, RelatedArticle, Section, Tag, is_published_condition

LATEST_PER_SECTION = 4


# What a link to another article needs; the bodies of the articles it links to stay in the database.
ARTICLE_LINK_FIELDS = ("title", "slug", "published_at", "section__name", "section__slug")


@dataclass
class ArticlePage:
    """Everything an article page shows besides the article's own fields and its discussion."""

    article: Article
    authors: list[Author] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    related: list[Article] = field(default_factory=list)
    see_also_targets: dict[str, Article] = field(default_factory=dict)


def article_page(article: Article) -> ArticlePage:
    """The article's authors, tags, related list and See-also targets: four queries at most.

    Plain queries rather than prefetch_related: on the hottest page the prefetch machinery cost more than
    the two queries it runs.
    """
    authors = list(article.authors.order_by("name"))
    tags = list(article.tags.all())
    related = [
        link.related
        for link in RelatedArticle.objects.filter(is_published_condition("related__"), article=article)
        .select_related("related__section")
        .only(*(f"related__{name}" for name in ARTICLE_LINK_FIELDS))
        .order_by("rank")
    ]
    chosen = see_also_slugs(article.body_html)
    targets = (
        {
            target.slug: target
            for target in Article.objects.published().filter(slug__in=chosen).only(*ARTICLE_LINK_FIELDS)
        }
        if chosen
        else {}
    )
    return ArticlePage(article, authors, tags, related, targets)


def front_page() -> tuple[Article | None, list[tuple[Section, list[Article]]]]:
    """The lead story and the latest few of each section, in two queries."""
    ranked = (
        Article.objects.published()
        .select_related("section")
        .annotate(
            place=Window(RowNumber(), partition_by=[F("section_id")], order_by=[F("published_at").desc()])
        )
        .filter(place__lte=LATEST_PER_SECTION + 1)
        .order_by("section__position", "section__name", "-published_at")
    )
    by_section: dict[int, tuple[Section, list[Article]]] = {}
    lead: Article | None = None
    for article in ranked:
        if lead is None or article.published_at > lead.published_at:
            lead = article
        by_section.setdefault(article.section_id, (article.section, []))[1].append(article)
    sections = [
        (section, [a for a in articles if a != lead][:LATEST_PER_SECTION])
        for section, articles in by_section.values()
    ]
    return lead, sections


def articles_in_section(section: Section):
    return Article.objects.published().filter(section=section).for_listing()


def articles_tagged(tag: Tag):
    return Article.objects.published().filter(tags=tag).for_listing()


def articles_by(author: Author):
    return Article.objects.published().filter(authors=author).for_listing()
