"""What the site's spam filter learns from its own moderators: their decisions, and the models fitted to them;
and the keys other sites use to ask it through the Akismet-compatible API."""

from __future__ import annotations

import hashlib
import secrets
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
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


def digest_of(secret: str) -> str:
    # A key is 128 random bits, so one SHA-256 is enough: there is no dictionary to try against it, and a
    # slow password hash would cost every API request tens of milliseconds.
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiKeyQuerySet(models.QuerySet):
    def usable(self, secret: str) -> ApiKey | None:
        """The active key with this value, if there is one."""
        secret = secret.strip()
        return self.filter(digest=digest_of(secret), is_active=True).first() if secret else None

    def issue(self, *, site: str, note: str = "") -> ApiKey:
        """A new saved key; its `secret` is readable on the returned object only, never again."""
        key = self.model(site=site, note=note)
        key.full_clean(exclude=["digest", "prefix"])
        key.replace_secret()
        key.save()
        return key


class ApiKey(models.Model):
    """Lets another site use this server's spam filter through the Akismet-compatible API.

    Only a digest of the key is stored, so a copy of the database lets no one call the API (or teach the
    site's model) in a client's name; the client's administrator is shown the key once, when it is issued.
    """

    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        max_length=8, editable=False, help_text="The key's first characters, to tell keys apart."
    )
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

    secret = ""  # the key itself, set only by replace_secret() on this object

    def __str__(self) -> str:
        return f"{self.site} ({self.prefix}…)"

    def replace_secret(self) -> str:
        """Give the key a new value (not saved yet) and return it; the old value stops working once saved."""
        self.secret = new_api_key()
        self.digest, self.prefix = digest_of(self.secret), self.secret[:6]
        return self.secret

    def seconds_until_allowed(self, now: float | None = None) -> int:
        """Count one request against the key's limit per minute; how long the client must wait, or 0.

        The count lives in the default cache, so with Redis every app server shares it; without it (one
        process, the embedded default) each process counts its own.
        """
        now = time.time() if now is None else now
        minute = int(now // 60)
        counter = f"antispam:api-key:{self.pk}:requests:{minute}"
        cache.add(counter, 0, timeout=120)
        try:
            requests = cache.incr(counter)
        except ValueError:  # evicted between add and incr
            cache.set(counter, 1, timeout=120)
            requests = 1
        if requests <= settings.AKISMET_API_REQUESTS_PER_MINUTE:
            return 0
        return max(1, (minute + 1) * 60 - int(now))

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
