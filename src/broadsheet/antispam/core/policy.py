"""The site's spam policy: every threshold and list the engine uses, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .classifier import SpamModel

# Used when no model is loaded; the shipped model's metadata carries thresholds chosen on validation data.
FALLBACK_SPAM_THRESHOLD = 0.9
FALLBACK_HOLD_THRESHOLD = 0.5


@dataclass(frozen=True)
class Policy:
    """Thresholds and lists; the site fills this from its settings and database."""

    spam_threshold: float = FALLBACK_SPAM_THRESHOLD
    hold_threshold: float = FALLBACK_HOLD_THRESHOLD
    # WordPress holds a comment with 2 or more links by default (comment_max_links = 2); we hold above 2.
    max_links_before_hold: int = 2
    moderation_words: tuple[str, ...] = ()
    blocked_words: tuple[str, ...] = ()
    blocked_domains: tuple[str, ...] = ()
    moderation_domains: tuple[str, ...] = ()
    blocked_ips: tuple[str, ...] = ()
    blocked_emails: tuple[str, ...] = ()
    # Antispam Bee's default is 5 s; a reader who types a one-liner fast still takes more than 3 s.
    min_seconds_to_submit: float = 3.0
    max_token_age_seconds: float = 3 * 24 * 3600
    # WordPress's flood check refuses a second comment from an IP within 15 s; we count bursts instead.
    max_recent_from_ip: int = 5
    check_language: bool = True
    trusted_commenters_pass: bool = True
    # The shipped model learned from YouTube comments and text messages, 99 in 100 of them shorter than 600
    # characters (every genuine one shorter than 300): past that it extrapolates, and on blog comments it
    # marked a third of the long genuine ones spam. Its score alone holds a longer comment instead.
    classifier_alone_max_characters: int = 600

    @classmethod
    def from_model(cls, model: SpamModel | None, **overrides: Any) -> Policy:
        """The policy with the thresholds the model chose on its validation data, then any overrides.

        A hold threshold above the spam threshold (an override of one but not the other) is lowered to it:
        there would be no score left to hold at.
        """
        policy = cls()
        if model is not None:
            policy = replace(
                policy,
                spam_threshold=model.metadata.get("spam_threshold", FALLBACK_SPAM_THRESHOLD),
                hold_threshold=model.metadata.get("hold_threshold", FALLBACK_HOLD_THRESHOLD),
            )
        policy = replace(policy, **overrides)
        return replace(policy, hold_threshold=min(policy.hold_threshold, policy.spam_threshold))
