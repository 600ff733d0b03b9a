"""The discussion's reads: a thread (an article's or page's) in one query, threaded in Python, and counts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from .models import Comment, DiscussionSettings, Subject, VerdictTally
from .tokens import moderation_hash_matches


@dataclass
class ThreadEntry:
    """A comment in its place in the thread, with the replies shown under it."""

    comment: Comment
    level: int
    replies: list[ThreadEntry] = field(default_factory=list)

    @property
    def accepts_replies(self) -> bool:
        return self.level < settings.COMMENT_MAX_DEPTH and self.comment.is_approved


@dataclass
class Discussion:
    subject: Subject  # the article or page the comments are under
    entries: list[ThreadEntry]
    count: int  # approved comments only
    is_open: bool
    held_comment: Comment | None = None  # the reader's own held comment, when their link proves it is theirs
    shows_held_notice: bool = False
    reply_to: Comment | None = None

    @property
    def is_shown(self) -> bool:
        """Whether a standalone page shows a comment section: as in WordPress themes, not when it is closed to
        comments and has none to show (an About page). An article's page always shows one."""
        return self.is_open or bool(self.entries) or self.shows_held_notice


def discussion_of(
    subject: Subject, *, held_id: int | None = None, held_hash: str = "", reply_to_id: int | None = None
) -> Discussion:
    """The article's (or page's) approved comments as a thread, plus the reader's own held comment when
    `held_hash` is the moderation hash of `held_id`. One query, however many comments and levels."""
    shows_held = held_id is not None and moderation_hash_matches(held_id, held_hash)
    visible = Q(status=Comment.Status.APPROVED)
    if shows_held:
        visible |= Q(pk=held_id, status=Comment.Status.PENDING)
    comments = list(Comment.objects.on(subject).filter(visible).for_thread())
    held = next((comment for comment in comments if shows_held and comment.pk == held_id), None)
    by_id = {comment.pk: comment for comment in comments}
    reply_to = by_id.get(reply_to_id) if reply_to_id else None
    return Discussion(
        subject=subject,
        entries=thread(comments, settings.COMMENT_MAX_DEPTH),
        count=sum(1 for comment in comments if comment.is_approved),
        is_open=DiscussionSettings.current().accepts_comments_on(subject),
        held_comment=held,
        shows_held_notice=shows_held,
        reply_to=reply_to if reply_to and reply_to.is_approved else None,
    )


def thread(comments: Iterable[Comment], max_depth: int) -> list[ThreadEntry]:
    """Nest comments under their parents, oldest first; below `max_depth` replies join the deepest level.

    A comment whose parent is not in the list (held, spam, deleted) is shown at the top level rather than lost.
    """
    comments = sorted(comments, key=lambda comment: (comment.created_at, comment.pk))
    present = {comment.pk for comment in comments}
    children: dict[int | None, list[Comment]] = defaultdict(list)
    for comment in comments:
        children[comment.parent_id if comment.parent_id in present else None].append(comment)

    def descendants(comment: Comment) -> list[Comment]:
        found = []
        for child in children.get(comment.pk, []):
            found += [child, *descendants(child)]
        return found

    def place(parent_id: int | None, level: int) -> list[ThreadEntry]:
        entries = []
        for comment in children.get(parent_id, []):
            if level < max_depth:
                entries.append(ThreadEntry(comment, level, place(comment.pk, level + 1)))
            else:
                flattened = sorted([comment, *descendants(comment)], key=lambda c: (c.created_at, c.pk))
                entries += [ThreadEntry(each, level) for each in flattened]
        return entries

    return place(None, 1)


def approved_comment_counts(article_ids: Iterable[int]) -> dict[int, int]:
    """Approved comments per article for a listing, in one query."""
    rows = (
        Comment.objects.approved()
        .filter(article_id__in=list(article_ids))
        .values("article_id")
        .annotate(total=Count("id"))
    )
    return {row["article_id"]: row["total"] for row in rows}


@dataclass(frozen=True)
class VerdictDay:
    day: date
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


VERDICTS = ("approve", "hold", "spam", "discard")


def verdicts_per_day(days: int = 30, today: date | None = None) -> list[VerdictDay]:
    """Submissions per spam verdict for each of the last `days` days, oldest first, in one query."""
    today = today or timezone.localdate()
    first = today - timedelta(days=days - 1)
    counts: dict[date, dict[str, int]] = {
        first + timedelta(days=n): dict.fromkeys(VERDICTS, 0) for n in range(days)
    }
    for day, decision, count in VerdictTally.objects.filter(day__gte=first, day__lte=today).values_list(
        "day", "decision", "count"
    ):
        counts[day][decision] = count
    return [VerdictDay(day, per_verdict) for day, per_verdict in counts.items()]
