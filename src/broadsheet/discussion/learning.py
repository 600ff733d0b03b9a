"""Teaching the spam filter: a moderator approving a comment or marking it as spam gives it an example."""

from __future__ import annotations

from broadsheet.antispam.feedback import learn_from_moderator

from .models import Comment

LESSONS = {"approve": False, "spam": True}  # the action, and whether it says "this is spam"


def teach_spam_filter(sender, comments, action: str, by=None, **kwargs) -> None:
    if action not in LESSONS:
        return
    for comment in comments:
        if comment.comment_type != Comment.Type.COMMENT or comment.is_by_editor:
            continue  # pingbacks and editors' own replies say nothing about readers' comments
        learn_from_moderator(
            source=f"comment:{comment.pk}",
            content=comment.content,
            author_name=comment.author_name,
            author_url=comment.author_url,
            email=comment.author_email,
            is_spam=LESSONS[action],
            by=by,
        )
