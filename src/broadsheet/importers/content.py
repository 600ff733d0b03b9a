"""WordPress post and comment content to the HTML and text Broadsheet stores.

WordPress keeps post bodies half-formatted: blank lines stand for paragraphs (its `wpautop` filter adds the
`<p>` tags on every page view), shortcodes such as [caption] and [gallery] expand at display time, and the
block editor wraps everything in `<!-- wp:... -->` comments. Broadsheet stores finished HTML, so the
importer does the display-time work once. The result still goes through `Article.render_derived_fields`,
which sanitises it like any editor-written body.
"""

from __future__ import annotations

import html
import mimetypes
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlparse

# The block-level tags `wpautop` never wraps in a paragraph (WordPress's own list, wp-includes/formatting.php).
ALL_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
    r"blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|"
    r"figure|figcaption|details|menu|summary)"
)
BLOCK_OPEN = re.compile(r"(<" + ALL_BLOCKS + r"[\s/>])")
BLOCK_CLOSE = re.compile(r"(</" + ALL_BLOCKS + r">)")
PRE_BLOCK = re.compile(r"<pre[\s>].*?</pre>", re.S | re.I)
TAG_WITH_NEWLINES = re.compile(r"<[^<>]*\n[^<>]*>")
RAW_TEXT_BLOCK = re.compile(r"<(script|style|svg|math)[\s>].*?</\1>", re.S)

BLOCK_DELIMITER = re.compile(r"<!--\s+/?wp:[a-z0-9/-]+(?:\s+\{.*?\})?\s+/?-->", re.S)
# A self-closing block such as <!-- wp:latest-posts /--> is drawn by PHP at view time: there is no HTML.
DYNAMIC_BLOCK = re.compile(r"<!--\s+wp:[a-z0-9/-]+(?:\s+\{.*?\})?\s+/-->", re.S)
EMBED_WRAPPER = re.compile(
    r'(<div class="wp-block-embed__wrapper">)\s*(https?://[^\s<"]+)\s*(</div>)', re.S | re.I
)
# A URL alone in its paragraph is an oEmbed in WordPress; Broadsheet loads no third-party players, so a link.
BARE_URL_PARAGRAPH = re.compile(r"<p>\s*(https?://[^\s<\"]+)\s*</p>")

HANDLED_SHORTCODES = ("caption", "wp_caption", "gallery", "embed", "audio", "video")
SHORTCODE = re.compile(
    r"\[(?P<open_escape>\[?)(?P<name>" + "|".join(HANDLED_SHORTCODES) + r")(?![\w-])(?P<attributes>[^\]]*?)"
    r"(?:(?P<self_closing>/)\]|\](?:(?P<content>(?:(?!\[(?P=name)[\s\]]).)*?)\[/(?P=name)\])?)"
    r"(?P<close_escape>\]?)",
    re.S,
)
SHORTCODE_ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)"""
)
CAPTIONED_IMAGE = re.compile(r"((?:<a [^>]+>\s*)?<img [^>]+>(?:\s*</a>)?)(.*)", re.S | re.I)
# A shortcode alone in its paragraph expands to a block of its own; unwrap it (WordPress's shortcode_unautop).
FIGURE_IN_PARAGRAPH = re.compile(r"<p>\s*(<figure\b.*?</figure>)\s*(?:<br />)?\s*</p>", re.S)
PARAGRAPH_IN_PARAGRAPH = re.compile(r"<p>\s*(<p>(?:(?!</?p>).)*</p>)\s*(?:<br />)?\s*</p>", re.S)
AUDIO_SOURCES = ("src", "mp3", "m4a", "ogg", "oga", "wav", "flac")
VIDEO_SOURCES = ("src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "mov")


@dataclass(frozen=True)
class Attachment:
    """What the body conversion needs to know about a file the export lists as an attachment."""

    url: str
    title: str = ""
    alt_text: str = ""
    caption: str = ""
    parent_id: str = ""

    @property
    def mime_type(self) -> str:
        return mimetypes.guess_type(urlparse(self.url).path)[0] or ""

    @property
    def is_image(self) -> bool:
        return self.mime_type.startswith("image/")


def wordpress_body_to_html(
    content: str,
    *,
    post_id: str = "",
    attachments: Mapping[str, Attachment] | None = None,
    rewrite_url: Callable[[str], str] = lambda url: url,
) -> str:
    """The HTML a WordPress theme would have shown for this post body (before Broadsheet sanitises it)."""
    attachments = attachments or {}
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    if "<!-- wp:" in content:
        # Block-editor content is already HTML; WordPress skips wpautop for it, and so do we.
        content = DYNAMIC_BLOCK.sub("", content)
        content = BLOCK_DELIMITER.sub("", content)
        content = EMBED_WRAPPER.sub(lambda m: f"{m[1]}{_link(m[2])}{m[3]}", content)
    else:
        content = wpautop(content)
    content = expand_shortcodes(content, post_id=post_id, attachments=attachments, rewrite_url=rewrite_url)
    content = FIGURE_IN_PARAGRAPH.sub(r"\1", content)
    content = PARAGRAPH_IN_PARAGRAPH.sub(r"\1", content)
    return BARE_URL_PARAGRAPH.sub(lambda m: f"<p>{_link(m[1])}</p>", content).strip()


def wpautop(text: str, *, line_breaks: bool = True) -> str:
    """WordPress's automatic paragraphs: blank lines become <p>, single newlines <br />, blocks left alone.

    A port of `wpautop()` from wp-includes/formatting.php, keeping its order of steps so that imported
    posts read as they did on the old site.
    """
    if not text.strip():
        return ""
    text += "\n"
    preserved: dict[str, str] = {}

    def keep_pre(match: re.Match) -> str:
        key = f"<pre wp-pre-tag-{len(preserved)}></pre>"
        preserved[key] = match[0]
        return key

    text = PRE_BLOCK.sub(keep_pre, text)
    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = BLOCK_OPEN.sub(r"\n\n\1", text)
    text = BLOCK_CLOSE.sub(r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    # Newlines inside a tag's attributes are not paragraph breaks.
    text = TAG_WITH_NEWLINES.sub(lambda m: m[0].replace("\n", " <!-- wpnl --> "), text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p]
    text = "".join(f"<p>{p.strip(chr(10))}</p>\n" for p in paragraphs)
    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.I)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(r"<p>\s*(</?" + ALL_BLOCKS + r"[^>]*>)", r"\1", text)
    text = re.sub(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*</p>", r"\1", text)
    if line_breaks:
        text = RAW_TEXT_BLOCK.sub(lambda m: m[0].replace("\n", "<WPPreserveNewline />"), text)
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")
    text = re.sub(r"(</?" + ALL_BLOCKS + r"[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for key, original in preserved.items():
        text = text.replace(key, original)
    return text.replace(" <!-- wpnl --> ", "\n").replace("<!-- wpnl -->", "\n")


def parse_shortcode_attributes(text: str) -> dict[str, str]:
    """Shortcode attributes as WordPress's `shortcode_parse_atts` reads them; positional ones keyed 0, 1, ..."""
    attributes: dict[str, str] = {}
    position = 0
    for match in SHORTCODE_ATTRIBUTE.finditer(text.replace("\u00a0", " ")):
        groups = match.groups()
        for name_index in (0, 2, 4):
            if groups[name_index]:
                attributes[groups[name_index].lower()] = html.unescape(groups[name_index + 1])
                break
        else:
            value = next((g for g in groups[6:] if g is not None), "")
            attributes[str(position)] = value
            position += 1
    return attributes


def expand_shortcodes(
    content: str,
    *,
    post_id: str = "",
    attachments: Mapping[str, Attachment],
    rewrite_url: Callable[[str], str] = lambda url: url,
) -> str:
    """Expand the shortcodes Broadsheet understands; every other [shortcode] stays in the text, visible."""

    def expand(match: re.Match) -> str:
        if match["open_escape"] and match["close_escape"]:
            return match[0][1:-1]  # [[gallery]] is WordPress's way of writing a literal [gallery]
        attributes = parse_shortcode_attributes(match["attributes"] or "")
        inner = match["content"] or ""
        name = match["name"]
        if name in ("caption", "wp_caption"):
            return _caption(attributes, inner)
        if name == "gallery":
            return _gallery(attributes, post_id, attachments)
        if name == "embed":
            url = inner.strip() or attributes.get("src", "")
            return f"<p>{_link(url)}</p>" if url else ""
        return _media_link(name, attributes, post_id, attachments, rewrite_url)

    return SHORTCODE.sub(expand, content)


def _caption(attributes: Mapping[str, str], inner: str) -> str:
    caption = attributes.get("caption", "")
    if not caption:
        match = CAPTIONED_IMAGE.match(inner.strip())
        if match:
            inner, caption = match[1], match[2].strip()
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"<figure>{inner.strip()}{caption_html}</figure>"


def _gallery(attributes: Mapping[str, str], post_id: str, attachments: Mapping[str, Attachment]) -> str:
    listed = attributes.get("ids") or attributes.get("include") or ""
    if listed:
        ids = [part.strip() for part in listed.split(",") if part.strip()]
    else:
        excluded = {part.strip() for part in attributes.get("exclude", "").split(",")}
        ids = [key for key, item in attachments.items() if item.parent_id == post_id and key not in excluded]
    images = [attachments[key] for key in ids if key in attachments and attachments[key].is_image]
    if not images:
        return ""
    figures = "".join(
        f'<figure><img src="{html.escape(image.url)}" alt="{html.escape(image.alt_text)}" loading="lazy">'
        + (f"<figcaption>{html.escape(image.caption)}</figcaption>" if image.caption else "")
        + "</figure>"
        for image in images
    )
    return f'<figure class="gallery">{figures}</figure>'


def _media_link(
    kind: str,
    attributes: Mapping[str, str],
    post_id: str,
    attachments: Mapping[str, Attachment],
    rewrite_url: Callable[[str], str],
) -> str:
    # Broadsheet's sanitiser keeps no <audio>/<video> players; a plain link plays in every browser.
    keys = AUDIO_SOURCES if kind == "audio" else VIDEO_SOURCES
    url = next((attributes[key] for key in keys if attributes.get(key)), "")
    if not url:
        attached = next(
            (
                item
                for item in attachments.values()
                if item.parent_id == post_id and item.mime_type.startswith(f"{kind}/")
            ),
            None,
        )
        url = attached.url if attached else ""
    if not url:
        return ""
    url = rewrite_url(url)
    label = "Listen" if kind == "audio" else "Watch"
    name = urlparse(url).path.rsplit("/", 1)[-1] or url
    return f'<p><a href="{html.escape(url)}">{label}: {html.escape(name)}</a></p>'


def _link(url: str) -> str:
    url = html.unescape(url.strip())
    return f'<a href="{html.escape(url)}">{html.escape(url)}</a>'


def html_to_plain_text(fragment: str) -> str:
    """Visible text of a fragment of HTML, for titles and standfirsts that Broadsheet keeps as plain text."""
    text = re.sub(r"<[^>]*>", "", fragment or "")
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def wordpress_comment_to_text(content: str) -> str:
    """A WordPress comment (HTML with a few tags) as the plain text a Broadsheet commenter would have typed.

    The discussion app renders comment text with its own small markup (paragraphs, links, *emphasis*,
    **strong**, `code`, > quotes); translating to that keeps one renderer, and one sanitiser, for all comments.
    """
    text = content.replace("\r\n", "\n").replace("\r", "\n")

    def link(match: re.Match) -> str:
        href, label = html.unescape(match[1]), html_to_plain_text(match[2])
        return href if not label or label == href else f"{label} ({href})"

    text = re.sub(r"<a\s[^>]*?href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", link, text, flags=re.S | re.I)
    text = re.sub(r"</?(?:strong|b)>", "**", text, flags=re.I)
    text = re.sub(r"</?(?:em|i)>", "*", text, flags=re.I)
    text = re.sub(r"</?code>", "`", text, flags=re.I)
    text = re.sub(
        r"<blockquote[^>]*>(.*?)</blockquote>",
        lambda m: "\n\n" + "\n".join("> " + line for line in m[1].strip().split("\n")) + "\n\n",
        text,
        flags=re.S | re.I,
    )
    text = re.sub(r"<br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"</?p[^>]*>", "\n\n", text, flags=re.I)
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
