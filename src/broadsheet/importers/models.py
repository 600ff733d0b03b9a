"""What an import remembers: which source object became which Broadsheet object, old addresses, and media."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ImportRecord(models.Model):
    """One object of an export (a WordPress post, comment, term or author) and the Broadsheet row it became.

    The fingerprint is a hash of what the export said about the object: an unchanged fingerprint on a
    re-import means nothing to write, a changed one means update the row in place.
    """

    class Kind(models.TextChoices):
        AUTHOR = "author", "Author"
        SECTION = "section", "Section"
        TAG = "tag", "Tag"
        ARTICLE = "article", "Article"
        PAGE = "page", "Page"
        ATTACHMENT = "attachment", "Attachment"
        COMMENT = "comment", "Comment"

    source = models.CharField(max_length=300, help_text="The export's site, e.g. wxr:https://example.com.")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    source_id = models.CharField(max_length=200, help_text="The object's id or slug in the export.")
    object_id = models.BigIntegerField(help_text="The primary key of the Broadsheet row.")
    fingerprint = models.CharField(max_length=64)
    imported_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["source", "kind", "source_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "source_id"], name="unique_import_source_object"
            )
        ]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.source_id} → #{self.object_id}"


class LegacyRedirect(models.Model):
    """An address the old site answered (/?p=12, /2013/01/11/slug/, /category/news/) and where it lives now."""

    old_path = models.CharField(
        max_length=500, unique=True, help_text="Path, with ?p=ID where WordPress used it."
    )
    new_path = models.CharField(max_length=500)
    source = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["old_path"]

    def __str__(self) -> str:
        return f"{self.old_path} → {self.new_path}"


class MediaReference(models.Model):
    """An image or file the old site hosted: Broadsheet links to it (or to its new home) rather than copying it."""

    source = models.CharField(max_length=300)
    url = models.URLField(max_length=500)
    title = models.CharField(max_length=300, blank=True)
    alt_text = models.CharField(max_length=300, blank=True)
    caption = models.TextField(blank=True)
    mime_type = models.CharField(max_length=100, blank=True)
    article = models.ForeignKey(
        "publishing.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="media_references",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title or self.url
