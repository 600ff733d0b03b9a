"""Marking a comment as spam changes what happens to the next one from the same source, at once."""

from datetime import timedelta

from django.utils import timezone

from broadsheet.discussion.screening import Draft, RequestMeta
from broadsheet.discussion.services import Action, moderate, post_comment
from broadsheet.discussion.tokens import render_time_token


def test_the_next_comment_from_a_source_marked_as_spam_is_judged_harder(
    make_article, django_capture_on_commit_callbacks
):
    article = make_article()

    def post(text: str, at):
        meta = RequestMeta(
            ip="198.51.100.23",
            user_agent="Mozilla/5.0",
            form_token=render_time_token(at - timedelta(minutes=2)),
        )
        draft = Draft("Sam Poster", "sam@example.net", text, "https://sam.example")
        return post_comment(article, draft, meta, now=at)

    first = post("Nice article, I enjoyed reading about the council's plans for the library.", timezone.now())
    assert first.comment.status in ("approved", "pending")

    with django_capture_on_commit_callbacks(execute=True):
        moderate(first.comment, Action.SPAM)

    later = timezone.now() + timedelta(minutes=5)
    second = post("Another nice article, I enjoyed reading about the council's plans for the park.", later)
    codes = {reason.code for reason in second.screening.reasons}
    assert {"spam_history_email", "spam_history_ip", "spam_history_url"} <= codes
    assert second.screening.verdict.score > first.screening.verdict.score
    assert second.comment.status == "spam"
