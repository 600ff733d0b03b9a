"""Builders for the discussion's tests: comments as real rows, and a reader's browser posting the real form."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from broadsheet.discussion.models import Comment
from broadsheet.discussion.tokens import render_time_token
from broadsheet.publishing.models import Page

_sequence = itertools.count(1)
SITE = "http://testserver"


@pytest.fixture(autouse=True)
def run_jobs_at_once_and_forget_cached_settings(settings):
    """Background jobs run as they are enqueued, and each test starts with the default discussion settings."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_comment(db):
    """A stored comment (approved unless told otherwise) under an article or a page, as if it had been posted
    and moderated earlier."""

    def build(subject, content: str | None = None, *, parent=None, **fields) -> Comment:
        number = next(_sequence)
        fields.setdefault("author_name", f"Reader {number}")
        fields.setdefault("author_email", f"reader{number}@example.org")
        fields.setdefault("status", Comment.Status.APPROVED)
        fields.setdefault("created_at", timezone.now() - timedelta(hours=2))
        return Comment.objects.create(
            **Comment.fields_for(subject),
            parent=parent,
            content=content or f"A thoughtful remark, number {number}.",
            **fields,
        )

    return build


def form_data(subject, **fields) -> dict:
    """What a reader's browser sends from the comment form (under an article or a page), the form having been
    open for a minute."""
    data = {
        "page" if isinstance(subject, Page) else "article": subject.pk,
        "author_name": "Jo Reader",
        "author_email": "jo@example.org",
        "author_url": "",
        "content": "A fair point about the budget, though the figures for next year look optimistic.",
        "rendered": render_time_token(timezone.now() - timedelta(minutes=1)),
        "message": "",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def post_comment_form(client):
    """POST the comment form as a browser on this site would (with its Origin header)."""

    def post(subject, *, origin: str | None = SITE, ip: str = "203.0.113.7", **fields):
        headers = {"REMOTE_ADDR": ip}
        if origin:
            headers["HTTP_ORIGIN"] = origin
        return client.post("/comments/post/", form_data(subject, **fields), **headers)

    return post
