"""Comments, the site's moderation policy, and the addresses that asked for no more notifications."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Q
from django.utils import timezone

from broadsheet.publishing.models import Article


class CommentQuerySet(models.QuerySet["Comment"]):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.APPROVED)

    def awaiting_moderation(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.PENDING)

    def spam(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.SPAM)

    def trashed(self) -> CommentQuerySet:
        return self.filter(status=Comment.Status.TRASH)

    def by_email(self, email: str) -> CommentQuerySet:
        return self.filter(author_email__iexact=email.strip())

    def for_thread(self) -> CommentQuerySet:
        """The columns a public thread needs, oldest first; never the commenter's email or IP."""
        return self.only(
            "id", "article_id", "parent_id", "author_name", "author_url", "content_html", "status",
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

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="comments")
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
            models.Index(fields=["ip", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.author_name} on {self.article_id}: {self.content[:60]}"

    def save(self, *args, **kwargs) -> None:
        from .text import render_comment_text

        self.content_html = render_comment_text(self.content)
        self.depth = self.parent.depth + 1 if self.parent_id and self.parent is not None else 1
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{self.article.get_absolute_url()}#{self.anchor}"

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

    def comments_close_at(self, article: Article):
        if not self.close_after_days:
            return None
        return article.published_at + timedelta(days=self.close_after_days)

    def accepts_comments_on(self, article: Article, now=None) -> bool:
        """Whether readers may comment on the article now: open, published, and not past the close-after time."""
        if not article.comments_open or not article.is_published:
            return False
        closes_at = self.comments_close_at(article)
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
