"""The same text from the same author on the same article is refused with a clear 409."""

from broadsheet.discussion.models import Comment


def test_posting_the_same_comment_twice_is_a_conflict(make_article, post_comment_form, settings):
    settings.COMMENT_FLOOD_SECONDS = 0
    article = make_article()
    post_comment_form(article)

    response = post_comment_form(article)

    assert response.status_code == 409
    assert "already said that" in response.content.decode()
    assert "the figures for next year look optimistic" in response.content.decode()
    assert Comment.objects.count() == 1


def test_the_same_words_from_someone_else_are_fine(make_article, post_comment_form, settings):
    settings.COMMENT_FLOOD_SECONDS = 0
    article = make_article()
    post_comment_form(article)

    response = post_comment_form(article, author_name="Sam", author_email="sam@example.org")

    assert response.status_code == 303


def test_the_same_words_on_another_article_are_fine(make_article, post_comment_form, settings):
    settings.COMMENT_FLOOD_SECONDS = 0
    post_comment_form(make_article())

    assert post_comment_form(make_article()).status_code == 303
