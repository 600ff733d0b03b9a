"""A second comment from the same IP or email within COMMENT_FLOOD_SECONDS is refused with 429 and Retry-After."""

from broadsheet.discussion.models import Comment


def test_a_second_comment_from_the_same_ip_within_the_interval_is_refused(make_article, post_comment_form):
    article = make_article()
    post_comment_form(article, author_email="first@example.org")

    response = post_comment_form(article, author_email="second@example.org", content="Another view entirely.")

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 16
    assert "too quickly" in response.content.decode()
    assert "Another view entirely." in response.content.decode()  # the form keeps the text
    assert Comment.objects.count() == 1


def test_the_same_email_from_another_ip_is_refused_too(make_article, post_comment_form):
    article = make_article()
    post_comment_form(article, ip="198.51.100.1")

    response = post_comment_form(article, ip="198.51.100.2", content="Something else to add.")

    assert response.status_code == 429


def test_another_reader_elsewhere_may_post_at_once(make_article, post_comment_form):
    article = make_article()
    post_comment_form(article, ip="198.51.100.1")

    response = post_comment_form(
        article, ip="198.51.100.2", author_email="other@example.org", content="Hello."
    )

    assert response.status_code == 303


def test_the_interval_is_a_setting(make_article, post_comment_form, settings):
    settings.COMMENT_FLOOD_SECONDS = 0
    article = make_article()
    post_comment_form(article)

    assert post_comment_form(article, content="A second, different thought.").status_code == 303
