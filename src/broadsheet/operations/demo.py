"""The demo site's content: the 2,095 BBC News articles of the shared data, with invented authors and dates."""

from __future__ import annotations

import html
import json
import random
from collections.abc import Callable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from broadsheet.publishing.models import Article, Author, Section
from broadsheet.publishing.related import refresh_related_articles
from broadsheet.shared_data import shared_data_file

DEMO_AUTHORS = [
    ("Amara Okafor", "Covers markets and the economy."),
    ("Daniel Whitford", "Political correspondent at Westminster."),
    ("Priya Raman", "Technology reporter."),
    ("Tomás Herrera", "Sports writer."),
    ("Eleanor Marsh", "Arts and entertainment editor."),
    ("Kwame Mensah", "General news reporter."),
]
SECTION_ORDER = ["business", "politics", "tech", "sport", "entertainment"]
SECTION_NAMES = {"tech": "Technology"}
SPREAD_DAYS = 120  # publish dates fall over the last four months
SCHEDULED_COUNT = 3  # a few stories wait in the future to show scheduling


def load_demo_content(progress: Callable[[int, int], None] | None = None) -> int:
    """Load every article of bbc-news.jsonl once; a second run adds nothing. Returns how many were added."""
    path = shared_data_file("news/bbc-news.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    existing = set(Article.objects.values_list("slug", flat=True))
    fresh = [record for record in records if record["id"] not in existing]
    if not fresh:
        return 0
    rng = random.Random(2095)  # the same demo every time
    now = timezone.now()
    with transaction.atomic():
        sections = {
            key: Section.objects.get_or_create(
                slug=key, defaults={"name": SECTION_NAMES.get(key, key.title()), "position": position}
            )[0]
            for position, key in enumerate(SECTION_ORDER)
        }
        authors = [
            Author.objects.get_or_create(slug=slugify(name), defaults={"name": name, "bio": bio})[0]
            for name, bio in DEMO_AUTHORS
        ]
        articles, bylines = [], []
        for index, record in enumerate(fresh, start=1):
            section = (
                sections.get(record["section"])
                or Section.objects.get_or_create(
                    slug=slugify(record["section"]), defaults={"name": record["section"].title()}
                )[0]
            )
            sections[record["section"]] = section
            article = demo_article(record, section, now, rng, see_also=index % 4 == 0)
            article.render_derived_fields()
            articles.append(article)
            bylines.append(rng.sample(authors, 2 if rng.random() < 0.15 else 1))
            if progress:
                progress(index, len(fresh))
        for article in articles[:SCHEDULED_COUNT]:
            article.published_at = now + timedelta(days=rng.randint(1, 5), hours=rng.randint(0, 23))
            article.status = Article.Status.SCHEDULED
        Article.objects.bulk_create(articles, batch_size=500)
        saved = Article.objects.in_bulk([a.slug for a in articles], field_name="slug")
        Article.authors.through.objects.bulk_create(
            Article.authors.through(article_id=saved[article.slug].pk, author_id=author.pk)
            for article, byline in zip(articles, bylines, strict=True)
            for author in byline
        )
    refresh_related_articles()
    return len(articles)


def demo_article(record: dict, section: Section, now, rng: random.Random, see_also: bool) -> Article:
    first, *rest = record["paragraphs"] or [""]
    paragraphs = [f"<p>{html.escape(text)}</p>" for text in rest]
    if see_also and len(paragraphs) > 3:
        paragraphs.insert(2, "<p>[[see also]]</p>")
    # Most stories are recent; a skew towards now makes the front page feel like today's paper.
    age = timedelta(days=SPREAD_DAYS * rng.random() ** 2, minutes=rng.randint(0, 24 * 60))
    return Article(
        title=record["title"],
        slug=record["id"][:200],
        standfirst=first,
        body_format=Article.BodyFormat.HTML,
        body_source="\n".join(paragraphs),
        section=section,
        status=Article.Status.PUBLISHED,
        published_at=now - age,
    )
