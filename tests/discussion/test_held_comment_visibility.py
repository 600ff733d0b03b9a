"""A held comment shows only to the browser holding its signed link, and that page is never shared-cached."""

from broadsheet.discussion.models import Comment
from broadsheet.discussion.tokens import moderation_hash

HELD_TEXT = "My held thoughts on the matter."


def test_the_author_sees_their_held_comment_with_a_notice(make_article, post_comment_form, client):
    article = make_article()
    response = post_comment_form(article, content=HELD_TEXT)

    page = client.get(response["Location"])

    html = page.content.decode()
    assert HELD_TEXT in html
    assert "Your comment is awaiting moderation." in html
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]


def test_nobody_else_sees_it(make_article, post_comment_form, client):
    article = make_article()
    post_comment_form(article, content=HELD_TEXT)
    comment = Comment.objects.get()

    plain = client.get(article.get_absolute_url())
    forged = client.get(
        f"{article.get_absolute_url()}?unapproved={comment.pk}&moderation-hash=0123456789abcdef0123"
    )

    for page in (plain, forged):
        assert HELD_TEXT not in page.content.decode()
        assert "awaiting moderation" not in page.content.decode()


def test_a_hash_for_one_comment_does_not_show_another(make_article, make_comment, client):
    article = make_article()
    mine = make_comment(article, "Mine.", status=Comment.Status.PENDING)
    theirs = make_comment(article, "Someone else's held comment.", status=Comment.Status.PENDING)

    page = client.get(
        f"{article.get_absolute_url()}?unapproved={theirs.pk}&moderation-hash={moderation_hash(mine.pk)}"
    )

    assert "Someone else" not in page.content.decode()


def test_the_link_shows_nothing_once_the_comment_is_spam(make_article, make_comment, client):
    article = make_article()
    comment = make_comment(article, "Buy now.", status=Comment.Status.SPAM)

    page = client.get(
        f"{article.get_absolute_url()}?unapproved={comment.pk}&moderation-hash={moderation_hash(comment.pk)}"
    )

    assert "Buy now." not in page.content.decode()
