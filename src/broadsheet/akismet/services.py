"""What the API does with a client's comment: judge it with the site's engine, or learn from the client's verdict.

Both are the site's own paths: the engine is the one `discussion.screening` builds from the site's settings and
current model, and a client's spam/ham report becomes a labelled example exactly as a moderator's decision
does. Nothing about a checked comment is stored.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import fields, replace
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from broadsheet.antispam.core import Decision, Reason, SourceHistory, Verdict
from broadsheet.antispam.feedback import labelled_history, learn_from_moderator
from broadsheet.antispam.models import ApiKey, ModeratorLabel
from broadsheet.discussion.models import DiscussionSettings
from broadsheet.discussion.screening import Draft, RequestMeta, engine_for, source_history

from .comments import ClientComment

# Akismet's documented behaviour: a comment its client says an administrator wrote is never spam.
WRITTEN_BY_ADMINISTRATOR = Reason(
    "client_administrator", 0.0, "The client site says one of its administrators wrote it; they are trusted."
)


def check_comment(comment: ClientComment, now: datetime | None = None) -> Verdict:
    """The site's engine's verdict on a client's comment, with the site's lists and current model."""
    now = now or timezone.now()
    submission = comment.as_submission(
        history_of(comment, now), site_language=settings.SITE_LANGUAGE, now=now
    )
    verdict = engine_for(DiscussionSettings.current()).check(submission)
    if comment.is_by_administrator:
        return replace(
            verdict, decision=Decision.APPROVE, reasons=(*verdict.reasons, WRITTEN_BY_ADMINISTRATOR)
        )
    return verdict


def history_of(comment: ClientComment, now: datetime) -> SourceHistory:
    """What the site knows about the sender: its own comments (email, IP, website) and every label, the
    client's reports included (email and website only: labels keep no IP). Each count is the larger of the
    two, as a moderator's decision on a site comment is in both."""
    draft = Draft(comment.author, comment.email, comment.content, comment.url)
    from_comments = source_history(draft, RequestMeta(ip=comment.ip or None), now)
    from_labels = labelled_history(email=comment.email, url=comment.url)
    return SourceHistory(
        **{
            name: max(getattr(from_comments, name), getattr(from_labels, name))
            for name in (each.name for each in fields(SourceHistory))
        }
    )


def learn_from_client(comment: ClientComment, *, is_spam: bool, key: ApiKey) -> ModeratorLabel | None:
    """A client's submit-spam / submit-ham, kept as a labelled example like a moderator's decision (the text,
    name, website and email domain; never the address or IP). Test submissions are not kept."""
    return learn_from_moderator(
        source=source_of(comment, key),
        content=comment.content,
        author_name=comment.author,
        author_url=comment.url,
        email=comment.email,
        is_spam=is_spam,
        is_test=comment.is_test,
    )


def source_of(comment: ClientComment, key: ApiKey) -> str:
    """The same comment reported twice is one example (the latest report wins), named without its address."""
    sent = "\0".join((comment.content, comment.author, comment.email.lower(), comment.url))
    digest = hmac.new(settings.SECRET_KEY.encode(), sent.encode(), hashlib.sha256).hexdigest()[:40]
    return f"{key.report_source}{digest}"
