"""The purge forgets IP addresses after COMMENT_IP_RETENTION_DAYS and deletes spam after COMMENT_SPAM_RETENTION_DAYS."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from broadsheet.discussion.models import Comment
from broadsheet.discussion.tasks import purge_expired_personal_data


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def test_old_ips_are_anonymised_and_old_spam_deleted(make_article, make_comment):
    article = make_article()
    old = make_comment(article, ip="192.0.2.1", user_agent="Old browser", created_at=days_ago(31))
    recent = make_comment(article, ip="192.0.2.2", created_at=days_ago(29))
    make_comment(article, status="spam", created_at=days_ago(16))
    fresh_spam = make_comment(article, status="spam", created_at=days_ago(14))

    out = StringIO()
    call_command("privacy", "purge", stdout=out)

    assert "1 comment(s)" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip is None and old.user_agent == ""
    assert recent.ip == "192.0.2.2"
    assert list(Comment.objects.spam()) == [fresh_spam]


def test_the_periods_are_settings(make_article, make_comment, settings):
    settings.COMMENT_IP_RETENTION_DAYS = 7
    comment = make_comment(make_article(), ip="192.0.2.1", created_at=days_ago(8))

    result = purge_expired_personal_data.enqueue().return_value

    comment.refresh_from_db()
    assert comment.ip is None and result["ips_anonymised"] == 1
