"""An invalid comment comes back with everything the reader typed and each error beside its field."""

import re

from broadsheet.discussion.models import Comment


def test_every_typed_field_is_kept_and_each_error_sits_by_its_field(make_article, post_comment_form):
    article = make_article("Floods in the north")

    response = post_comment_form(
        article, author_name="", author_email="not-an-address", author_url="https://mine.example",
        content="My street was under water for two days.", notify_replies="yes", remember="yes",
    )  # fmt: skip

    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Floods in the north" in html
    assert "My street was under water for two days.</textarea>" in html
    assert 'value="not-an-address"' in html and 'value="https://mine.example"' in html
    assert re.search(r'id="notify-replies"[^>]*checked', html) and re.search(
        r'id="remember-commenter"[^>]*checked', html
    )
    assert re.search(r'id="author"[^>]*aria-invalid="true" aria-describedby="author-error"', html)
    assert 'id="author-error">Please enter your name.' in html
    assert re.search(r'id="email"[^>]*aria-describedby="email-notes email-error" aria-invalid="true"', html)
    assert 'id="email-error">Please enter a valid email address.' in html
    assert 'id="comment-error"' not in html
    assert not Comment.objects.exists()


def test_a_reply_keeps_its_parent(make_article, make_comment, post_comment_form):
    article = make_article()
    parent = make_comment(article)

    html = post_comment_form(article, parent=parent.pk, content="").content.decode()

    assert f'name="parent" value="{parent.pk}"' in html
    assert 'id="comment-error">Please type your comment.' in html


def test_text_longer_than_the_limit_is_refused(make_article, post_comment_form, settings):
    response = post_comment_form(make_article(), content="x" * (settings.COMMENT_MAX_LENGTH + 1))

    assert response.status_code == 400
    assert 'id="comment-error"' in response.content.decode()
