"""The comment thread's HTML, written in Python: a thread of twenty comments is the costliest part of an
uncached article page, and a template include per comment made it several times slower. The markup is
WordPress's (ids, classes, the Reply link), so themes and scripts find what they expect."""

from __future__ import annotations

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from .selectors import ThreadEntry


def comment_list(entries: list[ThreadEntry], *, replies_open: bool) -> SafeString:
    return format_html_join(
        "\n", "{}", ((comment_item(entry, replies_open=replies_open),) for entry in entries)
    )


def comment_item(entry: ThreadEntry, *, replies_open: bool) -> SafeString:
    comment = entry.comment
    posted = timezone.localtime(comment.created_at)
    classes = f"comment comment--level-{entry.level}"
    classes += " comment--editor" if comment.is_by_editor else ""
    classes += " comment--held" if comment.is_awaiting_moderation else ""
    if comment.author_url:
        author = format_html(
            '<a href="{}" rel="external nofollow ugc">{}</a>', comment.author_url, comment.author_name
        )
    else:
        author = format_html("{}", comment.author_name)
    badge = mark_safe(' <span class="comment__badge">Editor</span>') if comment.is_by_editor else ""
    held = (
        mark_safe(
            '<p class="comment__awaiting notice" role="status">Your comment is awaiting moderation.</p>'
        )
        if comment.is_awaiting_moderation
        else ""
    )
    reply = ""
    if entry.accepts_replies and replies_open:
        reply = format_html(
            '<p class="comment__reply"><a class="comment-reply-link" rel="nofollow" href="?replytocom={0}#respond" '
            'data-comment-id="{0}" data-author="{1}" aria-label="Reply to {1}">Reply</a></p>',
            comment.pk,
            comment.author_name,
        )
    replies = ""
    if entry.replies:
        replies = format_html(
            '<ol class="comment-list comment-list--replies">\n{}\n</ol>',
            comment_list(entry.replies, replies_open=replies_open),
        )
    return format_html(
        '<li id="comment-{pk}" class="{classes}">\n'
        '  <article class="comment__body" aria-labelledby="comment-{pk}-author">\n'
        '    <footer class="comment__meta">\n'
        '      <span class="comment__author" id="comment-{pk}-author">{author}</span>{badge}\n'
        '      <a class="comment__permalink" href="#comment-{pk}"><time datetime="{iso}">{when}</time></a>\n'
        "    </footer>\n"
        "    {held}\n"
        '    <div class="comment__text">{text}</div>\n'
        "    {reply}\n"
        "  </article>\n"
        "  {replies}\n"
        "</li>",
        pk=comment.pk,
        classes=classes,
        author=author,
        badge=badge,
        iso=format_date(posted, "c"),
        when=format_date(posted, r"j F Y \a\t H:i"),
        held=held,
        text=mark_safe(comment.content_html),  # sanitised with nh3 when the comment was saved
        reply=reply,
        replies=replies,
    )
