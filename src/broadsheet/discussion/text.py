"""Comment text to safe HTML: paragraphs, auto-linked addresses, *emphasis*, **strong**, `code` and > quotes.

Readers type plain text. We escape everything first, then add the few marks we support, then pass the result
through nh3 with a short allow-list, so nothing a reader types can become markup we did not intend.
"""

from __future__ import annotations

import re

import nh3
from django.utils.html import escape

ALLOWED_TAGS = {"p", "br", "em", "strong", "code", "blockquote", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_PATTERN = re.compile(r"(?<![\w/\"'=])((?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)\]])", re.IGNORECASE)
CODE_PATTERN = re.compile(r"`([^`\n]+)`")
STRONG_PATTERN = re.compile(r"\*\*(?=\S)([^*\n]+?)(?<=\S)\*\*")
EMPHASIS_PATTERN = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?![\w*])")


def render_comment_text(source: str) -> str:
    """The sanitised HTML shown for a comment's text."""
    blocks = [block for block in re.split(r"\n\s*\n", source.replace("\r\n", "\n").strip()) if block.strip()]
    html = "".join(_render_block(block) for block in blocks)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https"},
        link_rel="nofollow ugc",
    )


def _render_block(block: str) -> str:
    lines = block.split("\n")
    if all(line.lstrip().startswith(">") for line in lines):
        inner = "\n".join(line.lstrip()[1:].lstrip() for line in lines)
        return f"<blockquote>{render_comment_text(inner)}</blockquote>"
    return "<p>" + "<br>".join(_render_inline(line.strip()) for line in lines) + "</p>"


def _render_inline(line: str) -> str:
    # Code spans first, so marks and addresses inside them stay literal.
    pieces = CODE_PATTERN.split(line)
    rendered = []
    for index, piece in enumerate(pieces):
        if index % 2:
            rendered.append(f"<code>{escape(piece)}</code>")
        else:
            rendered.append(_render_marks(piece))
    return "".join(rendered)


def _render_marks(text: str) -> str:
    links: list[str] = []

    def keep_link(match: re.Match) -> str:
        address = match.group(1)
        href = address if "://" in address else f"https://{address}"
        links.append(f'<a href="{escape(href)}">{escape(address)}</a>')
        return f"\x00{len(links) - 1}\x00"

    text = URL_PATTERN.sub(keep_link, text)
    text = escape(text)
    text = STRONG_PATTERN.sub(r"<strong>\1</strong>", text)
    text = EMPHASIS_PATTERN.sub(r"<em>\1</em>", text)
    return re.sub("\x00(\\d+)\x00", lambda match: links[int(match.group(1))], text)
