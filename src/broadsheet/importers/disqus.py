"""Disqus comment exports: threads matched to Broadsheet articles (or standalone pages) by address, posts
stored as comments.

Disqus's export (Admin → Moderation → Export) is one <disqus> document with <category>, then <thread>
(a page that had comments: its <link>, <title>, <id> identifier), then <post> (a comment: <message> HTML,
<createdAt>, <author>, <ipAddress>, <isDeleted>, <isSpam>, <thread dsq:id>, optional <parent dsq:id>).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.db import transaction
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from broadsheet.discussion.models import Comment
from broadsheet.discussion.text import render_comment_text
from broadsheet.publishing.models import Article, Page

from .bookkeeping import CommentDepths, ImportSummary, SourceMap, fingerprint
from .content import html_to_plain_text, wordpress_comment_to_text
from .hardened_xml import ImportRefused, local_name, stream_children
from .models import ImportRecord, LegacyRedirect
from .redirects import find_redirect
from .services import valid_email, valid_ip

INTERNALS = "{http://disqus.com/disqus-internals}id"
BATCH = 1000

# Where a thread's comments go: {"article_id": 12} or {"page_id": 3}, the Comment fields naming it.
Subject = dict[str, int]


class NotDisqusExport(ImportRefused):
    pass


@dataclass
class Post:
    post_id: str
    thread_id: str
    parent_id: str
    message: str
    created_at: datetime | None
    author_name: str
    author_email: str
    ip: str
    is_deleted: bool
    is_spam: bool

    @property
    def status(self) -> str:
        if self.is_spam:
            return Comment.Status.SPAM
        return Comment.Status.TRASH if self.is_deleted else Comment.Status.APPROVED


class DisqusImport:
    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.thread_subjects: dict[str, Subject | None] = {}
        self.thread_links: dict[str, str] = {}
        self.comment_pk: dict[str, int] = {}
        self.comment_depths = CommentDepths()
        self.waiting_for_parent: list[Post] = []
        self.batch: list[Post] = []
        self.summary = ImportSummary()
        self.records: SourceMap | None = None

    def run(
        self, *, dry_run: bool = False, progress: Callable[[int, int], None] | None = None
    ) -> ImportSummary:
        started = time.monotonic()
        total = sum(
            1 for element in stream_children(self.path, "disqus") if local_name(element.tag) == "post"
        )
        done = 0
        with transaction.atomic():
            for element in stream_children(self.path, "disqus"):
                name = local_name(element.tag)
                if name == "thread":
                    self.read_thread(element)
                elif name == "post":
                    self.add(self.read_post(element))
                    done += 1
                    if progress:
                        progress(done, total)
            if self.records is None:
                raise NotDisqusExport(f"{self.path} has no Disqus threads: is it a Disqus export?")
            self.flush()
            # Replies whose parent came later in the file, or never: by now every parent that exists is stored.
            self.batch, self.waiting_for_parent = self.waiting_for_parent, []
            self.flush(final=True)
            self.records.flush()
            self.summary.count_what_is_stored()
            if dry_run:
                transaction.set_rollback(True)
        self.summary.dry_run = dry_run
        self.summary.seconds = time.monotonic() - started
        return self.summary

    def read_thread(self, element) -> None:
        values = {local_name(child.tag): (child.text or "").strip() for child in element}
        if self.records is None:
            self.summary.source = f"disqus:{values.get('forum') or 'unknown-forum'}"
            self.records = SourceMap(self.summary.source)
        thread_id = element.get(INTERNALS, "")
        self.thread_links[thread_id] = values.get("link", "")
        self.thread_subjects[thread_id] = subject_for(values.get("link", ""), values.get("id", ""))

    def read_post(self, element) -> Post:
        values: dict[str, str] = {}
        refs: dict[str, str] = {}
        for child in element:
            name = local_name(child.tag)
            if name == "author":
                for part in child:
                    values[f"author_{local_name(part.tag)}"] = (part.text or "").strip()
            elif name in ("thread", "parent"):
                refs[name] = child.get(INTERNALS, "")
            else:
                values[name] = child.text or ""
        created = parse_datetime(values.get("createdAt", "").strip())
        if created is not None and timezone.is_naive(created):
            created = created.replace(tzinfo=UTC)
        return Post(
            post_id=element.get(INTERNALS, ""),
            thread_id=refs.get("thread", ""),
            parent_id=refs.get("parent", ""),
            message=values.get("message", ""),
            created_at=created,
            author_name=values.get("author_name") or values.get("author_username") or "Anonymous",
            author_email=values.get("author_email", ""),
            ip=values.get("ipAddress", "").strip(),
            is_deleted=values.get("isDeleted", "").strip() == "true",
            is_spam=values.get("isSpam", "").strip() == "true",
        )

    def add(self, post: Post) -> None:
        if self.records is None:
            raise NotDisqusExport(f"{self.path}: a <post> came before any <thread>; not a Disqus export?")
        self.batch.append(post)
        if len(self.batch) >= BATCH:
            self.flush()

    def flush(self, *, final: bool = False) -> None:
        """Store the batch, parents before replies; a reply whose parent is not stored yet waits for the end."""
        assert self.records is not None
        in_batch = {post.post_id for post in self.batch}
        waiting = []
        for post in self.batch:
            label = f"Disqus post {post.post_id or '?'}"
            subject = self.thread_subjects.get(post.thread_id)
            text = wordpress_comment_to_text(post.message)
            if not post.post_id or subject is None or not text:
                reason = (
                    "no id"
                    if not post.post_id
                    else "empty"
                    if subject is not None
                    else f"no article or page at {self.thread_links.get(post.thread_id) or 'its thread address'}"
                )
                self.summary.skip(f"{label}: {reason}")
                continue
            print_ = fingerprint(post)
            known = self.records.get(ImportRecord.Kind.COMMENT, post.post_id)
            if known:
                self.comment_pk[post.post_id] = known.object_id
                if known.fingerprint == print_:
                    self.summary.unchanged += 1
                    continue
                if Comment.objects.filter(pk=known.object_id).update(**self.fields(post, text)):
                    self.summary.updated += 1
                    self.records.remember(ImportRecord.Kind.COMMENT, post.post_id, known.object_id, print_)
                    continue
            parent_unseen = post.parent_id not in self.comment_pk and post.parent_id not in in_batch
            if post.parent_id and parent_unseen and not final:
                self.waiting_for_parent.append(post)
                continue
            waiting.append((post, text, print_, subject))
        self.batch = []
        pending_ids = {post.post_id for post, *_ in waiting}
        while waiting:
            ready = [
                entry for entry in waiting if not entry[0].parent_id or entry[0].parent_id not in pending_ids
            ] or waiting
            rows = []
            for post, text, _, subject in ready:
                parent_pk = self.comment_depths.parent_within_depth(self.comment_pk.get(post.parent_id))
                rows.append(
                    Comment(
                        **subject,
                        parent_id=parent_pk,
                        depth=self.comment_depths.depth_of(parent_pk) + 1 if parent_pk else 1,
                        **self.fields(post, text),
                    )
                )
            Comment.objects.bulk_create(rows)
            for (post, _, print_, _), row in zip(ready, rows, strict=True):
                self.comment_pk[post.post_id] = row.pk
                self.comment_depths.remember(row.pk, row.depth, row.parent_id)
                self.records.remember(ImportRecord.Kind.COMMENT, post.post_id, row.pk, print_)
            self.summary.created += len(rows)
            pending_ids -= {post.post_id for post, *_ in ready}
            waiting = [entry for entry in waiting if entry[0].post_id in pending_ids]

    def fields(self, post: Post, text: str) -> dict:
        return {
            "comment_type": Comment.Type.COMMENT,
            "author_name": (html_to_plain_text(post.author_name) or "Anonymous")[:100],
            "author_email": valid_email(post.author_email),
            "content": text,
            "content_html": render_comment_text(text),
            "status": post.status,
            "ip": valid_ip(post.ip),
            "created_at": post.created_at or timezone.now(),
        }


def subject_for(link: str, identifier: str = "") -> Subject | None:
    """The article or page a Disqus thread belongs to: its address on this site, an old address that now
    redirects, or the WordPress post id the Disqus plugin put in the identifier ("123 https://old.example/?p=123")."""
    path = urlparse(link).path or "/"
    for candidate in (path, find_redirect(path)):
        if candidate and (subject := subject_at(candidate)):
            return subject
    post_id = identifier.split(" ", 1)[0]
    if post_id.isdigit():
        for kind, model, field in IMPORTED_SUBJECTS:
            record = ImportRecord.objects.filter(kind=kind, source_id=post_id).first()
            if record and model.objects.filter(pk=record.object_id).exists():
                return {field: record.object_id}
    query = urlparse(link).query
    if query.startswith(("p=", "page_id=")) and (
        target := LegacyRedirect.objects.filter(old_path=f"/?{query}").first()
    ):
        return subject_at(target.new_path)
    return None


# WordPress numbers posts and pages alike; the importer remembered which each became.
IMPORTED_SUBJECTS = (
    (ImportRecord.Kind.ARTICLE, Article, "article_id"),
    (ImportRecord.Kind.PAGE, Page, "page_id"),
)


def subject_at(path: str) -> Subject | None:
    try:
        match = resolve(unquote(path))  # a Unicode slug arrives percent-encoded in the thread's link
    except Resolver404:
        return None
    # Slugs are unique, so the slug alone names the article even if the date in the address is off by a zone.
    if match.view_name == "publishing:article":
        found = Article.objects.filter(slug=match.kwargs["slug"]).values_list("pk", flat=True).first()
        return {"article_id": found} if found else None
    if match.view_name == "publishing:page":
        found = Page.objects.filter(slug=match.kwargs["slug"]).values_list("pk", flat=True).first()
        return {"page_id": found} if found else None
    return None
