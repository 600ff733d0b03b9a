"""Background jobs (django-tasks): emails and the privacy purge, run by `broadsheet worker`, never in a request."""

from __future__ import annotations

from django_tasks import task

from . import notifications, privacy


@task()
def notify_moderators_of_comment(comment_id: int) -> int:
    """Tell moderators and the article's authors about a new comment; returns how many emails went out."""
    return notifications.send_new_comment_notifications(comment_id)


@task()
def notify_commenter_of_reply(reply_id: int) -> int:
    """Tell a commenter who opted in that someone replied to them."""
    return notifications.send_reply_notification(reply_id)


@task()
def purge_expired_personal_data() -> dict:
    """Anonymise old IP addresses and delete old spam, as the retention settings say."""
    return privacy.purge_expired().as_dict()
