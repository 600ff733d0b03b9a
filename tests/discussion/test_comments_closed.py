"""Closed discussions show "Comments are closed." and the endpoint refuses new comments."""

from datetime import timedelta

from django.utils import timezone

from broadsheet.discussion.models import Comment, DiscussionSettings


def test_an_article_with_comments_switched_off(make_article, post_comment_form, client):
    article = make_article(comments_open=False)

    page = client.get(article.get_absolute_url()).content.decode()
    response = post_comment_form(article)

    assert "Comments are closed." in page and 'id="commentform"' not in page
    assert response.status_code == 403 and "closed" in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_close_some_days_after_publishing(make_article, post_comment_form, client):
    DiscussionSettings.objects.create(close_after_days=14)
    old = make_article(published_at=timezone.now() - timedelta(days=15))
    recent = make_article(published_at=timezone.now() - timedelta(days=13))

    assert post_comment_form(old).status_code == 403
    assert "Comments are closed." in client.get(old.get_absolute_url()).content.decode()
    assert post_comment_form(recent, ip="192.0.2.9", author_email="x@example.org").status_code == 303


def test_zero_days_means_never_closed(make_article, post_comment_form):
    DiscussionSettings.objects.create(close_after_days=0)

    assert (
        post_comment_form(make_article(published_at=timezone.now() - timedelta(days=3000))).status_code == 303
    )


def test_a_draft_takes_no_comments(make_article, post_comment_form):
    assert post_comment_form(make_article(status="draft")).status_code == 404
