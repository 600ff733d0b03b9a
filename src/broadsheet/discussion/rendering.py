"""The comment thread's HTML, written in Python: a thread of twenty comments is the costliest part of an
uncached article page, and a template include per comment made it several times slower. The markup is
WordPress's (ids, classes, the Reply link), so themes and scripts find what they expect."""

from __future__ import annotations

from html import escape

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from .selectors import ThreadEntry

EDITOR_BADGE = ' <span class="comment__badge">Editor</span>'
AWAITING = '<p class="comment__awaiting notice" role="status">Your comment is awaiting moderation.</p>'


def comment_list(entries: list[ThreadEntry], *, replies_open: bool) -> SafeString:
    return mark_safe("\n".join(comment_item(entry, replies_open=replies_open) for entry in entries))


def comment_item(entry: ThreadEntry, *, replies_open: bool) -> str:
    """One comment and its replies. Every value from a reader is escaped here; the text was sanitised with
    nh3 when the comment was saved."""
    comment = entry.comment
    pk, name = comment.pk, escape(comment.author_name)
    posted = timezone.localtime(comment.created_at)
    classes = f"comment comment--level-{entry.level}"
    classes += " comment--editor" if comment.is_by_editor else ""
    classes += " comment--held" if comment.is_awaiting_moderation else ""
    author = (
        f'<a href="{escape(comment.author_url)}" rel="external nofollow ugc">{name}</a>'
        if comment.author_url
        else name
    )
    reply = ""
    if entry.accepts_replies and replies_open:
        reply = (
            f'<p class="comment__reply"><a class="comment-reply-link" rel="nofollow" href="?replytocom={pk}#respond" '
            f'data-comment-id="{pk}" data-author="{name}" aria-label="Reply to {name}">Reply</a></p>'
        )
    replies = ""
    if entry.replies:
        replies = (
            '<ol class="comment-list comment-list--replies">\n'
            f"{comment_list(entry.replies, replies_open=replies_open)}\n</ol>"
        )
    return (
        f'<li id="comment-{pk}" class="{classes}">\n'
        f'  <article class="comment__body" aria-labelledby="comment-{pk}-author">\n'
        '    <footer class="comment__meta">\n'
        f'      <span class="comment__author" id="comment-{pk}-author">{author}</span>'
        f"{EDITOR_BADGE if comment.is_by_editor else ''}\n"
        f'      <a class="comment__permalink" href="#comment-{pk}"><time datetime="{posted.isoformat()}">'
        f"{posted.day} {posted:%B %Y} at {posted:%H:%M}</time></a>\n"
        "    </footer>\n"
        f"    {AWAITING if comment.is_awaiting_moderation else ''}\n"
        f'    <div class="comment__text">{comment.content_html}</div>\n'
        f"    {reply}\n"
        "  </article>\n"
        f"  {replies}\n"
        "</li>"
    )
