"""Builders for the importer tests: the shared WordPress exports, and small WXR and Disqus files made to order."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from broadsheet.shared_data import shared_data_file

SITE = "https://old.example.com"


@pytest.fixture
def theme_unit_test_data() -> Path:
    return shared_data_file("wxr/themeunittestdata.wordpress.xml")


@pytest.fixture
def theme_preview() -> Path:
    return shared_data_file("wxr/theme-preview.xml")


@dataclass
class WxrComment:
    comment_id: int
    content: str = "A thoughtful reply."
    parent: int = 0
    approved: str = "1"
    author: str = "Reader"
    email: str = "reader@example.org"
    comment_type: str = ""
    date_gmt: str = "2020-01-02 10:00:00"


@dataclass
class WxrPost:
    post_id: int
    title: str = "A post"
    content: str = "First paragraph.\n\nSecond paragraph."
    slug: str = ""
    status: str = "publish"
    post_type: str = "post"
    date_gmt: str = "2020-01-01 09:30:00"
    date: str = "2020-01-01 10:30:00"
    excerpt: str = ""
    creator: str = "editor"
    categories: list[tuple[str, str]] = field(default_factory=lambda: [("news", "News")])
    tags: list[tuple[str, str]] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[WxrComment] = field(default_factory=list)
    attachment_url: str = ""
    parent: int = 0

    def link(self) -> str:
        slug = self.slug or f"post-{self.post_id}"
        return f"{SITE}/{self.date[:10].replace('-', '/')}/{slug}/"


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def wxr_document(posts: list[WxrPost], *, site: str = SITE) -> str:
    """A WXR 1.2 export as WordPress writes it, with one author, the posts' categories and tags declared."""
    terms = {(slug, name) for post in posts for slug, name in post.categories}
    tags = {(slug, name) for post in posts for slug, name in post.tags}
    parts = [
        '<?xml version="1.0" encoding="UTF-8" ?>\n<!-- generator="WordPress/6.4" -->\n'
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n',
        f"<title>Old site</title><link>{site}</link><wp:wxr_version>1.2</wp:wxr_version>\n",
        f"<wp:base_site_url>{site}</wp:base_site_url><wp:base_blog_url>{site}</wp:base_blog_url>\n",
        "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>editor</wp:author_login>"
        "<wp:author_email>editor@old.example.com</wp:author_email>"
        f"<wp:author_display_name>{cdata('Ed Itor')}</wp:author_display_name></wp:author>\n",
    ]
    for index, (slug, name) in enumerate(sorted(terms), start=1):
        parts.append(
            f"<wp:category><wp:term_id>{index}</wp:term_id><wp:category_nicename>{slug}</wp:category_nicename>"
            f"<wp:category_parent></wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
        )
    for index, (slug, name) in enumerate(sorted(tags), start=100):
        parts.append(
            f"<wp:tag><wp:term_id>{index}</wp:term_id><wp:tag_slug>{slug}</wp:tag_slug>"
            f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n"
        )
    for post in posts:
        parts.append(item_xml(post))
    parts.append("</channel>\n</rss>\n")
    return "".join(parts)


def item_xml(post: WxrPost) -> str:
    terms = "".join(
        f'<category domain="category" nicename="{slug}">{cdata(name)}</category>'
        for slug, name in post.categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{slug}">{cdata(name)}</category>' for slug, name in post.tags
    )
    meta = "".join(
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key><wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>"
        for key, value in post.meta.items()
    )
    comments = "".join(
        f"<wp:comment><wp:comment_id>{c.comment_id}</wp:comment_id>"
        f"<wp:comment_author>{cdata(c.author)}</wp:comment_author>"
        f"<wp:comment_author_email>{c.email}</wp:comment_author_email>"
        "<wp:comment_author_url>https://reader.example.org</wp:comment_author_url>"
        "<wp:comment_author_IP>203.0.113.9</wp:comment_author_IP>"
        f"<wp:comment_date>{c.date_gmt}</wp:comment_date><wp:comment_date_gmt>{c.date_gmt}</wp:comment_date_gmt>"
        f"<wp:comment_content>{cdata(c.content)}</wp:comment_content>"
        f"<wp:comment_approved>{c.approved}</wp:comment_approved>"
        f"<wp:comment_type>{c.comment_type}</wp:comment_type>"
        f"<wp:comment_parent>{c.parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>"
        for c in post.comments
    )
    attachment = (
        f"<wp:attachment_url>{post.attachment_url}</wp:attachment_url>" if post.attachment_url else ""
    )
    return (
        f"<item><title>{escape(post.title)}</title><link>{post.link()}</link>"
        f"<dc:creator>{cdata(post.creator)}</dc:creator>"
        f'<guid isPermaLink="false">{SITE}/?p={post.post_id}</guid><description></description>'
        f"<content:encoded>{cdata(post.content)}</content:encoded>"
        f"<excerpt:encoded>{cdata(post.excerpt)}</excerpt:encoded>"
        f"<wp:post_id>{post.post_id}</wp:post_id><wp:post_date>{post.date}</wp:post_date>"
        f"<wp:post_date_gmt>{post.date_gmt}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status>"
        f"<wp:post_name>{post.slug}</wp:post_name><wp:status>{post.status}</wp:status>"
        f"<wp:post_parent>{post.parent}</wp:post_parent><wp:post_type>{post.post_type}</wp:post_type>"
        f"{attachment}{terms}{meta}{comments}</item>\n"
    )


@pytest.fixture
def write_wxr(tmp_path):
    """write_wxr([WxrPost(...), ...]) → the path of a WXR file holding those posts."""

    def write(posts: list[WxrPost], name: str = "export.xml", **options) -> Path:
        path = tmp_path / name
        path.write_text(wxr_document(posts, **options), encoding="utf-8")
        return path

    return write
