"""The emails the discussion sends: who gets them and what they say. Called by the background tasks only."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import Comment, NotificationOptOut
from .tokens import email_link_token


@dataclass(frozen=True)
class Letter:
    to: str
    subject: str
    body: str
    unsubscribe_url: str

    def as_message(self) -> EmailMessage:
        return EmailMessage(
            self.subject,
            self.body,
            to=[self.to],
            # RFC 8058: mail clients offer their own one-click unsubscribe button.
            headers={
                "List-Unsubscribe": f"<{self.unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def email_link(purpose: str, value) -> str:
    return absolute(reverse("discussion:email-link", args=[email_link_token(purpose, value)]))


def without_opt_outs(addresses: set[str]) -> list[str]:
    lowered = {address.strip().lower() for address in addresses if address and address.strip()}
    opted_out = set(NotificationOptOut.objects.filter(email__in=lowered).values_list("email", flat=True))
    return sorted(lowered - opted_out)


def moderators_and_authors_of(comment: Comment) -> list[str]:
    """Staff with an email address and the article's authors (a page has none), except whoever wrote the
    comment."""
    staff = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    addresses = set(staff.values_list("email", flat=True))
    if comment.article_id and comment.article is not None:
        addresses |= set(comment.article.authors.exclude(email="").values_list("email", flat=True))
    addresses.discard(comment.author_email.lower())
    if comment.user_id and comment.user and comment.user.email:
        addresses.discard(comment.user.email.lower())
    return without_opt_outs(addresses)


def letters_about_new_comment(comment: Comment) -> list[Letter]:
    commented_on = comment.subject  # the article or page
    context = {
        "comment": comment,
        "commented_on": commented_on,
        "site_name": settings.SITE_NAME,
        "comment_url": absolute(comment.get_absolute_url()),
        "admin_url": absolute(reverse("admin:discussion_comment_change", args=[comment.pk])),
        "queue_url": absolute(reverse("admin:discussion_comment_changelist") + "?status__exact=pending"),
        "approve_url": email_link("moderate-approve", comment.pk),
        "spam_url": email_link("moderate-spam", comment.pk),
    }
    subject = (
        f"[{settings.SITE_NAME}] Please moderate: “{commented_on.title}”"
        if comment.is_awaiting_moderation
        else f"[{settings.SITE_NAME}] New comment on “{commented_on.title}”"
    )
    letters = []
    for address in moderators_and_authors_of(comment):
        unsubscribe_url = email_link("unsubscribe", address)
        body = render_to_string(
            "discussion/email/new_comment.txt", {**context, "unsubscribe_url": unsubscribe_url}
        )
        letters.append(Letter(address, subject, body, unsubscribe_url))
    return letters


def letter_about_reply(reply: Comment) -> Letter | None:
    """The note to the parent comment's author, when they asked for one and it is not their own reply."""
    parent = reply.parent
    if parent is None or not reply.is_approved or not parent.notify_replies or not parent.author_email:
        return None
    if parent.author_email.lower() == reply.author_email.lower() or not without_opt_outs(
        {parent.author_email}
    ):
        return None
    unsubscribe_url = email_link("unsubscribe-replies", parent.pk)
    body = render_to_string(
        "discussion/email/reply.txt",
        {
            "reply": reply,
            "parent": parent,
            "commented_on": reply.subject,
            "site_name": settings.SITE_NAME,
            "reply_url": absolute(reply.get_absolute_url()),
            "unsubscribe_url": unsubscribe_url,
        },
    )
    subject = f"[{settings.SITE_NAME}] {reply.author_name} replied to your comment on “{reply.subject.title}”"
    return Letter(parent.author_email, subject, body, unsubscribe_url)


def send(letters: list[Letter]) -> int:
    if not letters:
        return 0
    with get_connection() as connection:
        return connection.send_messages([letter.as_message() for letter in letters]) or 0


def send_new_comment_notifications(comment_id: int) -> int:
    comment = Comment.objects.select_related("article", "page", "user").filter(pk=comment_id).first()
    if comment is None or comment.status not in (Comment.Status.APPROVED, Comment.Status.PENDING):
        return 0
    return send(letters_about_new_comment(comment))


def send_reply_notification(reply_id: int) -> int:
    reply = Comment.objects.select_related("article", "page", "parent").filter(pk=reply_id).first()
    if reply is None or reply.reply_notified_at is not None:
        return 0
    letter = letter_about_reply(reply)
    if letter is None:
        return 0
    sent = send([letter])
    Comment.objects.filter(pk=reply.pk).update(reply_notified_at=timezone.now())
    return sent
