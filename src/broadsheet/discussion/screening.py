"""Where the spam engine (broadsheet.antispam.core) meets the site's moderation policy: one verdict per comment.

`screen()` is the only place a submission is judged. It asks the engine (rules plus the trained classifier,
with what the site knows about the sender), then applies the stored DiscussionSettings: hold everything,
hold first-time commenters, blocked words to the trash. The outcome is the status a new comment is stored
with, or none at all for a discarded one.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlparse

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from broadsheet.antispam.core import (
    Decision,
    Engine,
    ModelFormatError,
    Policy,
    Reason,
    SourceHistory,
    Submission,
    Verdict,
)
from broadsheet.antispam.site_model import current_model
from broadsheet.publishing.models import Article

from .models import Comment, DiscussionSettings, Subject
from .tokens import read_render_time_token

logger = logging.getLogger(__name__)

# The engine's "comments from this IP recently" window, to catch bursts (the flood limit is separate).
RECENT_WINDOW = timedelta(minutes=10)

STATUS_FOR_DECISION = {
    Decision.APPROVE: Comment.Status.APPROVED,
    Decision.HOLD: Comment.Status.PENDING,
    Decision.SPAM: Comment.Status.SPAM,
}


@dataclass(frozen=True)
class Draft:
    """What the commenter typed."""

    author_name: str
    author_email: str
    content: str
    author_url: str = ""
    is_reply: bool = False
    comment_type: str = Comment.Type.COMMENT


@dataclass(frozen=True)
class RequestMeta:
    """Where the submission came from, as the browser told us."""

    ip: str | None = None
    user_agent: str = ""
    referrer: str = ""
    form_token: str = ""  # the signed render time from the form
    honeypot_values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Screening:
    """The verdict on a submission and the status it is stored with (None: discard, store nothing)."""

    verdict: Verdict
    status: str | None
    policy_reasons: tuple[Reason, ...] = ()

    @property
    def is_discarded(self) -> bool:
        return self.status is None

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return self.verdict.reasons + self.policy_reasons

    def reasons_as_data(self) -> list[dict]:
        return [{"code": r.code, "weight": r.weight, "message": r.message} for r in self.reasons]


def screen(draft: Draft, subject: Subject, meta: RequestMeta, now: datetime | None = None) -> Screening:
    """Judge a submission on an article or page: the engine's verdict, then the site's policy on top."""
    now = now or timezone.now()
    site = DiscussionSettings.current()
    verdict = engine_for(site).check(build_submission(draft, subject, meta, now))
    if verdict.decision == Decision.DISCARD:
        return Screening(verdict, None)
    if any(reason.code == "blocked_word" for reason in verdict.reasons):
        return Screening(verdict, Comment.Status.TRASH)
    status = STATUS_FOR_DECISION[verdict.decision]
    policy_reasons: tuple[Reason, ...] = ()
    if status == Comment.Status.APPROVED:
        policy_reason = policy_hold_reason(site, verdict)
        if policy_reason:
            status, policy_reasons = Comment.Status.PENDING, (policy_reason,)
    return Screening(verdict, status, policy_reasons)


def policy_hold_reason(site: DiscussionSettings, verdict: Verdict) -> Reason | None:
    """Why the site's own settings hold a comment the engine would approve, if they do."""
    if site.hold_every_comment:
        return Reason("site_holds_every_comment", 0.0, "The site holds every comment for a moderator.")
    if any(reason.code == "link_count" for reason in verdict.reasons):
        # As in WordPress, the site's link limit holds a comment even from a trusted commenter.
        return Reason(
            "site_link_limit",
            0.0,
            f"More than {site.max_links_before_hold} links: the site holds it for review.",
        )
    is_known = any(reason.code == "trusted_commenter" for reason in verdict.reasons)
    if site.hold_first_time_commenters and not is_known:
        return FIRST_TIME_COMMENTER
    return None


FIRST_TIME_COMMENTER = Reason(
    "first_time_commenter", 0.0, "This is the commenter's first comment here; first comments wait for review."
)


def build_submission(draft: Draft, subject: Subject, meta: RequestMeta, now: datetime) -> Submission:
    rendered_at, problem = read_render_time_token(
        meta.form_token, now, max_age=settings.COMMENT_FORM_MAX_AGE_SECONDS
    )
    return Submission(
        content=draft.content,
        author=draft.author_name,
        email=draft.author_email,
        url=draft.author_url,
        ip=meta.ip or "",
        user_agent=meta.user_agent,
        referrer=meta.referrer,
        permalink=settings.SITE_URL + subject.get_absolute_url(),
        comment_type=draft.comment_type,
        is_reply=draft.is_reply,
        # A page has no publish time (WordPress's pages are not news); the engine takes None as unknown.
        article_published_at=subject.published_at if isinstance(subject, Article) else None,
        form_rendered_at=rendered_at,
        submitted_at=now,
        timestamp_problem=problem,
        honeypot_values=meta.honeypot_values,
        site_language=settings.SITE_LANGUAGE,
        history=source_history(draft, meta, now),
    )


def source_history(draft: Draft, meta: RequestMeta, now: datetime) -> SourceHistory:
    """What the site knows about this email, IP and website domain, in one aggregate query."""
    email = draft.author_email.strip()
    domain = (urlparse(draft.author_url).hostname or "").removeprefix("www.")
    spam = Q(status=Comment.Status.SPAM)
    nothing = Q(pk__in=[])
    from_email = Q(author_email__iexact=email) if email else nothing
    from_ip = Q(ip=meta.ip) if meta.ip else nothing
    from_domain = (
        Q(author_url__icontains=f"//{domain}") | Q(author_url__icontains=f".{domain}") if domain else nothing
    )
    counts = Comment.objects.filter(from_email | from_ip | from_domain).aggregate(
        approved_from_email=Count("id", filter=from_email & Q(status=Comment.Status.APPROVED)),
        spam_from_email=Count("id", filter=from_email & spam),
        spam_from_ip=Count("id", filter=from_ip & spam),
        spam_from_url=Count("id", filter=from_domain & spam),
        recent_from_ip=Count("id", filter=from_ip & Q(created_at__gte=now - RECENT_WINDOW)),
    )
    return SourceHistory(**{name: value or 0 for name, value in counts.items()})


def engine_for(site: DiscussionSettings) -> Engine:
    try:
        model_version = current_model().version
    except ModelFormatError as error:
        # A damaged or missing model file: the rules still decide, without the classifier.
        logger.warning("No spam model loaded (%s); screening comments with the rules alone.", error)
        model_version = None
    thresholds = (settings.SPAM_THRESHOLD, settings.SPAM_HOLD_THRESHOLD)
    return _engine(model_version, site.max_links_before_hold, site.moderation_word_list,
                   site.blocked_word_list, site.trust_approved_commenters, thresholds)  # fmt: skip


@functools.lru_cache(maxsize=8)
def _engine(
    model_version: int | None,
    max_links: int,
    moderation_words: tuple,
    blocked_words: tuple,
    trust: bool,
    thresholds: tuple[float | None, float | None] = (None, None),
) -> Engine:
    """One engine per model and policy, built once per process; a retrained model gets a new engine.

    `thresholds` (spam, hold) override the model's own where set (SPAM_THRESHOLD, SPAM_HOLD_THRESHOLD).
    """
    model = current_model().model if model_version is not None else None
    names = ("spam_threshold", "hold_threshold")
    set_thresholds = {name: value for name, value in zip(names, thresholds, strict=True) if value is not None}
    policy = Policy.from_model(
        model,
        max_links_before_hold=max_links,
        moderation_words=moderation_words,
        blocked_words=blocked_words,
        trusted_commenters_pass=trust,
        **set_thresholds,
    )
    return Engine(model, policy)
