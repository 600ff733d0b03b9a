"""Commenters' personal data: export it, erase it, and let it expire as the retention settings say."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from broadsheet.antispam import feedback as spam_filter_feedback

from .models import Comment, NotificationOptOut
from .signals import comment_edited

ANONYMOUS = "Anonymous"
ERASED_TEXT_NOTE = "This comment was removed at its author’s request."


def export_commenter(email: str) -> dict:
    """Everything stored about the commenter with this email address, ready for json.dumps."""
    comments = Comment.objects.by_email(email).select_related("article", "page").order_by("created_at", "id")
    return {
        "email": email.strip(),
        "exported_at": timezone.now().isoformat(),
        "site": settings.SITE_URL,
        "notification_opt_out": NotificationOptOut.objects.filter(email__iexact=email.strip()).exists(),
        "spam_filter_examples": spam_filter_feedback.export_commenter(email),
        "comments": [
            {
                "id": comment.pk,
                **where(comment),
                "in_reply_to": comment.parent_id,
                "name": comment.author_name,
                "email": comment.author_email,
                "website": comment.author_url,
                "text": comment.content,
                "status": comment.status,
                "ip_address": comment.ip,
                "user_agent": comment.user_agent,
                "posted_at": comment.created_at.isoformat(),
                "edited_at": comment.edited_at.isoformat() if comment.edited_at else None,
                "notify_of_replies": comment.notify_replies,
                "spam_check": {
                    "decision": comment.spam_decision,
                    "score": comment.spam_score,
                    "reasons": comment.spam_reasons,
                },
            }
            for comment in comments
        ],
    }


def where(comment: Comment) -> dict:
    """What the comment is under: {"article": title, "article_url": ...}, or "page" and "page_url"."""
    kind = "page" if comment.page_id else "article"
    subject = comment.subject
    return {kind: subject.title, f"{kind}_url": settings.SITE_URL + subject.get_absolute_url()}


def erase_commenter(email: str, *, delete_text: bool | None = None, by=None) -> int:
    """Remove the personal data of the commenter with this address; returns how many comments were erased.

    Name becomes "Anonymous"; email, website, IP and browser are blanked. The text stays (a conversation
    keeps its shape) unless COMMENT_ERASE_DELETES_TEXT or `delete_text` says otherwise.
    """
    delete_text = settings.COMMENT_ERASE_DELETES_TEXT if delete_text is None else delete_text
    comments = list(Comment.objects.by_email(email))
    changes = {"author_name": ANONYMOUS, "author_email": "", "author_url": "", "ip": None, "user_agent": "",
               "notify_replies": False}  # fmt: skip
    if delete_text:
        changes |= {"content": "", "content_html": f"<p><em>{ERASED_TEXT_NOTE}</em></p>"}
    with transaction.atomic():
        Comment.objects.filter(pk__in=[comment.pk for comment in comments]).update(**changes)
        NotificationOptOut.objects.filter(email__iexact=email.strip()).delete()
        spam_filter_feedback.forget_commenter(email)
        for comment in comments:
            for name, value in changes.items():
                setattr(comment, name, value)
        if comments:
            transaction.on_commit(lambda: comment_edited.send(sender=Comment, comments=comments, by=by))
    return len(comments)


@dataclass(frozen=True)
class PurgeResult:
    ips_anonymised: int
    spam_deleted: int

    def as_dict(self) -> dict:
        return asdict(self)


def purge_expired(now: datetime | None = None) -> PurgeResult:
    """Forget IP addresses older than COMMENT_IP_RETENTION_DAYS and delete spam older than
    COMMENT_SPAM_RETENTION_DAYS."""
    from .services import Action, moderate

    now = now or timezone.now()
    ip_cutoff = now - timedelta(days=settings.COMMENT_IP_RETENTION_DAYS)
    spam_cutoff = now - timedelta(days=settings.COMMENT_SPAM_RETENTION_DAYS)
    anonymised = (
        Comment.objects.filter(created_at__lt=ip_cutoff)
        .exclude(ip__isnull=True, user_agent="")
        .update(ip=None, user_agent="")
    )
    deleted = moderate(Comment.objects.spam().filter(created_at__lt=spam_cutoff), Action.DELETE)
    return PurgeResult(ips_anonymised=anonymised, spam_deleted=deleted)
