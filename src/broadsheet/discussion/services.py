"""The discussion's write paths: posting a comment and moderating comments. Views, the admin, the CLI and
the API all call these; nothing else changes a comment's state."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from broadsheet.publishing.models import Page

from .models import Comment, DiscussionSettings, Subject, VerdictTally
from .screening import Draft, RequestMeta, Screening, screen
from .signals import comment_edited, comment_moderated, comment_posted


class CommentRefused(Exception):
    """A submission the site will not take; the message is meant for the reader."""

    status_code = 400


class CommentsClosed(CommentRefused):
    status_code = 403

    def __init__(self, subject: Subject | None = None) -> None:
        super().__init__(f"Comments are closed on this {noun_for(subject)}.")


class DuplicateComment(CommentRefused):
    status_code = 409

    def __init__(self) -> None:
        super().__init__("Duplicate comment detected; it looks as though you’ve already said that!")


class CommentFlood(CommentRefused):
    status_code = 429

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(
            f"You are posting comments too quickly. Please wait {retry_after} seconds and try again."
        )


class InvalidParent(CommentRefused):
    def __init__(self) -> None:
        super().__init__("The comment you are replying to is not under this article or page.")


def noun_for(subject: Subject | None) -> str:
    return "page" if isinstance(subject, Page) else "article"


@dataclass(frozen=True)
class Posted:
    """What became of a submission: the stored comment, or None when it was discarded unseen."""

    comment: Comment | None
    screening: Screening | None

    @property
    def is_published(self) -> bool:
        return self.comment is not None and self.comment.is_approved


def post_comment(
    subject: Subject,
    draft: Draft,
    meta: RequestMeta | None = None,
    *,
    parent: Comment | None = None,
    notify_replies: bool = False,
    by=None,
    now: datetime | None = None,
) -> Posted:
    """Take a reader's (or, with `by`, an editor's) comment on an article or page: refuse, screen, store with
    a status, notify.

    Raises CommentsClosed, InvalidParent, DuplicateComment or CommentFlood for submissions the site refuses.
    An editor's reply skips the closing time, the flood limit and screening, and is approved at once.
    """
    meta = meta or RequestMeta()
    now = now or timezone.now()
    is_editor = by is not None and by.is_staff
    if not is_editor and not DiscussionSettings.current().accepts_comments_on(subject, now):
        raise CommentsClosed(subject)
    if parent is not None and (not parent.is_on(subject) or not (parent.is_approved or is_editor)):
        raise InvalidParent()
    refuse_duplicate(subject, draft)
    if not is_editor:
        refuse_flood(draft, meta, now)

    screening = None if is_editor else screen(draft, subject, meta, now)
    if screening is not None:
        VerdictTally.count_one(screening.verdict.decision, timezone.localdate(now))
    if screening is not None and screening.status is None:  # discarded: store nothing
        return Posted(None, screening)

    comment = Comment(
        **Comment.fields_for(subject),
        parent=attach_within_depth(parent),
        author_name=draft.author_name.strip(),
        author_email=draft.author_email.strip(),
        author_url=draft.author_url.strip(),
        content=draft.content.strip(),
        comment_type=draft.comment_type,
        notify_replies=notify_replies,
        ip=meta.ip or None,
        user_agent=meta.user_agent[:500],
        created_at=now,
        user=by if is_editor else None,
        status=Comment.Status.APPROVED if screening is None or screening.status is None else screening.status,
    )
    if screening is not None:
        comment.spam_decision = str(screening.verdict.decision)
        comment.spam_score = round(screening.verdict.score, 4)
        comment.spam_reasons = screening.reasons_as_data()
    with transaction.atomic():
        comment.save()
        transaction.on_commit(lambda: announce_new_comment(comment, screening))
    return Posted(comment, screening)


def announce_new_comment(comment: Comment, screening: Screening | None) -> None:
    from . import tasks

    comment_posted.send(sender=Comment, comment=comment, screening=screening)
    if comment.status in (Comment.Status.APPROVED, Comment.Status.PENDING):
        tasks.notify_moderators_of_comment.enqueue(comment.pk)
    if comment.is_approved and comment.parent_id:
        tasks.notify_commenter_of_reply.enqueue(comment.pk)


def attach_within_depth(parent: Comment | None) -> Comment | None:
    """Replies beyond the maximum depth join their parent's level, as WordPress does."""
    while parent is not None and parent.depth >= settings.COMMENT_MAX_DEPTH:
        parent = parent.parent
    return parent


def refuse_duplicate(subject: Subject, draft: Draft) -> None:
    same_author = Q(author_name__iexact=draft.author_name.strip())
    if draft.author_email.strip():
        same_author |= Q(author_email__iexact=draft.author_email.strip())
    if Comment.objects.on(subject).filter(same_author, content=draft.content.strip()).exists():
        raise DuplicateComment()


def refuse_flood(draft: Draft, meta: RequestMeta, now: datetime) -> None:
    """One comment per COMMENT_FLOOD_SECONDS from the same IP or email address."""
    interval = settings.COMMENT_FLOOD_SECONDS
    if not interval:
        return
    same_sender = (
        Q(author_email__iexact=draft.author_email.strip()) if draft.author_email.strip() else Q(pk__in=[])
    )
    if meta.ip:
        same_sender |= Q(ip=meta.ip)
    latest = (
        Comment.objects.filter(same_sender, created_at__gt=now - timedelta(seconds=interval))
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    if latest is not None:
        raise CommentFlood(retry_after=max(1, int(interval - (now - latest).total_seconds()) + 1))


class Action(StrEnum):
    APPROVE = "approve"
    HOLD = "hold"
    SPAM = "spam"
    TRASH = "trash"
    DELETE = "delete"

    @property
    def new_status(self) -> str:
        return {
            Action.APPROVE: Comment.Status.APPROVED,
            Action.HOLD: Comment.Status.PENDING,
            Action.SPAM: Comment.Status.SPAM,
            Action.TRASH: Comment.Status.TRASH,
            Action.DELETE: "deleted",
        }[self]


def moderate(comments, action: Action | str, *, by=None) -> int:
    """Move comments to a new state (or delete them): the only way a comment's status changes.

    Sends `comment_moderated` once per previous state, after the change is committed. Returns how many
    comments changed.
    """
    action = Action(action)
    comments = [comments] if isinstance(comments, Comment) else list(comments)
    changing = [comment for comment in comments if comment.status != action.new_status]
    if not changing:
        return 0
    by_old_status: dict[str, list[Comment]] = {}
    for comment in changing:
        by_old_status.setdefault(comment.status, []).append(comment)
    ids = [comment.pk for comment in changing]
    with transaction.atomic():
        if action == Action.DELETE:
            Comment.objects.filter(pk__in=ids).delete()
        else:
            Comment.objects.filter(pk__in=ids).update(status=action.new_status)
            for comment in changing:
                comment.status = action.new_status

        def announce() -> None:
            from . import tasks

            for old_status, group in by_old_status.items():
                comment_moderated.send(
                    sender=Comment, comments=group, old_status=old_status, new_status=action.new_status,
                    action=str(action), by=by,
                )  # fmt: skip
            if action == Action.APPROVE:
                for comment in changing:
                    if comment.parent_id and comment.reply_notified_at is None:
                        tasks.notify_commenter_of_reply.enqueue(comment.pk)

        transaction.on_commit(announce)
    return len(changing)


def edit_comment(comment: Comment, *, content: str | None = None, by=None, **fields) -> Comment:
    """An editor's correction of a comment's text or details (never its state: that is `moderate`)."""
    if content is not None:
        comment.content = content
    for name, value in fields.items():
        setattr(comment, name, value)
    comment.edited_at = timezone.now()
    with transaction.atomic():
        comment.save()
        transaction.on_commit(lambda: comment_edited.send(sender=Comment, comments=[comment], by=by))
    return comment
