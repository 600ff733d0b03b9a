"""Posting is POST–redirect–GET: a published comment lands at its anchor, a held one at a signed private link."""

from urllib.parse import parse_qs, urlparse

from broadsheet.discussion.models import Comment
from broadsheet.discussion.tokens import moderation_hash


def test_a_first_time_commenter_is_held_and_sent_to_a_signed_link(make_article, post_comment_form):
    article = make_article("Budget day")

    response = post_comment_form(article)

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert response.status_code == 303
    url = urlparse(response["Location"])
    assert url.path == article.get_absolute_url()
    assert parse_qs(url.query) == {
        "unapproved": [str(comment.pk)],
        "moderation-hash": [moderation_hash(comment.pk)],
    }
    assert url.fragment == f"comment-{comment.pk}"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_commenter_with_an_approved_comment_is_published_at_once(
    make_article, make_comment, post_comment_form
):
    article = make_article()
    make_comment(article, author_email="jo@example.org", author_name="Jo Reader")

    response = post_comment_form(article, content="Agreed, and the transport plans deserve more attention.")

    comment = Comment.objects.latest("id")
    assert comment.status == Comment.Status.APPROVED
    assert response.status_code == 303
    assert response["Location"] == f"{article.get_absolute_url()}#comment-{comment.pk}"
    page = response.client.get(article.get_absolute_url())
    assert "Agreed, and the transport plans deserve more attention." in page.content.decode()


def test_the_verdict_is_stored_with_the_comment(make_article, post_comment_form):
    post_comment_form(make_article())

    comment = Comment.objects.get()
    assert comment.spam_decision in {"approve", "hold"}
    assert 0 <= comment.spam_score <= 1
    assert comment.spam_reasons and {"code", "weight", "message"} <= set(comment.spam_reasons[0])
    assert comment.ip == "203.0.113.7"


def test_a_reply_is_stored_under_its_parent(make_article, make_comment, post_comment_form):
    article = make_article()
    parent = make_comment(article)

    post_comment_form(article, parent=parent.pk, content="I disagree with the second point.")

    reply = Comment.objects.latest("id")
    assert reply.parent == parent and reply.depth == 2
