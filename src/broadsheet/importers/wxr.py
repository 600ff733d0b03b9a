"""WordPress eXtended RSS (WXR 1.0–1.2) read as a stream of plain records: site, authors, terms, items.

Follows what WordPress's own importer reads (wordpress-importer, class-wxr-parser-simplexml.php), with the
namespace matched by its stem so http:// and https:// exports of every WXR version read the same.
"""

from __future__ import annotations

import email.utils
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .hardened_xml import ImportRefused, local_name, namespace, stream_children

NO_DATE = "0000-00-00 00:00:00"


@dataclass
class Site:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""

    @property
    def address(self) -> str:
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/")


@dataclass
class Author:
    login: str
    display_name: str = ""
    email: str = ""
    first_name: str = ""
    last_name: str = ""


@dataclass
class Term:
    taxonomy: str  # "category" or "post_tag"
    slug: str
    name: str
    parent_slug: str = ""
    description: str = ""
    term_id: str = ""


@dataclass
class ItemTerm:
    taxonomy: str  # "category", "post_tag", "post_format", ... or "" when the export gives no domain
    slug: str
    name: str


@dataclass
class Comment:
    comment_id: str
    author: str = ""
    author_email: str = ""
    author_url: str = ""
    author_ip: str = ""
    date: datetime | None = None
    content: str = ""
    approved: str = "1"
    comment_type: str = ""
    parent_id: str = "0"


@dataclass
class Item:
    post_id: str = ""
    title: str = ""
    link: str = ""
    creator: str = ""
    guid: str = ""
    content: str = ""
    excerpt: str = ""
    date: datetime | None = None
    local_date: datetime | None = None  # the site's wall-clock time, as WordPress put it in permalinks
    post_name: str = ""
    status: str = ""
    post_type: str = "post"
    post_parent: str = "0"
    password: str = ""
    comment_status: str = "open"
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How a person finds this item in the export: its type, id and title."""
        title = f" “{self.title[:60]}”" if self.title.strip() else " (no title)"
        return f"{self.post_type or 'item'} {self.post_id or self.guid or '?'}{title}"


class NotWordPressExport(ImportRefused):
    pass


def read_wxr(
    path: Path | str, *, item_types: set[str] | None = None
) -> Iterator[Site | Author | Term | Item]:
    """The export's records in file order. The Site comes first, before any author, term or item.

    With `item_types`, other items are yielded as an empty Item of their type: enough to count them without
    the cost of reading their content and comments.
    """
    site = Site()
    site_sent = False
    saw_anything = False
    for element in stream_children(path, "channel"):
        saw_anything = True
        name = local_name(element.tag)
        if name in ("title", "link", "base_site_url", "base_blog_url", "wxr_version"):
            setattr(site, "link" if name == "link" else name, (element.text or "").strip())
            continue
        if name not in ("author", "category", "tag", "term", "item"):
            continue
        if not site_sent:
            if not site.wxr_version and not _is_wordpress(element.tag) and name != "item":
                raise NotWordPressExport(f"{path} is not a WordPress export (no wp:wxr_version).")
            site_sent = True
            yield site
        if name == "author":
            yield _author(element)
        elif name in ("category", "tag", "term"):
            term = _term(name, element)
            if term:
                yield term
        elif item_types is None or (post_type := _post_type(element)) in item_types:
            yield _item(element)
        else:
            yield Item(post_type=post_type)
    if not saw_anything:
        raise NotWordPressExport(f"{path} is not a WordPress export: it has no <channel> with items.")


def _post_type(element) -> str:
    for child in element:
        if local_name(child.tag) == "post_type":
            return (child.text or "").strip()
    return "post"


def _is_wordpress(tag: str) -> bool:
    return "wordpress.org/export/" in namespace(tag)


def _children(element) -> dict[str, str]:
    values: dict[str, str] = {}
    for child in element:
        values[local_name(child.tag)] = child.text or ""
    return values


def _author(element) -> Author:
    values = _children(element)
    return Author(
        login=values.get("author_login", "").strip(),
        display_name=values.get("author_display_name", "").strip(),
        email=values.get("author_email", "").strip(),
        first_name=values.get("author_first_name", "").strip(),
        last_name=values.get("author_last_name", "").strip(),
    )


def _term(kind: str, element) -> Term | None:
    values = _children(element)
    if kind == "category":
        return Term(
            "category",
            values.get("category_nicename", "").strip(),
            values.get("cat_name", "").strip(),
            values.get("category_parent", "").strip(),
            values.get("category_description", "").strip(),
            values.get("term_id", "").strip(),
        )
    if kind == "tag":
        return Term(
            "post_tag",
            values.get("tag_slug", "").strip(),
            values.get("tag_name", "").strip(),
            description=values.get("tag_description", "").strip(),
            term_id=values.get("term_id", "").strip(),
        )
    taxonomy = values.get("term_taxonomy", "").strip()
    if taxonomy not in ("category", "post_tag"):
        return None  # navigation menus, post formats and custom taxonomies have no Broadsheet home
    return Term(
        taxonomy,
        values.get("term_slug", "").strip(),
        values.get("term_name", "").strip(),
        values.get("term_parent", "").strip(),
        values.get("term_description", "").strip(),
        values.get("term_id", "").strip(),
    )


def _item(element) -> Item:
    item = Item()
    post_date = post_date_gmt = pub_date = ""
    for child in element:
        name = local_name(child.tag)
        text = child.text or ""
        if name == "title":
            item.title = text
        elif name == "link":
            item.link = text.strip()
        elif name == "creator":
            item.creator = text.strip()
        elif name == "guid":
            item.guid = text.strip()
        elif name == "encoded":
            if "excerpt" in namespace(child.tag):
                item.excerpt = text
            else:
                item.content = text
        elif name == "post_id":
            item.post_id = text.strip()
        elif name == "post_date":
            post_date = text.strip()
        elif name == "post_date_gmt":
            post_date_gmt = text.strip()
        elif name == "pubDate":
            pub_date = text.strip()
        elif name == "post_name":
            item.post_name = text.strip()
        elif name == "status":
            item.status = text.strip()
        elif name == "post_type":
            item.post_type = text.strip()
        elif name == "post_parent":
            item.post_parent = text.strip() or "0"
        elif name == "post_password":
            item.password = text
        elif name == "comment_status":
            item.comment_status = text.strip()
        elif name == "attachment_url":
            item.attachment_url = text.strip()
        elif name == "category":
            item.terms.append(ItemTerm(child.get("domain", ""), child.get("nicename", ""), text.strip()))
        elif name == "postmeta":
            meta = _children(child)
            item.meta[meta.get("meta_key", "")] = meta.get("meta_value", "")
        elif name == "comment":
            item.comments.append(_comment(child))
    item.local_date = parse_wordpress_date(post_date)
    item.date = parse_wordpress_date(post_date_gmt) or item.local_date or parse_rss_date(pub_date)
    if not item.post_id:
        item.post_id = _post_id_from_link(item.guid) or _post_id_from_link(item.link)
    return item


def _comment(element) -> Comment:
    values = _children(element)
    return Comment(
        comment_id=values.get("comment_id", "").strip(),
        author=values.get("comment_author", "").strip(),
        author_email=values.get("comment_author_email", "").strip(),
        author_url=values.get("comment_author_url", "").strip(),
        author_ip=values.get("comment_author_IP", "").strip(),
        date=parse_wordpress_date(values.get("comment_date_gmt", ""))
        or parse_wordpress_date(values.get("comment_date", "")),
        content=values.get("comment_content", ""),
        approved=values.get("comment_approved", "1").strip(),
        comment_type=values.get("comment_type", "").strip(),
        parent_id=values.get("comment_parent", "0").strip() or "0",
    )


def parse_wordpress_date(value: str) -> datetime | None:
    """'2013-01-11 20:22:19' as an aware UTC datetime; WordPress's zero date and garbage give None."""
    value = (value or "").strip()
    if not value or value.startswith("0000-00-00"):
        return None
    try:
        return datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    except ValueError:
        return None


def parse_rss_date(value: str) -> datetime | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or parsed.year < 1000:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _post_id_from_link(link: str) -> str:
    """WordPress's shortlink id: https://example.com/?p=19 → '19'."""
    marker = "?p="
    if marker not in link:
        return ""
    digits = link.split(marker, 1)[1].split("&", 1)[0]
    return digits if digits.isdigit() else ""
