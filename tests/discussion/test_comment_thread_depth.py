"""Threads nest to COMMENT_MAX_DEPTH; deeper replies join the deepest level, and the Reply link works without JS."""

from broadsheet.discussion.models import Comment
from broadsheet.discussion.selectors import thread


def test_replies_beyond_the_maximum_depth_join_the_deepest_level(make_article, make_comment, settings):
    settings.COMMENT_MAX_DEPTH = 3
    article = make_article()
    chain = []
    parent = None
    for level in range(5):
        parent = make_comment(article, f"Level {level + 1}", parent=parent)
        chain.append(parent)

    entries = thread(Comment.objects.filter(article=article), max_depth=3)

    level_three = entries[0].replies[0].replies
    assert [entry.comment.content for entry in level_three] == ["Level 3", "Level 4", "Level 5"]
    assert all(entry.level == 3 and not entry.replies for entry in level_three)


def test_posting_a_reply_to_the_deepest_level_attaches_it_to_that_level(
    make_article, make_comment, post_comment_form, settings
):
    settings.COMMENT_MAX_DEPTH = 2
    article = make_article()
    top = make_comment(article)
    deepest = make_comment(article, parent=top)

    post_comment_form(article, parent=deepest.pk, content="Deeper still.")

    reply = Comment.objects.latest("id")
    assert reply.parent == top and reply.depth == 2


def test_the_reply_link_opens_the_form_for_that_comment_without_javascript(
    make_article, make_comment, client
):
    article = make_article()
    comment = make_comment(article, author_name="Ola")

    page = client.get(article.get_absolute_url()).content.decode()
    assert f'href="?replytocom={comment.pk}#respond"' in page

    reply_page = client.get(f"{article.get_absolute_url()}?replytocom={comment.pk}").content.decode()
    assert "Reply to Ola" in reply_page
    assert f'name="parent" value="{comment.pk}"' in reply_page


def test_author_names_link_to_their_website_as_user_content(make_article, make_comment, client):
    article = make_article()
    make_comment(article, author_name="Ola", author_url="https://ola.example")

    page = client.get(article.get_absolute_url()).content.decode()

    assert '<a href="https://ola.example" rel="external nofollow ugc">Ola</a>' in page
