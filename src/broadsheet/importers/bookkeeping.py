"""What an import run keeps track of: the source-id map that makes re-imports idempotent, and the summary."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Model, Subquery
from django.utils import timezone

from broadsheet.discussion.models import Comment
from broadsheet.publishing.models import Article, Author, Page, Section, Tag

from .models import ImportRecord, LegacyRedirect, MediaReference

# Bump when the conversion of bodies or comments changes, so that re-importing the same file rewrites them.
CONVERSION_VERSION = "2"  # 2: Unicode slugs kept; pages keep their comment_status and comments
RECORD_BATCH = 2000

MODEL_FOR_KIND: dict[str, type[Model]] = {
    ImportRecord.Kind.ARTICLE: Article,
    ImportRecord.Kind.PAGE: Page,
    ImportRecord.Kind.COMMENT: Comment,
    ImportRecord.Kind.AUTHOR: Author,
    ImportRecord.Kind.SECTION: Section,
    ImportRecord.Kind.TAG: Tag,
    ImportRecord.Kind.ATTACHMENT: MediaReference,
}


def fingerprint(*parts: Any) -> str:
    """A stable hash of what the export said about an object (dataclasses, dicts, strings, dates)."""

    def plain(value: Any) -> Any:
        # vars() rather than asdict(): no deep copy, and nested records (an item's terms) are reached by default.
        return vars(value) if is_dataclass(value) and not isinstance(value, type) else str(value)

    payload = json.dumps([CONVERSION_VERSION, *parts], sort_keys=True, default=plain)
    # 128 bits tell versions of one object apart with room to spare, and halve the map held in memory.
    return hashlib.blake2b(payload.encode(), digest_size=16).hexdigest()


@dataclass(slots=True)
class Known:
    record_pk: int
    object_id: int
    fingerprint: str


class SourceMap:
    """The ImportRecords of one source, held in memory for the run; new and changed ones written in batches."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.known: dict[tuple[str, str], Known] = {
            (kind, source_id): Known(pk, object_id, print_)
            for pk, kind, source_id, object_id, print_ in ImportRecord.objects.filter(
                source=source
            ).values_list("pk", "kind", "source_id", "object_id", "fingerprint")
        }
        self.to_create: list[tuple[str, str, int, str, datetime]] = []  # rows for insert_records
        self.to_update: list[ImportRecord] = []

    def get(self, kind: str, source_id: str) -> Known | None:
        return self.known.get((kind, source_id))

    def is_unchanged(self, kind: str, source_id: str, print_: str) -> bool:
        known = self.known.get((kind, source_id))
        return known is not None and known.fingerprint == print_

    def remember(self, kind: str, source_id: str, object_id: int, print_: str) -> None:
        known = self.known.get((kind, source_id))
        now = timezone.now()
        if known is None:
            self.to_create.append((kind, source_id, object_id, print_, now))
            self.known[(kind, source_id)] = Known(0, object_id, print_)
        elif known.object_id != object_id or known.fingerprint != print_:
            known.object_id, known.fingerprint = object_id, print_
            if known.record_pk:
                self.to_update.append(
                    ImportRecord(pk=known.record_pk, object_id=object_id, fingerprint=print_, updated_at=now)
                )
        if len(self.to_create) + len(self.to_update) >= RECORD_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.to_create:
            insert_records(self.source, self.to_create)
        if self.to_update:
            ImportRecord.objects.bulk_update(
                self.to_update, ["object_id", "fingerprint", "updated_at"], batch_size=500
            )
        self.to_create, self.to_update = [], []


def insert_records(source: str, records: list[tuple[str, str, int, str, datetime]]) -> None:
    """Insert records with one executemany: the ORM's per-object work is most of the cost at 100,000 rows,
    and nothing needs these rows' primary keys during the run."""
    table = ImportRecord._meta.db_table
    columns = ("source", "kind", "source_id", "object_id", "fingerprint", "imported_at", "updated_at")
    quote = connection.ops.quote_name
    adapt = connection.ops.adapt_datetimefield_value
    sql = f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) VALUES ({', '.join(['%s'] * len(columns))})"
    rows = [
        (source, kind, source_id, object_id, print_, adapt(when), adapt(when))
        for kind, source_id, object_id, print_, when in records
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 1000):
            cursor.executemany(sql, rows[start : start + 1000])


COUNTED_KINDS = ("articles", "pages", "comments", "authors", "sections", "tags", "attachments")


@dataclass
class ImportSummary:
    """What an import brought in. The first nine counts are what the database holds for this source."""

    source: str = ""
    articles: int = 0
    pages: int = 0
    comments: int = 0
    authors: int = 0
    sections: int = 0
    tags: int = 0
    attachments: int = 0
    redirects: int = 0
    skipped: int = 0
    # This run's writes: objects created, updated in place, and found unchanged since the last import.
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    ignored: dict[str, int] = field(default_factory=dict)  # items with no Broadsheet home, by type
    problems: list[str] = field(default_factory=list)  # the skipped items, named, with the reason
    notes: list[str] = field(default_factory=list)
    dry_run: bool = False
    seconds: float = 0.0
    related_seconds: float = 0.0  # of which: recomputing every article's related list once, after the commit

    def skip(self, reason: str) -> None:
        self.skipped += 1
        self.problems.append(reason)

    def ignore(self, kind: str) -> None:
        self.ignored[kind] = self.ignored.get(kind, 0) + 1

    def count_what_is_stored(self) -> None:
        for name in COUNTED_KINDS:
            kind = name[:-1]
            model = MODEL_FOR_KIND[kind]
            mapped = ImportRecord.objects.filter(source=self.source, kind=kind).values("object_id")
            setattr(self, name, model._default_manager.filter(pk__in=Subquery(mapped)).count())
        self.redirects = LegacyRedirect.objects.filter(source=self.source).count()

    def as_dict(self) -> dict:
        return asdict(self)

    def table(self) -> str:
        """The end-of-run summary for a terminal."""
        label = "Would be imported (dry run, nothing written)" if self.dry_run else "In the database"
        rows = [(name, getattr(self, name)) for name in (*COUNTED_KINDS, "redirects", "skipped")]
        rows += [("created this run", self.created), ("updated this run", self.updated)]
        rows += [("unchanged", self.unchanged)]
        width = max(len(name) for name, _ in rows)
        lines = [f"{label} for {self.source}:"]
        lines += [f"  {name.ljust(width)}  {value:>8,}" for name, value in rows]
        if self.ignored:
            ignored = ", ".join(f"{kind} {count}" for kind, count in sorted(self.ignored.items()))
            lines.append(f"  not imported (no Broadsheet equivalent): {ignored}")
        lines.append(f"  took {self.seconds:.1f} s, of which related articles {self.related_seconds:.1f} s")
        return "\n".join(lines)


class CommentDepths:
    """Each imported comment's depth and parent: replies beyond the site's maximum depth join their parent's
    level, as the discussion does for comments posted on the site."""

    def __init__(self) -> None:
        self.known: dict[int, tuple[int, int | None]] = {}

    def remember(self, comment_pk: int, depth: int, parent_pk: int | None) -> None:
        self.known[comment_pk] = (depth, parent_pk)

    def depth_of(self, comment_pk: int) -> int:
        if comment_pk not in self.known:
            row = Comment.objects.filter(pk=comment_pk).values_list("depth", "parent_id").first()
            self.known[comment_pk] = row or (0, None)
        return self.known[comment_pk][0]

    def parent_within_depth(self, parent_pk: int | None) -> int | None:
        while parent_pk is not None and self.depth_of(parent_pk) >= settings.COMMENT_MAX_DEPTH:
            parent_pk = self.known[parent_pk][1]
        return parent_pk
