"""Comments, the site's moderation policy, and the addresses that asked for no more notifications."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q
from django.utils import timezone

from broadsheet.publishing.models import Article, Page

# What a discussion hangs under: an article, or (as WordPress allows) a standalone page.
Subject = Article | Page


class CommentQuerySet(models.QuerySet["Comment"]):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)

    def awaiting_moderation(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)

    def spam(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.SPAM)

    def trashed(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.TRASH)

    def on(self, subject: Subject) -> CommentQuerySet:
        """The comments under this article or page."""
        return self.filter(**Comment.fields_for(subject))

    def by_email(self, email: str) -> CommentQuerySet:
        return self.filter(author_email__iexact=email.strip())

    def for_thread(self) -> CommentQuerySet:
        """The columns a public thread needs, oldest first; never the commenter's email or IP."""
        return self.only(
            "id", "article_id", "page_id", "parent_id", "author_name", "author_url", "content_html", "status",
            "created_at", "depth", "comment_type", "user_id",
        ).order_by("created_at", "id")  # fmt: skip

    def counts_by_status(self) -> dict[str, int]:
        """How many comments are in each state, in one query: {"pending": 3, "approved": 40, ...}."""
        totals = self.aggregate(
            **{status: Count("id", filter=Q(status=status)) for status in Comment.Status.values}
        )
        return {status: totals[status] or 0 for status in Comment.Status.values}


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        SPAM = "spam", "Spam"
        TRASH = "trash", "Trash"

    class Type(models.TextChoices):
        COMMENT = "comment", "Comment"
        PINGBACK = "pingback", "Pingback"
        TRACKBACK = "trackback", "Trackback"

    class SpamDecision(models.TextChoices):
        NONE = "", "Not screened"
        APPROVE = "approve", "Approve"
        HOLD = "hold", "Hold"
        SPAM = "spam", "Spam"
        DISCARD = "discard", "Discard"

    # A comment is under exactly one article or one page (the check constraint below says so).
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    depth = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text="1 for a top-level comment."
    )
    comment_type = models.CharField(max_length=10, choices=Type.choices, default=Type.COMMENT)

    author_name = models.CharField("name", max_length=100)
    # Personal data: never rendered in a public page, feed or attribute; exportable and erasable.
    author_email = models.EmailField("email", blank=True, db_index=True)
    author_url = models.URLField("website", max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        help_text="Set when an editor replied from the admin.",
    )

    content = models.TextField("comment", help_text="What the commenter typed.")
    content_html = models.TextField(editable=False, default="")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    ip = models.GenericIPAddressField("IP address", null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True, editable=False)
    notify_replies = models.BooleanField("notify of replies", default=False)
    # When the parent's author was told about this reply, so approving it twice never mails twice.
    reply_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    spam_decision = models.CharField(max_length=10, choices=SpamDecision.choices, blank=True, default="")
    spam_score = models.FloatField(null=True, blank=True)
    spam_reasons = models.JSONField(default=list, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["page", "status", "created_at"]),
            models.Index(fields=["ip", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=False, page__isnull=True)
                | Q(article__isnull=True, page__isnull=False),
                name="comment_on_an_article_or_a_page",
            )
        ]

    def __str__(self) -> str:
        on = f"article {self.article_id}" if self.article_id else f"page {self.page_id}"
        return f"{self.author_name} on {on}: {self.content[:60]}"

    def save(self, *args, **kwargs) -> None:
        from .text import render_comment_text

        self.content_html = render_comment_text(self.content)
        self.depth = self.parent.depth + 1 if self.parent_id and self.parent is not None else 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.subject.get_absolute_url()}#{self.anchor}"

    @staticmethod
    def fields_for(subject: Subject) -> dict:
        """The field that puts a comment under `subject`: Comment(**Comment.fields_for(page), ...)."""
        return {"page": subject} if isinstance(subject, Page) else {"article": subject}

    @property
    def subject(self) -> Subject:
        """The article or page this comment is under."""
        return self.article if self.article_id else self.page  # type: ignore[return-value]

    def is_on(self, subject: Subject) -> bool:
        if isinstance(subject, Page):
            return self.page_id == subject.pk
        return self.article_id == subject.pk

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_awaiting_moderation(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_by_editor(self) -> bool:
        return self.user_id is not None

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"


class DiscussionSettings(models.Model):
    """The site's moderation policy: one row, edited in the admin, read through `DiscussionSettings.current()`."""

    CACHE_KEY = "discussion:settings"

    hold_every_comment = models.BooleanField(
        default=False, help_text="Every comment waits for a moderator, whoever wrote it."
    )
    hold_first_time_commenters = models.BooleanField(
        default=True, help_text="A commenter's first comment waits for a moderator (WordPress's default)."
    )
    trust_approved_commenters = models.BooleanField(
        default=True,
        help_text="A commenter with an approved comment skips the spam filter's score "
        "(moderation words still hold their comment).",
    )
    close_after_days = models.PositiveIntegerField(
        default=0, help_text="Close comments this many days after publishing; 0 keeps them open."
    )
    moderation_words = models.TextField(
        blank=True,
        help_text="One word, phrase, address or IP a line; a comment containing one waits for review.",
    )
    blocked_words = models.TextField(
        blank=True, help_text="One a line; a comment containing one goes straight to the trash."
    )
    max_links_before_hold = models.PositiveSmallIntegerField(
        default=2, help_text="A comment with more links than this waits for review."
    )

    class Meta:
        verbose_name = verbose_name_plural = "discussion settings"

    def __str__(self) -> str:
        return "Discussion settings"

    def save(self, *args, **kwargs) -> None:
        self.pk = 1  # there is only ever one row
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    @classmethod
    def current(cls) -> DiscussionSettings:
        """The stored settings (defaults until an editor saves them); cached, so article pages pay no query."""
        stored = cache.get(cls.CACHE_KEY)
        if stored is None:
            stored = cls.objects.filter(pk=1).first() or cls(pk=1)
            cache.set(cls.CACHE_KEY, stored, 300)
        return stored

    @property
    def moderation_word_list(self) -> tuple[str, ...]:
        return _lines(self.moderation_words)

    @property
    def blocked_word_list(self) -> tuple[str, ...]:
        return _lines(self.blocked_words)

    def comments_close_at(self, subject: Subject):
        # As in WordPress (close_comments_for_post_types), only articles close with age; a page stays open.
        if not self.close_after_days or isinstance(subject, Page):
            return None
        return subject.published_at + timedelta(days=self.close_after_days)

    def accepts_comments_on(self, subject: Subject, now=None) -> bool:
        """Whether readers may comment on the article or page now: open, published, and (an article) not past
        the close-after time."""
        if not subject.comments_open or not subject.is_published:
            return False
        closes_at = self.comments_close_at(subject)
        return closes_at is None or (now or timezone.now()) < closes_at


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class NotificationOptOut(models.Model):
    """An address that followed an unsubscribe link: it gets no more discussion emails."""

    email = models.EmailField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "notification opt-out"

    def __str__(self) -> str:
        return self.email


class VerdictTally(models.Model):
    """How many submissions got each spam verdict on a day. Kept apart from comments because spam is deleted
    after a few days and discarded submissions are never stored, yet the trend should stay visible."""

    day = models.DateField()
    decision = models.CharField(max_length=10, choices=Comment.SpamDecision.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "decision"], name="one_tally_per_day_and_verdict")
        ]
        ordering = ["day", "decision"]

    def __str__(self) -> str:
        return f"{self.day}: {self.count} {self.decision}"

    @classmethod
    def count_one(cls, decision: str, day) -> None:
        # Update first: the common case is a row that exists, and F() keeps concurrent writers exact.
        if not cls.objects.filter(day=day, decision=decision).update(count=models.F("count") + 1):
            try:
                with transaction.atomic():
                    cls.objects.create(day=day, decision=decision, count=1)
            except IntegrityError:  # another process created today's row first
                cls.objects.filter(day=day, decision=decision).update(count=models.F("count") + 1)
