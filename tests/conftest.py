"""Shared test builders: small factories for the newsroom's content, real database rows, no fixtures files."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.publishing.models import Article, Author, Section, Tag

_sequence = itertools.count(1)


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: cached pages and settings never leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def make_section(db):
    def build(name: str | None = None, **fields) -> Section:
        name = name or f"Section {next(_sequence)}"
        return Section.objects.create(
            name=name, slug=fields.pop("slug", name.lower().replace(" ", "-")), **fields
        )

    return build


@pytest.fixture
def make_author(db):
    def build(name: str | None = None, **fields) -> Author:
        name = name or f"Author {next(_sequence)}"
        return Author.objects.create(
            name=name, slug=fields.pop("slug", name.lower().replace(" ", "-")), **fields
        )

    return build


@pytest.fixture
def make_tag(db):
    def build(name: str | None = None) -> Tag:
        name = name or f"Tag {next(_sequence)}"
        return Tag.objects.create(name=name, slug=name.lower().replace(" ", "-"))

    return build


@pytest.fixture
def make_article(db, make_section):
    """A published article (an hour old) unless told otherwise; authors and tags by keyword."""

    def build(title: str | None = None, *, authors=(), tags=(), section=None, **fields) -> Article:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - timedelta(hours=1))
        fields.setdefault("body_source", "A short report.")
        article = Article.objects.create(
            title=title or f"Article {next(_sequence)}", section=section or make_section(), **fields
        )
        article.authors.set(authors)
        article.tags.set(tags)
        return article

    return build
