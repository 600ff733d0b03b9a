"""What the site's spam filter learns from its own moderators: their decisions, and the models fitted to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models


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
