"""What the engine is asked about (a submission) and what it answers (a verdict with reasons)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Decision(StrEnum):
    """What should happen to a comment, from most to least welcome."""

    APPROVE = "approve"
    HOLD = "hold"
    SPAM = "spam"
    DISCARD = "discard"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]


_SEVERITY = {Decision.APPROVE: 0, Decision.HOLD: 1, Decision.SPAM: 2, Decision.DISCARD: 3}


@dataclass(frozen=True)
class SourceHistory:
    """What the site already knows about this commenter's email, IP and URL, supplied by the caller."""

    approved_from_email: int = 0
    spam_from_email: int = 0
    spam_from_ip: int = 0
    spam_from_url: int = 0  # comments marked spam whose URL has the same domain
    recent_from_ip: int = 0  # comments from this IP in the last few minutes, to catch bursts
    same_content_recently: int = 0  # identical comments already received (WordPress's duplicate check)


@dataclass(frozen=True)
class Submission:
    """One comment (or pingback, contact form message...) as the engine sees it."""

    content: str
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    user_agent: str = ""
    referrer: str = ""
    permalink: str = ""
    comment_type: str = "comment"
    is_reply: bool = False
    article_published_at: datetime | None = None
    # Already verified from the signed token by the caller; None when there was no valid token.
    form_rendered_at: datetime | None = None
    submitted_at: datetime | None = None
    timestamp_problem: str | None = None  # "missing" | "forged" | "expired" when the token check failed
    honeypot_values: Mapping[str, str] = field(default_factory=dict)
    site_language: str = "en"
    history: SourceHistory = SourceHistory()
    is_test: bool = False


@dataclass(frozen=True)
class Reason:
    """One piece of evidence: its weight is added to the spam log-odds (positive = spammy)."""

    code: str
    weight: float
    message: str
    decisive: bool = False
    # The least severe decision this reason allows, e.g. HOLD for a moderation word, DISCARD for a honeypot.
    at_least: Decision | None = None


@dataclass(frozen=True)
class Verdict:
    """The engine's answer: a decision, a spam score in [0, 1] and the reasons behind it."""

    decision: Decision
    score: float
    reasons: tuple[Reason, ...]
    classifier_probability: float | None

    @property
    def is_flagged(self) -> bool:
        """Whether the comment is kept out of sight as spam (spam or discard)."""
        return self.decision in (Decision.SPAM, Decision.DISCARD)


@dataclass(frozen=True)
class LabelledExample:
    """A submission whose truth is known, for training and evaluation."""

    submission: Submission
    is_spam: bool
    group: str = ""  # where it came from (a video, a site), so validation can hold whole groups out
