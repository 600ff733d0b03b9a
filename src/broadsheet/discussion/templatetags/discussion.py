"""Template tags the article and page templates use to show their discussion; publishing's templates ask,
publishing's code knows nothing of comments."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html

from broadsheet.publishing.models import Article, Page

from ..forms import HONEYPOT_FIELD, RENDER_TIME_FIELD
from ..middleware import mark_private
from ..models import Subject
from ..rendering import comment_list
from ..selectors import Discussion, approved_comment_counts, discussion_of
from ..tokens import render_time_token

register = template.Library()


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 12 else None


def discussion_for_request(context, subject: Subject) -> Discussion:
    """The article's (or page's) discussion, read once per request however many tags ask for it."""
    cached = getattr(subject, "_discussion", None)
    if cached is None:
        request = context.get("request")
        query = request.GET if request is not None else {}
        cached = discussion_of(
            subject,
            held_id=_number(query.get("unapproved")),
            held_hash=query.get("moderation-hash", ""),
            reply_to_id=_number(query.get("replytocom")),
        )
        setattr(subject, "_discussion", cached)  # noqa: B010  (a per-request memo, not a field)
        if cached.shows_held_notice and request is not None:
            mark_private(
                request
            )  # this page shows one reader's own held comment: no shared cache may keep it
    return cached


@register.simple_tag(takes_context=True)
def discussion_of_subject(context, subject: Subject) -> Discussion:
    """The discussion itself, for a template that decides whether to show it:
    `{% discussion_of_subject page as discussion %}{% if discussion.is_shown %}…`."""
    return discussion_for_request(context, subject)


@register.inclusion_tag("discussion/discussion.html", takes_context=True)
def discussion_for(context, subject: Subject) -> dict:
    """The thread and the form: `{% discussion_for article %}` (or a page)."""
    discussion = discussion_for_request(context, subject)
    return {
        "discussion": discussion,
        "subject": subject,
        "subject_field": subject_field(subject),
        "feed_url": feed_url(subject),
        "request": context.get("request"),
        "honeypot_field": HONEYPOT_FIELD,
        "render_time_field": RENDER_TIME_FIELD,
        "render_time_token": render_time_token(),
        "max_length": settings.COMMENT_MAX_LENGTH,
        "author_max_length": settings.COMMENT_AUTHOR_MAX_LENGTH,
    }


@register.simple_tag
def count_comments(*groups) -> str:
    """Give every article in a listing its `comment_count`, in one query: `{% count_comments page %}`.

    Groups may nest (the front page passes its (section, articles) pairs); anything not an article is skipped.
    """
    articles: list[Article] = []

    def collect(item) -> None:
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, list | tuple) or hasattr(item, "object_list"):
            for each in item:
                collect(each)

    for group in groups:
        collect(group)
    counts = approved_comment_counts(article.pk for article in articles)
    for article in articles:
        article.comment_count = counts.get(article.pk, 0)  # type: ignore[attr-defined]
    return ""


@register.simple_tag
def comment_thread(discussion: Discussion):
    """The nested list of comments (see rendering.py for why it is not a template)."""
    return comment_list(discussion.entries, replies_open=discussion.is_open)


@register.simple_tag(takes_context=True)
def comment_count_label(context, article: Subject) -> str:
    """ "Leave a comment", "1 comment" or "12 comments", from the same query as the thread."""
    count = discussion_for_request(context, article).count
    if not count:
        return "Leave a comment"
    return f"{count} comment" if count == 1 else f"{count:,} comments"


@register.simple_tag
def comment_feed_link(subject: Subject) -> str:
    """The <link rel="alternate"> announcing the article's (or page's) comments feed."""
    return format_html(
        '<link rel="alternate" type="application/rss+xml" title="Comments on {} (RSS)" href="{}">',
        subject.title,
        feed_url(subject),
    )


def feed_url(subject: Subject) -> str:
    if isinstance(subject, Page):
        return reverse("discussion:page-feed", args=[subject.pk])
    return reverse("discussion:article-feed", args=[subject.pk])


def subject_field(subject: Subject) -> str:
    """The form field that names what the comment is under: "article" or "page" (its value is the id)."""
    return "page" if isinstance(subject, Page) else "article"


@register.inclusion_tag("discussion/_comment_form.html", takes_context=True)
def comment_form(
    context, subject: Subject, form=None, form_data=None, reply_to=None, heading_level=3
) -> dict:
    """The form on its own, for the error page: `{% comment_form article form=form %}`."""
    return {
        "subject": subject,
        "subject_field": subject_field(subject),
        "form": form,
        "form_data": form_data or {},
        "reply_to": reply_to,
        "heading_level": heading_level,
        "honeypot_field": HONEYPOT_FIELD,
        "render_time_field": RENDER_TIME_FIELD,
        "render_time_token": (form_data or {}).get(RENDER_TIME_FIELD) or render_time_token(),
        "max_length": settings.COMMENT_MAX_LENGTH,
        "author_max_length": settings.COMMENT_AUTHOR_MAX_LENGTH,
        "site_url": settings.SITE_URL,
    }
