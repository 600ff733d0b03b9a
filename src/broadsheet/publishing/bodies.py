"""Article bodies: Markdown or pasted HTML in, sanitised HTML, plain text, word count and reading time out."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

import markdown
import nh3
from django.conf import settings

# Editors may use these beyond nh3's safe defaults; scripts, styles, frames and event handlers never survive.
ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"figure", "figcaption", "picture", "source", "mark", "section", "aside"}
ALLOWED_ATTRIBUTES = {
    **nh3.ALLOWED_ATTRIBUTES,
    "img": {"src", "alt", "title", "width", "height", "loading", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes"},
    "a": {"href", "title", "hreflang"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "reversed", "type"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

# [[see also]] or [[see also: some-article-slug]], alone in its paragraph or inline.
SEE_ALSO_MARKER = re.compile(r"\[\[\s*see[\s-]+also\s*(?::\s*(?P<slug>[\w-]+)\s*)?\]\]", re.IGNORECASE)
# The normalised form stored in body_html and resolved to a link when the page is rendered.
STORED_SEE_ALSO = re.compile(r"(?:<p>\s*)?\[\[see-also(?::(?P<slug>[\w-]+))?\]\](?:\s*</p>)?")
WORD = re.compile(r"[^\W_][\w'’-]*")
TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class RenderedBody:
    html: str
    text: str
    word_count: int
    image_count: int
    reading_time_minutes: int


def sanitise_html(raw_html: str) -> str:
    return nh3.clean(
        raw_html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_body(source: str, body_format: str, *, has_featured_image: bool = False) -> RenderedBody:
    raw = (
        markdown.markdown(source, extensions=["extra", "sane_lists"]) if body_format == "markdown" else source
    )
    clean = sanitise_html(raw)
    clean = SEE_ALSO_MARKER.sub(
        lambda m: f"[[see-also:{m['slug'].lower()}]]" if m["slug"] else "[[see-also]]", clean
    )
    text = html_to_text(STORED_SEE_ALSO.sub(" ", clean))
    words = count_words(text)
    images = clean.count("<img") + (1 if has_featured_image else 0)
    return RenderedBody(clean, text, words, images, reading_time_minutes(words, images))


def html_to_text(fragment: str) -> str:
    spaced = re.sub(r"</(p|h[1-6]|li|blockquote|figcaption|div|tr)>|<br\s*/?>", " \n", fragment)
    return re.sub(r"[ \t]+", " ", html.unescape(TAG.sub("", spaced))).strip()


def count_words(text: str) -> int:
    return len(WORD.findall(text))


def reading_time_minutes(words: int, images: int = 0) -> int:
    """Minutes to read: words at the site's reading speed plus a few seconds per image, never below one."""
    minutes = words / settings.READING_WORDS_PER_MINUTE + images * settings.READING_SECONDS_PER_IMAGE / 60
    return max(1, math.floor(minutes + 0.5))


def see_also_slugs(body_html: str) -> set[str]:
    return {m["slug"] for m in STORED_SEE_ALSO.finditer(body_html) if m["slug"]}


def link_see_also_markers(body_html: str, chosen: dict, related: list) -> str:
    """Replace each stored See-also marker with a link: to the chosen article, else to the best related one
    not linked yet; a marker with nothing to point at disappears."""
    unused = [article for article in related if article.slug not in chosen]

    def link(match: re.Match) -> str:
        target = chosen.get(match["slug"]) if match["slug"] else None
        if target is None:
            if not unused:
                return ""
            target = unused.pop(0)
        return (
            f'<aside class="see-also"><span class="see-also__label">See also:</span> '
            f'<a href="{html.escape(target.get_absolute_url())}">{html.escape(target.title)}</a></aside>'
        )

    return STORED_SEE_ALSO.sub(link, body_html)
