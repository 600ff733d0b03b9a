"""The demo's conversation: threaded comments under the latest articles, a few awaiting moderation and spam."""

from __future__ import annotations

import random
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from broadsheet.antispam.core import Decision, Submission, Verdict
from broadsheet.publishing.models import Article

from .models import Comment, DiscussionSettings
from .screening import FIRST_TIME_COMMENTER, Screening, engine_for

DEMO_EMAIL_DOMAIN = "demo.invalid"  # a reserved domain: no demo notification can reach anyone
DEMO_USER_AGENT = "Mozilla/5.0 (demo)"
ARTICLES_WITH_COMMENTS = 12

COMMENTERS = [
    ("Hannah Price", ""), ("Marcus Bell", "https://marcusbell.example"), ("Aisha Khan", ""),
    ("Oliver Grant", ""), ("Sofia Rossi", "https://sofia-writes.example"), ("Liam O'Connor", ""),
    ("Mei Chen", ""), ("George Adeyemi", ""), ("Ruth Lindqvist", ""), ("Tom Baker", ""),
]  # fmt: skip
OPENERS = [
    "Good piece. I'd be interested to know how this compares with the figures from last year, though.",
    "This matches what I've seen locally. Nobody seems to be asking who pays for it in the end.",
    "I think the article undersells the point in the fourth paragraph; that's the real story here.",
    "Thanks for the clear explanation. The background section was especially useful.",
    "I'm not convinced. The same promises were made a few years ago and very little changed.",
    "Interesting that the *timing* of this announcement is never questioned.",
    "Worth reading alongside the original report: https://www.bbc.co.uk/news",
    "As someone who works in this area, I can say the reality is more complicated than the headline suggests.",
    "A balanced report for once. More of this, please.",
    "Does anyone know whether this applies outside England as well?",
]
REPLIES = [
    "Fair point, but I think you're overlooking how long these things take to show up in the numbers.",
    "> nobody seems to be asking who pays\n\nExactly. It always ends up on the bill one way or another.",
    "I had the same question. As far as I can tell, it does, but with some exceptions.",
    "Agreed. The fourth paragraph deserved a headline of its own.",
    "I'd push back a little: the situation really has changed since then.",
    "Thanks, that's a useful perspective from someone on the inside.",
    "Quite right. It's the `details` that matter here, not the announcement.",
]
HELD = [
    "First time commenting here. I wonder whether the reporter spoke to anyone affected directly?",
    "Long-time reader. This is the third article on the subject this month; is there a summary somewhere?",
]
SPAM = "Great post!!! Check out my site for cheap watches https://cheap-watches.example and https://deals.example"


def load_demo_comments() -> int:
    """Add the demo's comments once (a second run adds nothing); returns how many were added."""
    if Comment.objects.filter(author_email__endswith=f"@{DEMO_EMAIL_DOMAIN}").exists():
        return 0
    rng = random.Random(3)
    now = timezone.now()
    articles = list(
        Article.objects.published()
        .filter(comments_open=True)
        .order_by("-published_at")[:ARTICLES_WITH_COMMENTS]
    )
    added = 0
    with transaction.atomic():
        for position, article in enumerate(articles):
            start = article.published_at + timedelta(minutes=20)
            span = max((now - start).total_seconds(), 3600)
            moments = sorted(start + timedelta(seconds=rng.uniform(0, span * 0.9)) for _ in range(12))
            thread: list[Comment] = []
            for index in range(rng.randint(3, 7)):
                parent = rng.choice(thread) if thread and rng.random() < 0.55 else None
                if parent is not None and parent.depth >= 4:
                    parent = None
                text = rng.choice(REPLIES if parent else OPENERS)
                thread.append(_add(article, text, parent, moments[index], rng, Comment.Status.APPROVED))
            added += len(thread)
            if position % 4 == 0:  # something for the moderator's queue
                _add(article, HELD[position % len(HELD)], None, moments[-2], rng, Comment.Status.PENDING)
                added += 1
            if position % 6 == 0:
                _add(article, SPAM, None, moments[-1], rng, Comment.Status.SPAM, name="Cheap Watches Online")
                added += 1
    return added


def _add(article, text, parent, when, rng, status, name: str | None = None) -> Comment:
    """One demo comment, screened by the real engine so the queue shows what it really decided and why.

    The status is the demo's (the threads as if moderators had approved them); the two held comments wait as
    a first-time commenter's would.
    """
    author, url = (name, "https://cheap-watches.example") if name else rng.choice(COMMENTERS)
    email = f"{author.lower().replace(' ', '.').replace(chr(39), '')}@{DEMO_EMAIL_DOMAIN}"
    ip = f"192.0.2.{rng.randint(1, 254)}"  # TEST-NET-1: documentation addresses, never a real reader
    verdict = _screened(text, author, email, url, ip, is_reply=parent is not None)
    waits_as_first_comment = status == Comment.Status.PENDING and verdict.decision == Decision.APPROVE
    screening = Screening(verdict, status, (FIRST_TIME_COMMENTER,) if waits_as_first_comment else ())
    return Comment.objects.create(
        article=article,
        parent=parent,
        author_name=author,
        author_email=email,
        author_url=url,
        content=text,
        status=status,
        created_at=min(when, timezone.now()),
        ip=ip,
        user_agent=DEMO_USER_AGENT,
        notify_replies=rng.random() < 0.3,
        spam_decision=str(verdict.decision),
        spam_score=round(verdict.score, 4),
        spam_reasons=screening.reasons_as_data(),
    )


def _screened(text: str, author: str, email: str, url: str, ip: str, *, is_reply: bool) -> Verdict:
    """The engine's verdict on a demo comment; there was no comment form, so no timing evidence."""
    submission = Submission(
        content=text,
        author=author,
        email=email,
        url=url,
        ip=ip,
        user_agent=DEMO_USER_AGENT,
        is_reply=is_reply,
        site_language=settings.SITE_LANGUAGE,
    )
    return engine_for(DiscussionSettings.current()).check(submission)
