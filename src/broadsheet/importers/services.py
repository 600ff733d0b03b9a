"""The import write paths: `import_wxr(path, ...)` for WordPress, `import_disqus(path, ...)` for Disqus.

Both are all-or-nothing: the whole file is imported in one transaction, so a broken file, a crash or Ctrl-C
leaves the database as it was. Both are idempotent: every imported object is remembered by its id in the
export (ImportRecord), with a fingerprint of what the export said about it; running the same file again
writes nothing, and a newer export updates only what changed.
"""

from __future__ import annotations

import functools
import ipaddress
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.text import slugify

from broadsheet.discussion.models import Comment
from broadsheet.discussion.text import render_comment_text
from broadsheet.publishing.models import Article, Author, Page, Section, Tag, unique_slug
from broadsheet.publishing.related import refresh_related_articles
from broadsheet.publishing.signals import article_changed, related_lists_changed
from broadsheet.publishing.tasks import refresh_related_lists

from . import wxr
from .bookkeeping import CommentDepths, ImportSummary, SourceMap, fingerprint
from .content import Attachment, html_to_plain_text, wordpress_body_to_html, wordpress_comment_to_text
from .media import MediaUrls
from .models import ImportRecord, LegacyRedirect, MediaReference

Progress = Callable[[int, int], None]
Kind = ImportRecord.Kind

POST_STATUS = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.SCHEDULED,
    "draft": Article.Status.DRAFT,
    "pending": Article.Status.DRAFT,
    "private": Article.Status.DRAFT,
}
COMMENT_STATUS = {
    "1": Comment.Status.APPROVED,
    "approve": Comment.Status.APPROVED,
    "0": Comment.Status.PENDING,
    "hold": Comment.Status.PENDING,
    "spam": Comment.Status.SPAM,
    "trash": Comment.Status.TRASH,
    "post-trashed": Comment.Status.TRASH,
}
COMMENT_TYPES = {"pingback": Comment.Type.PINGBACK, "trackback": Comment.Type.TRACKBACK}
DEFAULT_SECTION = ("uncategorized", "Uncategorized")
COMMENT_BUFFER = 5000  # comments held before a bulk insert: large statements, small memory


@dataclass
class Survey:
    """What the first, read-only pass over the file learns: the site, the item count and the attachments.

    Attachments may come after the posts that show them, so they are collected before anything is written;
    the pass also proves the whole file is well-formed XML before the first write.
    """

    site: wxr.Site = field(default_factory=wxr.Site)
    items: int = 0
    attachments: dict[str, Attachment] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def survey_wxr(path: Path | str, media: MediaUrls | None = None) -> Survey:
    survey = Survey()
    for record in wxr.read_wxr(path, item_types={"attachment"}):
        if isinstance(record, wxr.Site):
            survey.site = record
        elif isinstance(record, wxr.Item):
            survey.items += 1
            if record.post_type == "attachment" and record.post_id:
                url = record.attachment_url or record.guid
                survey.attachments[record.post_id] = Attachment(
                    url=media.rewrite(url) if media else url,
                    title=html_to_plain_text(record.title),
                    alt_text=record.meta.get("_wp_attachment_image_alt", "").strip(),
                    caption=html_to_plain_text(record.excerpt),
                    parent_id=record.post_parent,
                )
                if record.post_parent != "0":
                    survey.children[record.post_parent].append(record.post_id)
    return survey


def import_wxr(
    path: Path | str,
    *,
    dry_run: bool = False,
    media_base_url: str = "",
    progress: Progress | None = None,
    related_now: bool = False,
) -> ImportSummary:
    """Import a WordPress export; with dry_run, do all the work and roll it back, returning the same counts.

    Related-article lists are recomputed once for the whole site afterwards: queued for the background
    worker, as after any editor's change, or in this process with related_now=True (it reads every article:
    on a large site it costs more time and memory than the import itself).
    """
    started = time.monotonic()
    survey = survey_wxr(path)
    media = MediaUrls(survey.site, media_base_url)
    if media_base_url:
        survey = survey_wxr(path, media)  # attachments with their new addresses
    run = WordPressImport(survey, media)
    done = 0
    with transaction.atomic():
        for record in wxr.read_wxr(path):
            if isinstance(record, wxr.Author):
                run.import_author(record)
            elif isinstance(record, wxr.Term):
                run.import_term(record)
            elif isinstance(record, wxr.Item):
                run.import_item(record)
                done += 1
                if progress:
                    progress(done, survey.items)
        run.finish()
        summary = run.summary
        summary.count_what_is_stored()
        if dry_run:
            transaction.set_rollback(True)
    summary.dry_run = dry_run
    if not dry_run:
        changed, written = run.changed_articles, run.articles_written
        del run, survey  # the run's id maps are not needed any more; the refresh can use their memory
        refresh_started = time.monotonic()
        announce_changes(changed, refresh=written, now=related_now)
        summary.related_seconds = time.monotonic() - refresh_started
    summary.seconds = time.monotonic() - started
    return summary


def announce_changes(updated_article_ids: set[int], *, refresh: bool, now: bool = True) -> None:
    """After the commit: related lists once for the whole import, and the page cache told what changed."""
    # One at a time (iterator): a large import changes thousands of articles, bodies and all.
    for article in Article.objects.filter(pk__in=updated_article_ids).iterator(chunk_size=500):
        article_changed.send(sender=Article, article=article)
    if refresh and not now:
        refresh_related_lists.enqueue()
    elif refresh:
        changed = refresh_related_articles()
        if changed:
            related_lists_changed.send(sender=Article, article_ids=changed)


class WordPressImport:
    """One run over one export: maps each record to a Broadsheet row, remembering what it did."""

    def __init__(self, survey: Survey, media: MediaUrls) -> None:
        self.site, self.attachments, self.children, self.media = (
            survey.site,
            survey.attachments,
            survey.children,
            media,
        )
        self.summary = ImportSummary(source=f"wxr:{survey.site.address or 'unknown-site'}")
        self.records = SourceMap(self.summary.source)
        self.author_ids: dict[str, int] = {}
        self.section_ids: dict[str, int] = {}
        self.tag_ids: dict[str, int] = {}
        self.redirects: dict[str, str] = {}
        self.media_parents: dict[int, str] = {}
        self.comment_pk: dict[str, int] = {}
        self.comment_depths = CommentDepths()
        self.changed_articles: set[int] = set()
        # (article id, page id, comment, its text, its fingerprint): a comment is under one of the two.
        self.comment_buffer: list[tuple[int | None, int | None, wxr.Comment, str, str]] = []
        # What an editor or moderator deleted since the last import stays deleted while the export is unchanged;
        # knowing which rows still exist keeps replies from pointing at a deleted article or comment.
        self.live_articles = set(self.live_ids(Kind.ARTICLE, Article))
        self.live_pages = set(self.live_ids(Kind.PAGE, Page))
        self.live_comments = set(self.live_ids(Kind.COMMENT, Comment))
        self.new_author_links: list = []
        self.new_tag_links: list = []
        self.articles_written = False

    # Authors, sections and tags -------------------------------------------------------------------------

    def import_author(self, author: wxr.Author) -> None:
        if not author.login:
            self.summary.skip("author with no login")
            return
        self.author_for(author.login, author)

    def author_for(self, login: str, author: wxr.Author | None = None) -> int:
        if login in self.author_ids and author is None:
            return self.author_ids[login]
        author = author or wxr.Author(login=login)
        print_ = fingerprint(author)
        known = self.records.get(Kind.AUTHOR, login)
        if known and known.fingerprint == print_:
            self.summary.unchanged += 1
            self.author_ids[login] = known.object_id
            return known.object_id
        profile = Author.objects.filter(pk=known.object_id).first() if known else None
        if profile is None and (
            adopted := Author.objects.filter(slug=slugify(login, allow_unicode=True)[:150]).first()
        ):
            # The site already has this author: link to it and leave its name and email as the site keeps them.
            self.summary.unchanged += 1
            self.records.remember(Kind.AUTHOR, login, adopted.pk, print_)
            self.author_ids[login] = adopted.pk
            return adopted.pk
        created = profile is None
        profile = profile or Author(slug=unique_slug(login, Author, max_length=150))
        full_name = f"{author.first_name} {author.last_name}".strip()
        profile.name = (author.display_name or full_name or login)[:150]
        profile.email = valid_email(author.email)
        profile.save()
        self._count_write(created=created)
        self.records.remember(Kind.AUTHOR, login, profile.pk, print_)
        self.author_ids[login] = profile.pk
        return profile.pk

    def import_term(self, term: wxr.Term) -> None:
        if not term.slug and not term.name:
            self.summary.skip(f"{term.taxonomy} with no name or slug (term {term.term_id or '?'})")
            return
        if term.taxonomy == "category":
            self.section_for(term)
        else:
            self.tag_for(term)

    def section_for(self, term: wxr.Term) -> int:
        slug = slugify(unquote(term.slug or term.name), allow_unicode=True)[:100] or "section"
        if slug in self.section_ids:
            return self.section_ids[slug]
        print_ = fingerprint(term)
        known = self.records.get(Kind.SECTION, slug)
        if known and known.fingerprint == print_:
            self.summary.unchanged += 1
            self.section_ids[slug] = known.object_id
            return known.object_id
        section = Section.objects.filter(pk=known.object_id).first() if known else None
        if section is None and (adopted := Section.objects.filter(slug=slug).first()):
            self.summary.unchanged += 1  # the site's own section of that slug: use it as it is
            section = adopted
        else:
            created = section is None
            section = section or Section(slug=unique_slug(slug, Section, max_length=100))
            name = html_to_plain_text(term.name) or slug
            if Section.objects.filter(name=name).exclude(pk=section.pk).exists():
                name = (
                    f"{name} ({slug})"  # WordPress allows two categories of one name under different parents
                )
            section.name, section.description = name[:100], html_to_plain_text(term.description)
            section.save()
            self._count_write(created=created)
        self.records.remember(Kind.SECTION, slug, section.pk, print_)
        self.section_ids[slug] = section.pk
        self.redirect(f"/category/{term.slug or slug}/", section.get_absolute_url())
        return section.pk

    def tag_for(self, term: wxr.Term) -> int:
        slug = slugify(unquote(term.slug or term.name), allow_unicode=True)[:100] or "tag"
        if slug in self.tag_ids:
            return self.tag_ids[slug]
        print_ = fingerprint(term)
        known = self.records.get(Kind.TAG, slug)
        if known and known.fingerprint == print_:
            self.summary.unchanged += 1
            self.tag_ids[slug] = known.object_id
            return known.object_id
        name = (html_to_plain_text(term.name) or slug)[:100]
        tag = Tag.objects.filter(pk=known.object_id).first() if known else None
        if tag is None and (
            adopted := Tag.objects.filter(slug=slug).first() or Tag.objects.filter(name__iexact=name).first()
        ):
            self.summary.unchanged += 1  # the site's own tag (or one this import made for a category)
            tag = adopted
        else:
            created = tag is None
            tag = tag or Tag(slug=unique_slug(slug, Tag, max_length=100))
            taken = Tag.objects.filter(name=name).exclude(pk=tag.pk).exists()
            tag.name = f"{name} ({slug})"[:100] if taken else name
            tag.save()
            self._count_write(created=created)
        self.records.remember(Kind.TAG, slug, tag.pk, print_)
        self.tag_ids[slug] = tag.pk
        self.redirect(f"/tag/{term.slug or slug}/", tag.get_absolute_url())
        return tag.pk

    def live_ids(self, kind: str, model) -> list[int]:
        mapped = ImportRecord.objects.filter(source=self.summary.source, kind=kind).values("object_id")
        return list(model._default_manager.filter(pk__in=Subquery(mapped)).values_list("pk", flat=True))

    def unchanged(self, item: wxr.Item, object_id: int, live: set[int]) -> int | None:
        """An item this export holds exactly as last imported: counted, and left alone even if an editor deleted
        its article or page since (returns None then)."""
        self.summary.unchanged += 1
        if object_id not in live:
            self.summary.notes.append(f"{item.label}: deleted in Broadsheet since the last import; left so")
            return None
        return object_id

    def default_section(self) -> int:
        slug, name = DEFAULT_SECTION
        return self.section_for(wxr.Term("category", slug, name))

    # Items -------------------------------------------------------------------------------------------------

    def import_item(self, item: wxr.Item) -> None:
        article_id = page_id = None
        if item.post_type == "post":
            article_id = self.import_post(item)
        elif item.post_type == "page":
            page_id = self.import_page(item)
        elif item.post_type == "attachment":
            self.import_attachment(item)
        else:
            self.summary.ignore(item.post_type or "untyped item")
        if item.comments:
            self.import_comments(item, article_id=article_id, page_id=page_id)

    def import_post(self, item: wxr.Item) -> int | None:
        status = POST_STATUS.get(item.status)
        if status is None:
            self.summary.ignore(f"post ({item.status or 'no status'})")  # trash, auto-draft, inherit
            return None
        title = html_to_plain_text(item.title)
        if not title and not item.content.strip():
            self.summary.skip(f"{item.label}: no title and no content")
            return None
        if not item.post_id:
            self.summary.skip(f"{item.label}: no post id, so it could not be matched on a later import")
            return None
        if item.password and status != Article.Status.DRAFT:
            status = Article.Status.DRAFT  # Broadsheet has no password-protected articles: keep it private
            self.summary.notes.append(f"{item.label}: password-protected, imported as a draft")
        thumbnail = self.attachments.get(item.meta.get("_thumbnail_id", "").strip())
        gallery = [self.attachments[key] for key in self.children.get(item.post_id, ())]
        print_ = fingerprint(item.__dict__ | {"comments": None}, thumbnail, gallery, self.media.base_url)
        known = self.records.get(Kind.ARTICLE, item.post_id)
        if known and known.fingerprint == print_:
            return self.unchanged(item, known.object_id, self.live_articles)
        article = Article.objects.filter(pk=known.object_id).first() if known else None
        created = article is None
        article = article or Article()
        article.title = (title or first_words(item.content) or f"Untitled {item.post_id}")[:300]
        article.slug = unique_slug(
            unquote(item.post_name) or article.title, Article, exclude_pk=article.pk, max_length=200
        )
        article.standfirst = html_to_plain_text(item.excerpt)
        article.body_format = Article.BodyFormat.HTML
        article.body_source = self.body_html(item)
        article.featured_image_url = thumbnail.url[:500] if thumbnail else ""
        article.featured_image_alt = thumbnail.alt_text[:300] if thumbnail else ""
        article.featured_image_caption = thumbnail.caption[:500] if thumbnail else ""
        article.section_id = self.section_of(item)
        article.status = status
        article.published_at = item.date or article.published_at or timezone.now()
        article.comments_open = item.comment_status != "closed"
        article.save()
        author_ids = [self.author_for(item.creator)] if item.creator else []
        if created:
            self.new_author_links += [
                Article.authors.through(article_id=article.pk, author_id=a) for a in author_ids
            ]
            self.new_tag_links += [
                Article.tags.through(article_id=article.pk, tag_id=t) for t in self.tags_of(item)
            ]
        else:
            article.authors.set(author_ids)
            article.tags.set(self.tags_of(item))
        self._count_write(created=created)
        self.articles_written = True
        if not created:
            self.changed_articles.add(article.pk)
        self.records.remember(Kind.ARTICLE, item.post_id, article.pk, print_)
        self.live_articles.add(article.pk)
        if article.status != Article.Status.DRAFT:
            self.redirect_item(item, article.get_absolute_url())
        return article.pk

    def body_html(self, item: wxr.Item) -> str:
        return wordpress_body_to_html(
            self.media.rewrite_html(item.content),
            post_id=item.post_id,
            attachments=self.attachments,
            rewrite_url=self.media.rewrite,
        )

    def section_of(self, item: wxr.Item) -> int:
        """The first category is the article's section; an export without category domains lists categories
        first, as WordPress's feeds do."""
        for term in item.terms:
            if term.taxonomy in ("category", ""):
                return self.section_for(wxr.Term("category", term.slug, term.name))
        return self.default_section()

    def tags_of(self, item: wxr.Item) -> list[int]:
        """Tags, plus every category after the first: an article has one section, so the rest become tags."""
        first_category = next((t for t in item.terms if t.taxonomy in ("category", "")), None)
        ids = []
        for term in item.terms:
            if term.taxonomy == "post_tag" or (
                term.taxonomy in ("category", "") and term is not first_category
            ):
                ids.append(self.tag_for(wxr.Term("post_tag", term.slug, term.name)))
        return sorted(set(ids))

    def import_page(self, item: wxr.Item) -> int | None:
        if item.status in ("trash", "auto-draft", "inherit"):
            self.summary.ignore(f"page ({item.status})")
            return None
        title = html_to_plain_text(item.title)
        if not title and not item.content.strip():
            self.summary.skip(f"{item.label}: no title and no content")
            return None
        if not item.post_id:
            self.summary.skip(f"{item.label}: no post id, so it could not be matched on a later import")
            return None
        print_ = fingerprint(item.__dict__ | {"comments": None}, self.media.base_url)
        known = self.records.get(Kind.PAGE, item.post_id)
        if known and known.fingerprint == print_:
            return self.unchanged(item, known.object_id, self.live_pages)
        page = Page.objects.filter(pk=known.object_id).first() if known else None
        created = page is None
        page = page or Page()
        page.title = (title or f"Untitled {item.post_id}")[:300]
        page.slug = unique_slug(unquote(item.post_name) or page.title, Page, exclude_pk=page.pk)
        page.body_format = Article.BodyFormat.HTML
        page.body_source = self.body_html(item)
        page.is_published = item.status == "publish" and not item.password
        # WordPress closes comments on new pages by default; the export says what this page allowed.
        page.comments_open = item.comment_status == "open"
        page.save()
        self._count_write(created=created)
        self.records.remember(Kind.PAGE, item.post_id, page.pk, print_)
        self.live_pages.add(page.pk)
        if page.is_published:
            self.redirect(f"/?page_id={item.post_id}", page.get_absolute_url())
            self.redirect_item(item, page.get_absolute_url())
        return page.pk

    def import_attachment(self, item: wxr.Item) -> None:
        attachment = self.attachments.get(item.post_id)
        if attachment is None or not attachment.url:
            self.summary.skip(f"{item.label}: attachment with no file address")
            return
        print_ = fingerprint(attachment)
        known = self.records.get(Kind.ATTACHMENT, item.post_id)
        if known and known.fingerprint == print_:
            self.summary.unchanged += 1
            return
        reference = MediaReference.objects.filter(pk=known.object_id).first() if known else None
        created = reference is None
        reference = reference or MediaReference(source=self.summary.source)
        reference.url = attachment.url[:500]
        reference.title = attachment.title[:300]
        reference.alt_text = attachment.alt_text[:300]
        reference.caption = attachment.caption
        reference.mime_type = attachment.mime_type
        reference.save()
        self._count_write(created=created)
        self.records.remember(Kind.ATTACHMENT, item.post_id, reference.pk, print_)
        if attachment.parent_id != "0":
            self.media_parents[reference.pk] = attachment.parent_id

    # Comments ----------------------------------------------------------------------------------------------

    def import_comments(
        self, item: wxr.Item, *, article_id: int | None = None, page_id: int | None = None
    ) -> None:
        """Store the comments of a post (article_id) or page (page_id) in bulk, parents before replies: no
        signals, no emails, no spam check."""
        if article_id is None and page_id is None:
            reason = f"its {item.post_type or 'item'} is not in Broadsheet"
            for comment in item.comments:
                self.summary.skip(f"comment {comment.comment_id} on {item.label}: {reason}")
            return
        for comment in item.comments:
            if not comment.comment_id:
                self.summary.skip(f"comment with no id on {item.label}")
                continue
            text = wordpress_comment_to_text(comment.content)
            if not text:
                self.summary.skip(f"comment {comment.comment_id} on {item.label}: empty")
                continue
            print_ = fingerprint(comment)
            known = self.records.get(Kind.COMMENT, comment.comment_id)
            if known:
                if known.object_id in self.live_comments:
                    self.comment_pk[comment.comment_id] = known.object_id
                if known.fingerprint == print_:
                    self.summary.unchanged += 1
                    continue
                fields = self.comment_fields(comment, text)
                if Comment.objects.filter(pk=known.object_id).update(**fields):
                    self.summary.updated += 1
                    self.records.remember(Kind.COMMENT, comment.comment_id, known.object_id, print_)
                    continue
            self.comment_buffer.append((article_id, page_id, comment, text, print_))
        if len(self.comment_buffer) >= COMMENT_BUFFER:
            self.flush_comments()

    def flush_comments(self) -> None:
        """Insert the buffered comments in a few bulk statements, one per thread level: parents first, so each
        reply's parent already has its primary key. Buffering across posts keeps the statements large."""
        self.flush_article_links()
        waiting, self.comment_buffer = self.comment_buffer, []
        in_buffer = {entry[2].comment_id for entry in waiting}
        while waiting:
            ready = [
                entry
                for entry in waiting
                if entry[2].parent_id in self.comment_pk or entry[2].parent_id not in in_buffer
            ] or waiting  # a cycle in the export: the rest become top-level comments
            rows = []
            for article_id, page_id, comment, text, _ in ready:
                parent_pk = self.comment_depths.parent_within_depth(self.comment_pk.get(comment.parent_id))
                rows.append(
                    Comment(
                        article_id=article_id,
                        page_id=page_id,
                        parent_id=parent_pk,
                        depth=self.comment_depths.depth_of(parent_pk) + 1 if parent_pk else 1,
                        **self.comment_fields(comment, text),
                    )
                )
            Comment.objects.bulk_create(rows, batch_size=500)
            for (_, _, comment, _, print_), row in zip(ready, rows, strict=True):
                self.comment_pk[comment.comment_id] = row.pk
                self.comment_depths.remember(row.pk, row.depth, row.parent_id)
                self.records.remember(Kind.COMMENT, comment.comment_id, row.pk, print_)
            self.summary.created += len(rows)
            in_buffer -= {entry[2].comment_id for entry in ready}
            waiting = [entry for entry in waiting if entry[2].comment_id in in_buffer]

    def flush_article_links(self) -> None:
        """Authors and tags of the new articles, in bulk (an edited article sets its own at once)."""
        Article.authors.through.objects.bulk_create(self.new_author_links, batch_size=500)
        Article.tags.through.objects.bulk_create(self.new_tag_links, batch_size=500)
        self.new_author_links, self.new_tag_links = [], []

    def comment_fields(self, comment: wxr.Comment, text: str) -> dict:
        return {
            "comment_type": COMMENT_TYPES.get(comment.comment_type, Comment.Type.COMMENT),
            "author_name": (html_to_plain_text(comment.author) or "Anonymous")[:100],
            "author_email": valid_email(comment.author_email),
            "author_url": valid_url(comment.author_url),
            "content": text,
            "content_html": render_comment_text(text),
            "status": COMMENT_STATUS.get(comment.approved, Comment.Status.PENDING),
            "ip": valid_ip(comment.author_ip),
            "created_at": comment.date or timezone.now(),
        }

    # Redirects and the end of the run ---------------------------------------------------------------------

    def redirect_item(self, item: wxr.Item, new_path: str) -> None:
        self.redirect(f"/?p={item.post_id}", new_path)
        link = urlparse(item.link)
        if link.path and (link.path != "/" or link.query):
            self.redirect(link.path + (f"?{link.query}" if link.query else ""), new_path)
        if item.post_name:
            if item.local_date and item.post_type == "post":
                self.redirect(f"/{item.local_date:%Y/%m/%d}/{item.post_name}/", new_path)
            self.redirect(f"/{item.post_name}/", new_path)

    def redirect(self, old_path: str, new_path: str) -> None:
        # Stored decoded, as Django's request.path is: WordPress writes non-ASCII slugs percent-encoded.
        old_path = unquote(re.sub(r"/{2,}", "/", old_path))
        if old_path != new_path and len(old_path) <= 500:
            self.redirects.setdefault(old_path, new_path)  # first wins: a post's /slug/ before a later page's

    def finish(self) -> None:
        self.flush_comments()
        self.records.flush()
        self.link_media_to_articles()
        self.write_redirects()

    def link_media_to_articles(self) -> None:
        references = []
        for pk, parent_id in self.media_parents.items():
            known = self.records.get(Kind.ARTICLE, parent_id)
            if known:
                references.append(MediaReference(pk=pk, article_id=known.object_id))
        MediaReference.objects.bulk_update(references, ["article"], batch_size=500)

    def write_redirects(self) -> None:
        existing: dict[str, str] = {}
        paths = list(self.redirects)
        for start in range(0, len(paths), 500):
            existing.update(
                LegacyRedirect.objects.filter(old_path__in=paths[start : start + 500]).values_list(
                    "old_path", "new_path"
                )
            )
        LegacyRedirect.objects.bulk_create(
            [
                LegacyRedirect(old_path=old, new_path=new, source=self.summary.source)
                for old, new in self.redirects.items()
                if old not in existing
            ],
            batch_size=500,
        )
        for old, new in self.redirects.items():
            if old in existing and existing[old] != new:
                LegacyRedirect.objects.filter(old_path=old, source=self.summary.source).update(new_path=new)

    def _count_write(self, *, created: bool) -> None:
        if created:
            self.summary.created += 1
        else:
            self.summary.updated += 1


def first_words(html_text: str, count: int = 8) -> str:
    """A title for a post that has none, from the start of its text, as a reader would name it."""
    words = html_to_plain_text(wxr_strip_shortcodes(html_text)).split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def wxr_strip_shortcodes(text: str) -> str:
    return re.sub(r"\[/?[\w-]+[^\]]*\]", "", text)


@functools.lru_cache(
    maxsize=4096
)  # commenters come back: their addresses repeat across thousands of comments
def valid_email(value: str) -> str:
    value = (value or "").strip()[:254]
    try:
        validate_email(value)
    except ValidationError:
        return ""
    return value


def valid_url(value: str) -> str:
    value = (value or "").strip()
    return value if value.startswith(("http://", "https://")) and len(value) <= 300 else ""


@functools.lru_cache(maxsize=4096)
def valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def import_disqus(
    path: Path | str, *, dry_run: bool = False, progress: Progress | None = None
) -> ImportSummary:
    """Import a Disqus export's comments onto the articles at the addresses its threads name."""
    from .disqus import DisqusImport

    return DisqusImport(path).run(dry_run=dry_run, progress=progress)
