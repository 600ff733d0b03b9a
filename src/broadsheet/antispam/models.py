"""What the site's spam filter learns from its own moderators: their decisions, and the models fitted to them;
and the keys other sites use to ask it through the Akismet-compatible API."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone


class ModeratorLabel(models.Model):
    """A moderator's verdict on one submission (approve = ham, mark as spam = spam), kept to learn from.

    It keeps what the classifier reads: the text, the name, the website and the email's domain. Never the
    address or the IP; `commenter_key` (a keyed hash of the address) lets erasure by email find it.
    """

    source = models.CharField(
        max_length=100, unique=True, help_text="Where the example came from, e.g. comment:42."
    )
    content = models.TextField()
    author_name = models.CharField(max_length=200, blank=True)
    author_url = models.CharField(max_length=300, blank=True)
    email_domain = models.CharField(max_length=200, blank=True)
    commenter_key = models.CharField(max_length=64, blank=True, db_index=True)
    is_spam = models.BooleanField()
    labelled_at = models.DateTimeField(db_index=True)
    labelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["-labelled_at"]

    def __str__(self) -> str:
        return f"{'spam' if self.is_spam else 'ham'}: {self.content[:60]}"


class SiteModel(models.Model):
    """A spam model adapted to this site's moderators. The newest active one is used by every app server."""

    created_at = models.DateTimeField(auto_now_add=True)
    examples = models.PositiveIntegerField(help_text="Moderator decisions it was fitted to.")
    weights = models.BinaryField(help_text="weights.npz of the model (numpy arrays, no pickle).")
    description = models.JSONField(help_text="model.json of the model.")
    comparison = models.JSONField(default=dict, help_text="How it did against the model it replaced.")
    is_active = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"Spam model of {self.created_at:%Y-%m-%d %H:%M} ({self.examples} decisions)"


def new_api_key() -> str:
    # Hexadecimal, so older Akismet clients can send it as a host name label (KEY.rest.akismet.com).
    return secrets.token_hex(16)


class ApiKeyQuerySet(models.QuerySet):
    def usable(self, key: str) -> ApiKey | None:
        """The active key with this value, if there is one."""
        return self.filter(key=key.strip(), is_active=True).first() if key.strip() else None


class ApiKey(models.Model):
    """Lets another site use this server's spam filter through the Akismet-compatible API."""

    key = models.CharField(max_length=64, unique=True, default=new_api_key, editable=False)
    site = models.URLField(
        max_length=300, help_text="The client site's address (what its Akismet plugin sends as “blog”)."
    )
    note = models.CharField(max_length=200, blank=True, help_text="Who it is for, for your own records.")
    is_active = models.BooleanField(default=True, help_text="Untick to refuse requests made with this key.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiKeyQuerySet.as_manager()

    class Meta:
        verbose_name = "API key"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.site} ({self.key[:6]}…)"

    # Recording every request would be a database write per comment checked; once a minute says enough.
    LAST_USED_PRECISION = timedelta(minutes=1)

    def record_use(self, now: datetime | None = None) -> None:
        """Remember when the key was last used: the only thing the API stores about a checked comment."""
        now = now or timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= self.LAST_USED_PRECISION:
            ApiKey.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now

    @property
    def report_source(self) -> str:
        """What every ModeratorLabel made from this key's submit-spam/ham reports starts its `source` with."""
        return f"akismet:{self.pk}:"

    def forget_reports(self) -> int:
        """Delete the examples this key reported (a client whose reports were wrong); returns how many."""
        deleted, _ = ModeratorLabel.objects.filter(source__startswith=self.report_source).delete()
        return deleted
