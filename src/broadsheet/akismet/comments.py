"""What an Akismet client sends: its form parameters read into one comment, and that comment as the engine sees it."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from broadsheet.antispam.core import SourceHistory, Submission

TRUTHY = {"1", "true", "yes", "on"}
# WordPress's Akismet plugin names its honeypot field and sends the field's value under this name.
WORDPRESS_HONEYPOT_VALUE = "hidden_honeypot_field"


@dataclass(frozen=True)
class ClientComment:
    """One comment (or pingback, contact form message, sign-up...) described by an Akismet client."""

    blog: str
    content: str = ""
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""  # empty when the client sent none or something that is not an IP address
    user_agent: str = ""
    referrer: str = ""
    permalink: str = ""
    comment_type: str = "comment"
    language: str = ""
    written_at: datetime | None = None
    post_published_at: datetime | None = None
    honeypot_values: Mapping[str, str] = field(default_factory=dict)
    is_by_administrator: bool = False
    is_test: bool = False
    recheck_reason: str = ""

    @property
    def has_something_to_check(self) -> bool:
        return any(value.strip() for value in (self.content, self.author, self.email, self.url))

    def as_submission(self, history: SourceHistory, *, site_language: str, now: datetime) -> Submission:
        return Submission(
            content=self.content,
            author=self.author,
            email=self.email,
            url=self.url,
            ip=self.ip,
            user_agent=self.user_agent,
            referrer=self.referrer,
            permalink=self.permalink,
            comment_type=self.comment_type,
            is_reply=self.comment_type == "reply",
            article_published_at=self.post_published_at,
            submitted_at=self.written_at or now,
            honeypot_values=self.honeypot_values,
            site_language=self.language or site_language,
            history=history,
            is_test=self.is_test,
        )


class MissingParameter(ValueError):
    """A required parameter is absent; the message is the X-akismet-debug-help an Akismet client shows."""


def read_client_comment(data: Mapping[str, str], *, needs_content: bool = True) -> ClientComment:
    """The comment a client's form parameters describe; raises MissingParameter as Akismet answers `invalid`."""

    def text(name: str) -> str:
        return (data.get(name) or "").strip()

    if not text("blog"):
        raise MissingParameter('Empty "blog" value')
    comment = ClientComment(
        blog=text("blog"),
        content=data.get("comment_content") or "",
        author=text("comment_author"),
        email=text("comment_author_email"),
        url=text("comment_author_url"),
        ip=ip_address_or_nothing(text("user_ip")),
        user_agent=text("user_agent"),
        referrer=text("referrer") or text("referer"),
        permalink=text("permalink"),
        comment_type=text("comment_type") or "comment",
        language=language_code(text("blog_lang")),
        written_at=moment(text("comment_date_gmt")),
        post_published_at=moment(text("comment_post_modified_gmt")),
        honeypot_values=honeypot_values(data),
        is_by_administrator=text("user_role").lower() == "administrator",
        is_test=text("is_test").lower() in TRUTHY,
        recheck_reason=text("recheck_reason"),
    )
    if needs_content and not comment.has_something_to_check:
        raise MissingParameter(
            'Empty "comment_content" value: send at least one of comment_content, comment_author, '
            "comment_author_email or comment_author_url"
        )
    return comment


def ip_address_or_nothing(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""


def language_code(blog_lang: str) -> str:
    """ "en_US" or "en_us, fr_ca" (Akismet's form) as the engine's "en"."""
    first = blog_lang.split(",")[0].strip()
    return first.replace("-", "_").split("_")[0].lower()


def moment(value: str) -> datetime | None:
    """An ISO 8601 time in UTC ("2026-01-31T12:00:00Z" or WordPress's "2026-01-31 12:00:00"), or None."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def honeypot_values(data: Mapping[str, str]) -> dict[str, str]:
    name = (data.get("honeypot_field_name") or "").strip()
    if not name:
        return {}
    value = data.get(name) or data.get(WORDPRESS_HONEYPOT_VALUE) or data.get(f"POST_{name}") or ""
    return {name: value}
